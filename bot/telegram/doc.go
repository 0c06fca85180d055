// Package telegram connects the Telegram Bot API to the dispatcher: a long
// polling loop for updates and a Sender for outbound messages.
package telegram

import _ "github.com/go-telegram-bot-api/telegram-bot-api/v5"
