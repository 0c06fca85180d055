package main

import (
	"os"

	"github.com/drivelocal/drivelocal/postgres"
)

// config is read from the environment; README.md lists every variable.
type config struct {
	DatabaseURL   string
	HTTPAddr      string
	PublicBaseURL string

	TwilioAccountSID string
	TwilioAuthToken  string
	TwilioFrom       string
	TwilioAPIBaseURL string

	TelegramToken    string
	TelegramEndpoint string
}

func loadConfig() config {
	return config{
		DatabaseURL:      env("DATABASE_URL", postgres.DefaultURL),
		HTTPAddr:         env("HTTP_ADDR", ":8080"),
		PublicBaseURL:    os.Getenv("PUBLIC_BASE_URL"),
		TwilioAccountSID: os.Getenv("TWILIO_ACCOUNT_SID"),
		TwilioAuthToken:  os.Getenv("TWILIO_AUTH_TOKEN"),
		TwilioFrom:       os.Getenv("TWILIO_FROM_NUMBER"),
		TwilioAPIBaseURL: os.Getenv("TWILIO_API_BASE_URL"),
		TelegramToken:    os.Getenv("TELEGRAM_BOT_TOKEN"),
		TelegramEndpoint: os.Getenv("TELEGRAM_API_ENDPOINT"),
	}
}

// twilioEnabled reports whether every Twilio setting is present.
func (c config) twilioEnabled() bool {
	return c.TwilioAccountSID != "" && c.TwilioAuthToken != "" && c.TwilioFrom != "" && c.PublicBaseURL != ""
}

func env(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
