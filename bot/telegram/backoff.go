package telegram

import (
	"context"
	"time"
)

// backoff computes the waits between retries: base after the first
// failure, doubled after each further failure, up to max.
type backoff struct {
	base     time.Duration
	max      time.Duration
	failures int
}

// next returns the wait after one more failure.
func (b *backoff) next() time.Duration {
	d := b.base << min(b.failures, 30)
	if d > b.max || d <= 0 {
		d = b.max
	}
	b.failures++
	return d
}

func (b *backoff) reset() { b.failures = 0 }

// sleep waits for d and reports true, or reports false as soon as ctx is
// done.
func sleep(ctx context.Context, d time.Duration) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-timer.C:
		return true
	}
}
