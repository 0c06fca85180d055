package llm

import (
	"testing"
	"time"
)

func TestConfigFromEnv(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		wantOn  bool
		wantCfg Config
	}{
		{
			name:    "nothing set",
			env:     map[string]string{},
			wantOn:  false,
			wantCfg: Config{BaseURL: DefaultBaseURL, Model: DefaultModel, Timeout: DefaultTimeout},
		},
		{
			name:    "key only",
			env:     map[string]string{EnvAPIKey: "sk-test"},
			wantOn:  true,
			wantCfg: Config{APIKey: "sk-test", BaseURL: DefaultBaseURL, Model: DefaultModel, Timeout: DefaultTimeout},
		},
		{
			name:    "local server without key",
			env:     map[string]string{EnvBaseURL: "http://127.0.0.1:8080/v1", EnvModel: "qwen2.5-7b-instruct"},
			wantOn:  true,
			wantCfg: Config{BaseURL: "http://127.0.0.1:8080/v1", Model: "qwen2.5-7b-instruct", Timeout: DefaultTimeout},
		},
		{
			name:    "all set",
			env:     map[string]string{EnvAPIKey: " sk-test\n", EnvBaseURL: "https://api.mistral.ai/v1", EnvModel: "mistral-small-latest"},
			wantOn:  true,
			wantCfg: Config{APIKey: "sk-test", BaseURL: "https://api.mistral.ai/v1", Model: "mistral-small-latest", Timeout: DefaultTimeout},
		},
		{
			name:    "blank key",
			env:     map[string]string{EnvAPIKey: "   "},
			wantOn:  false,
			wantCfg: Config{BaseURL: DefaultBaseURL, Model: DefaultModel, Timeout: DefaultTimeout},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, name := range []string{EnvAPIKey, EnvBaseURL, EnvModel} {
				t.Setenv(name, tt.env[name])
			}

			cfg, on := ConfigFromEnv()

			if on != tt.wantOn {
				t.Errorf("on = %v, want %v", on, tt.wantOn)
			}
			if cfg != tt.wantCfg {
				t.Errorf("config = %+v, want %+v", cfg, tt.wantCfg)
			}
		})
	}
}

func TestNewAppliesDefaults(t *testing.T) {
	reader := New(Config{Timeout: -time.Second}, nil)

	if reader.model != DefaultModel {
		t.Errorf("model = %q, want %q", reader.model, DefaultModel)
	}
	if reader.timeout != DefaultTimeout {
		t.Errorf("timeout = %v, want %v", reader.timeout, DefaultTimeout)
	}
	if reader.logger == nil {
		t.Error("logger = nil, want slog.Default()")
	}
}
