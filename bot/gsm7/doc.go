// Package gsm7 makes SMS text fit the GSM 03.38 7-bit default alphabet
// (3GPP TS 23.038) and counts the segments a text takes.
//
// A text made only of the alphabet's characters travels as GSM-7: 160
// septets in one SMS. A single character outside it makes the whole text
// travel as UCS-2, with 70 characters per SMS, so Transliterate replaces
// typographic quotes, dashes, French accents and emoji before sending.
package gsm7
