package main

import (
	"os"
	"strconv"
	"strings"
	"time"

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

	// ResumeAfter is RESUME_AFTER_HOURS: after that long without a
	// message, a customer with a basket is asked whether to continue it.
	ResumeAfter time.Duration

	// OrderExpiry is ORDER_EXPIRY_MINUTES: how long an order waits for
	// its merchant (reminded halfway) before it expires.
	OrderExpiry time.Duration
}

// defaultResumeHours is long enough that a customer coming back the same
// morning continues where they were.
const defaultResumeHours = 6

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
		ResumeAfter:      hours("RESUME_AFTER_HOURS", defaultResumeHours),
		OrderExpiry:      minutes("ORDER_EXPIRY_MINUTES", defaultOrderExpiryMinutes),
	}
}

// hours reads a number of hours (decimals allowed, "0,5" or "0.5"); an
// invalid or negative value falls back to the default.
func hours(name string, fallback float64) time.Duration {
	h, err := strconv.ParseFloat(strings.ReplaceAll(os.Getenv(name), ",", "."), 64)
	if err != nil || h < 0 {
		h = fallback
	}
	return time.Duration(h * float64(time.Hour))
}

// defaultOrderExpiryMinutes gives a merchant two hours to answer an
// order, with a reminder after one.
const defaultOrderExpiryMinutes = 120

// minutes reads a positive whole number of minutes; an invalid, zero or
// negative value falls back to the default.
func minutes(name string, fallback int) time.Duration {
	m, err := strconv.Atoi(strings.TrimSpace(os.Getenv(name)))
	if err != nil || m <= 0 {
		m = fallback
	}
	return time.Duration(m) * time.Minute
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

// checkSettings rejects numeric settings that are set but not valid, which
// would otherwise fall back to their defaults without a word.
func (c *cli) checkSettings() error {
	if v := os.Getenv("RESUME_AFTER_HOURS"); v != "" {
		h, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", "."), 64)
		if err != nil || h < 0 {
			return c.fail("CLIBadSetting", map[string]any{"Name": "RESUME_AFTER_HOURS", "Value": v, "Example": "6"})
		}
	}
	if v := os.Getenv("ORDER_EXPIRY_MINUTES"); v != "" {
		m, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || m <= 0 {
			return c.fail("CLIBadSetting", map[string]any{"Name": "ORDER_EXPIRY_MINUTES", "Value": v, "Example": "120"})
		}
	}
	return nil
}
