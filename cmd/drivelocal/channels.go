package main

import (
	"log/slog"
	"net/http"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/time/rate"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/bot/sms"
	"github.com/drivelocal/drivelocal/bot/telegram"
)

// Send rates. Telegram allows about 30 messages per second to different
// chats (Bot API FAQ); Twilio queues what a number cannot send at once, so
// the SMS limit only smooths bursts.
const (
	telegramRate  = 25
	telegramBurst = 5
	smsRate       = 10
	smsBurst      = 10
)

// smsChannel mounts the Twilio webhook and returns the SMS sender, or
// nothing when a Twilio setting is missing.
func smsChannel(cfg config, d *bot.Dispatcher, pool *pgxpool.Pool, log *slog.Logger, mux *http.ServeMux) ([]worker, error) {
	if missing := missingTwilio(cfg); missing != "" {
		log.Warn("sms channel off", "missing", missing)
		return nil, nil
	}
	hook, err := sms.NewWebhook(cfg.TwilioAuthToken, cfg.PublicBaseURL, d, log.With("component", "sms_webhook"))
	if err != nil {
		return nil, err
	}
	mux.Handle("/webhooks/twilio/sms", hook)

	sender, err := sms.NewSender(sms.SenderConfig{
		AccountSID: cfg.TwilioAccountSID, AuthToken: cfg.TwilioAuthToken,
		From: cfg.TwilioFrom, APIBaseURL: cfg.TwilioAPIBaseURL,
	})
	if err != nil {
		return nil, err
	}
	loop := &bot.SenderLoop{DB: pool, Channel: bot.SMS, Sender: sender,
		Limiter: rate.NewLimiter(smsRate, smsBurst), Logger: log.With("component", "sms_sender")}
	log.Info("sms channel on", "webhook", strings.TrimSuffix(cfg.PublicBaseURL, "/")+"/webhooks/twilio/sms")
	return []worker{{name: "sms_sender", run: loop.Run}}, nil
}

func missingTwilio(cfg config) string {
	var missing []string
	for name, v := range map[string]string{
		"TWILIO_ACCOUNT_SID": cfg.TwilioAccountSID, "TWILIO_AUTH_TOKEN": cfg.TwilioAuthToken,
		"TWILIO_FROM_NUMBER": cfg.TwilioFrom, "PUBLIC_BASE_URL": cfg.PublicBaseURL,
	} {
		if v == "" {
			missing = append(missing, name)
		}
	}
	slices.Sort(missing)
	return strings.Join(missing, ", ")
}

// telegramChannel returns the Telegram poller and sender, or nothing when
// TELEGRAM_BOT_TOKEN is not set.
func telegramChannel(cfg config, d *bot.Dispatcher, pool *pgxpool.Pool, log *slog.Logger) ([]worker, error) {
	if cfg.TelegramToken == "" {
		log.Warn("telegram channel off", "missing", "TELEGRAM_BOT_TOKEN")
		return nil, nil
	}
	api, err := telegram.NewAPI(cfg.TelegramToken, cfg.TelegramEndpoint, nil)
	if err != nil {
		return nil, err
	}
	poller := telegram.NewPoller(api, pool, d, log.With("component", "telegram_poller"))
	loop := &bot.SenderLoop{DB: pool, Channel: bot.Telegram, Sender: telegram.NewSender(api),
		Limiter: rate.NewLimiter(telegramRate, telegramBurst), Logger: log.With("component", "telegram_sender")}
	log.Info("telegram channel on", "bot", api.Self.UserName)
	return []worker{{name: "telegram_poller", run: poller.Run}, {name: "telegram_sender", run: loop.Run}}, nil
}
