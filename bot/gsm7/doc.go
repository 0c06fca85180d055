// Package gsm7 makes SMS text fit the GSM 03.38 7-bit alphabet and counts
// the segments it takes.
package gsm7
