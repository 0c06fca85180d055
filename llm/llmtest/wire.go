package llmtest

// Request is one chat-completions request as the fake received it.
type Request struct {
	Model    string    `json:"model"`
	Messages []Message `json:"messages"`
	// Temperature is nil when the request left the field out.
	Temperature *float64 `json:"temperature"`
	// ResponseFormat is nil when the request left the field out.
	ResponseFormat *ResponseFormat `json:"response_format"`
	Stream         bool            `json:"stream"`

	// Authorization is the request's Authorization header.
	Authorization string `json:"-"`
	// Body is the request body as sent.
	Body []byte `json:"-"`
}

// Message is one message of a request.
type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// ResponseFormat is the response_format field of a request.
type ResponseFormat struct {
	Type string `json:"type"`
}

// Message returns the content of the first message with role, or "".
func (r Request) Message(role string) string {
	for _, m := range r.Messages {
		if m.Role == role {
			return m.Content
		}
	}
	return ""
}

// completion is the body of a successful chat-completions response.
type completion struct {
	ID      string   `json:"id"`
	Object  string   `json:"object"`
	Created int64    `json:"created"`
	Model   string   `json:"model"`
	Choices []choice `json:"choices"`
	Usage   usage    `json:"usage"`
}

type choice struct {
	Index        int             `json:"index"`
	Message      assistantOutput `json:"message"`
	FinishReason string          `json:"finish_reason"`
}

// assistantOutput is the message of a choice. Content is null when the
// model refused, as OpenAI sends it.
type assistantOutput struct {
	Role    string  `json:"role"`
	Content *string `json:"content"`
	Refusal *string `json:"refusal"`
}

type usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
	TotalTokens      int `json:"total_tokens"`
}

// errorBody is the body of a failed response.
type errorBody struct {
	Error APIError `json:"error"`
}
