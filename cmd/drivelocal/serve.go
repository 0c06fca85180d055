package main

import "context"

// serve is wired in serve_channels.go.
func (c *cli) serve(ctx context.Context, args []string) error { return nil }
