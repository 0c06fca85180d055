package llm

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// modelOutput is the JSON object that the system prompt requests from the model.
type modelOutput struct {
	Lines   *[]outputLine `json:"lines"`
	Refused bool          `json:"refused"`
}

// outputLine is one line of the model's output. Both fields are kept raw
// because models sometimes write numbers as strings ("1,5").
type outputLine struct {
	Product  json.RawMessage `json:"product"`
	Quantity json.RawMessage `json:"quantity"`
}

var (
	// thinkBlock matches the reasoning that some local models print before
	// their output.
	thinkBlock = regexp.MustCompile(`(?s)^\s*<think>.*?</think>`)
	// codeFence matches a Markdown code fence around the output.
	codeFence = regexp.MustCompile("(?s)^\\s*```[a-zA-Z]*\\s*(.*?)\\s*```\\s*$")
	// decimalString matches a number written as a string, with a decimal
	// point or comma.
	decimalString = regexp.MustCompile(`^\d+([.,]\d+)?$`)
)

// parseOutput decodes the model's message content. It accepts the object
// alone, inside a Markdown code fence, after a <think> block or among
// prose, and fails when no object with a "lines" or "refused" field is there.
func parseOutput(content string) (modelOutput, error) {
	text := extractObject(content)
	if text == "" {
		return modelOutput{}, errors.New("parse model output: no JSON object")
	}

	var fields map[string]json.RawMessage
	if err := json.Unmarshal([]byte(text), &fields); err != nil {
		return modelOutput{}, fmt.Errorf("parse model output: %w", err)
	}
	_, hasLines := fields["lines"]
	_, hasRefused := fields["refused"]
	if !hasLines && !hasRefused {
		return modelOutput{}, errors.New(`parse model output: missing "lines" and "refused"`)
	}

	var a modelOutput
	if err := json.Unmarshal([]byte(text), &a); err != nil {
		return modelOutput{}, fmt.Errorf("parse model output: %w", err)
	}
	return a, nil
}

// refused reports whether the model declined to read an order, or listed
// no line.
func (a modelOutput) refused() bool {
	return a.Refused || a.Lines == nil || len(*a.Lines) == 0
}

// extractObject returns the JSON object in content, without a <think>
// block, code fence or prose around it, or "" when there is no "{".
func extractObject(content string) string {
	text := thinkBlock.ReplaceAllString(content, "")
	if m := codeFence.FindStringSubmatch(text); m != nil {
		text = m[1]
	}
	text = strings.TrimSpace(text)

	start := strings.IndexByte(text, '{')
	end := strings.LastIndexByte(text, '}')
	if start < 0 || end < start {
		return ""
	}
	return text[start : end+1]
}

// parseNumber reads a JSON number, or a string holding a decimal number
// such as "1,5". It fails on anything else, including NaN and infinities.
func parseNumber(raw json.RawMessage) (float64, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return 0, errors.New("parse number: missing")
	}

	var v float64
	if err := json.Unmarshal(raw, &v); err == nil {
		return v, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return 0, fmt.Errorf("parse number %s: not a number or string", raw)
	}
	s = strings.TrimSpace(s)
	if !decimalString.MatchString(s) {
		return 0, fmt.Errorf("parse number %q: invalid", s)
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", "."), 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, fmt.Errorf("parse number %q: invalid", s)
	}
	return v, nil
}
