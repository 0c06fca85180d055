// Package llm reads order messages that the product's own parser could not
// read, by asking a language model on an OpenAI-compatible chat-completions
// endpoint (OpenAI, Mistral, a local server) to map the customer's text onto
// a merchant's catalog.
//
// The model's output is a suggestion only. Reader validates it against the
// catalog and returns the lines it kept, and the caller must show them to
// the customer for confirmation before anything is ordered.
package llm
