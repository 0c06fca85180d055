// Package bot connects the conversation engine to the channels people use.
// It owns the channel contract (Inbound, Message, Sender), the dispatch of
// one inbound message through one PostgreSQL transaction, the rendering of
// replies per channel and locale, and the outbox sender. Each provider's
// adapter lives in a subpackage: telegram, sms and console.
package bot

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Channel names a way of reaching a person.
type Channel string

// Channels.
const (
	SMS      Channel = "sms"
	Telegram Channel = "telegram"
	Console  Channel = "console"
)

// Location is a point shared by a person, in degrees.
type Location struct {
	Latitude  float64
	Longitude float64
}

// Inbound is one message received from a person, whatever its channel.
type Inbound struct {
	Channel Channel
	// Address identifies the person on the channel: an E.164 phone number
	// for sms and console, a chat id for telegram.
	Address string
	// ProviderID is the provider's id of the message (Twilio MessageSid,
	// Telegram update_id), unique per channel. A second message with the
	// same id is a redelivery and is ignored.
	ProviderID string
	Text       string
	// Data is the callback data of a pressed button, when there is one.
	Data     string
	Location *Location
	// FirstName is the sender's first name when the provider gives one.
	FirstName string
}

// Handler handles one inbound message. Handle returns once the message and
// everything it caused (state, orders, replies in the outbox) is committed,
// or returns an error and has committed nothing, so the provider may
// redeliver it.
type Handler interface {
	Handle(ctx context.Context, in Inbound) error
}

// Button is one inline button: Label is shown, Data comes back as
// Inbound.Data when it is pressed. Data is at most 64 bytes, Telegram's
// limit for callback data.
type Button struct {
	Label string `json:"label"`
	Data  string `json:"data"`
}

// Message is one outbound message, rendered for its channel.
type Message struct {
	ID      int64 // outbox id
	Channel Channel
	Address string
	Text    string
	// Buttons are rows of inline buttons; channels without buttons ignore
	// them, because Text always lists the same choices.
	Buttons [][]Button
}

// Sender delivers messages on one channel. Send returns the provider's id
// of the message, or an error; errors that are not a *SendError are
// treated as temporary.
type Sender interface {
	Send(ctx context.Context, m Message) (providerID string, err error)
}

// SendErrorKind is the action to take after a failed send.
type SendErrorKind int

// Kinds of send errors.
const (
	// Retry means the failure is temporary (rate limit, server error,
	// timeout): send again later.
	Retry SendErrorKind = iota
	// Fail means sending again cannot succeed (invalid number, bad request).
	Fail
	// Stopped means the person does not want messages any more (Twilio
	// error 21610, Telegram 403 "bot was blocked by the user").
	Stopped
)

func (k SendErrorKind) String() string {
	switch k {
	case Retry:
		return "retry"
	case Fail:
		return "fail"
	case Stopped:
		return "stopped"
	}
	return fmt.Sprintf("SendErrorKind(%d)", int(k))
}

// SendError is a classified send failure.
type SendError struct {
	Kind SendErrorKind
	// RetryAfter is the delay the provider asked for, or zero.
	RetryAfter time.Duration
	Err        error
}

func (e *SendError) Error() string { return fmt.Sprintf("send (%s): %v", e.Kind, e.Err) }

func (e *SendError) Unwrap() error { return e.Err }

// ClassifySendError returns the kind of err and the delay asked for: errors
// that are not a *SendError are Retry with no delay.
func ClassifySendError(err error) (SendErrorKind, time.Duration) {
	var se *SendError
	if errors.As(err, &se) {
		return se.Kind, se.RetryAfter
	}
	return Retry, 0
}
