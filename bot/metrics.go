package bot

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var (
	inboundTotal = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "drivelocal_inbound_messages_total",
		Help: "Inbound messages by channel and outcome (handled, duplicate, error).",
	}, []string{"channel", "outcome"})

	handleSeconds = promauto.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "drivelocal_handle_seconds",
		Help:    "Time to handle one inbound message, transaction included, in seconds.",
		Buckets: prometheus.ExponentialBuckets(0.001, 2, 14),
	}, []string{"channel"})

	outboundTotal = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "drivelocal_outbound_attempts_total",
		Help: "Send attempts by channel and outcome (sent, retry, fail, stopped).",
	}, []string{"channel", "outcome"})
)
