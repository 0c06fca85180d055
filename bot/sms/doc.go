// Package sms connects Twilio Programmable Messaging to the dispatcher:
// Webhook receives incoming SMS on POST /webhooks/twilio/sms and checks
// Twilio's request signature, and Sender sends replies through Twilio's
// Messages API. Package twiliotest fakes that API for tests.
package sms
