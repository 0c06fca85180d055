// Package sms connects Twilio Programmable Messaging to the dispatcher: the
// inbound webhook, checked with Twilio's request signature, and a Sender
// through Twilio's Messages API.
package sms

import (
	_ "github.com/nyaruka/phonenumbers"
	_ "github.com/twilio/twilio-go"
)
