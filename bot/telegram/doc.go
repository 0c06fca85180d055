// Package telegram connects the Telegram Bot API to the dispatcher. Its
// Poller long-polls getUpdates, hands each update to a bot.Handler and
// stores the next offset in PostgreSQL only once the update is handled.
// Its Sender delivers outbound messages with inline keyboards.
//
// It uses github.com/go-telegram-bot-api/telegram-bot-api/v5, whose
// errors from net/http contain the request URL and so the bot token.
// Every error this package returns or logs has the token replaced by
// "***".
package telegram
