package llm

import (
	"os"
	"strings"
	"time"
)

// Defaults that ConfigFromEnv and New apply to empty Config fields.
const (
	DefaultBaseURL = "https://api.openai.com/v1"
	DefaultModel   = "gpt-4o-mini"
	DefaultTimeout = 4 * time.Second
)

// Environment variables that ConfigFromEnv reads.
const (
	EnvAPIKey  = "OPENAI_API_KEY"
	EnvBaseURL = "OPENAI_BASE_URL"
	EnvModel   = "OPENAI_MODEL"
)

// Config selects the chat-completions endpoint and the model.
type Config struct {
	// APIKey is sent as a Bearer token. An empty key sends no Authorization
	// header, which suits a local server.
	APIKey string
	// BaseURL is the endpoint up to and including the API version, such as
	// "http://127.0.0.1:8080/v1". The client appends "/chat/completions".
	BaseURL string
	Model   string
	// Timeout bounds one whole ReadOrder call, from request to parsed response.
	Timeout time.Duration
}

// ConfigFromEnv reads the configuration from OPENAI_API_KEY, OPENAI_BASE_URL
// and OPENAI_MODEL, and reports whether the language-model fallback is on.
//
// The fallback is on when OPENAI_API_KEY is set. It is also on when only
// OPENAI_BASE_URL is set, because a local server may need no key. With
// neither, it is off. An unset OPENAI_BASE_URL means DefaultBaseURL, an unset
// OPENAI_MODEL means DefaultModel, and Timeout is always DefaultTimeout.
func ConfigFromEnv() (Config, bool) {
	cfg := Config{
		APIKey:  strings.TrimSpace(os.Getenv(EnvAPIKey)),
		BaseURL: strings.TrimSpace(os.Getenv(EnvBaseURL)),
		Model:   strings.TrimSpace(os.Getenv(EnvModel)),
	}
	on := cfg.APIKey != "" || cfg.BaseURL != ""
	return cfg.withDefaults(), on
}

// withDefaults returns cfg with its empty fields, and a Timeout that is not
// positive, set to the package defaults.
func (cfg Config) withDefaults() Config {
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL
	}
	if cfg.Model == "" {
		cfg.Model = DefaultModel
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	return cfg
}
