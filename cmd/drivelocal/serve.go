package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/drivelocal/drivelocal/bot"
)

// shutdownTimeout bounds how long serve waits for requests in flight.
const shutdownTimeout = 10 * time.Second

// worker is a loop that runs until its context is cancelled.
type worker struct {
	name string
	run  func(context.Context) error
}

// serve runs the HTTP server, the Telegram poller, the senders and the
// scheduler (reminders, expiries, daily summaries) until SIGINT or
// SIGTERM.
func (c *cli) serve(ctx context.Context, args []string) error {
	if len(args) > 0 {
		return c.fail("CLIBadArguments", nil)
	}
	if err := c.checkSettings(); err != nil {
		return err
	}
	cfg := loadConfig()
	log := c.logger()
	pool, err := c.openDatabase(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer pool.Close()

	d := c.newDispatcher(pool, cfg, log.With("component", "dispatcher"))
	mux := http.NewServeMux()
	mux.Handle("GET /healthz", healthz(pool))
	mux.Handle("GET /metrics", promhttp.Handler())

	var workers []worker
	sms, err := smsChannel(cfg, d, pool, log, mux)
	if err != nil {
		return c.fail("CLIFailed", map[string]any{"Error": err.Error()})
	}
	workers = append(workers, sms...)
	tg, err := telegramChannel(cfg, d, pool, log)
	if err != nil {
		return c.fail("CLIFailed", map[string]any{"Error": err.Error()})
	}
	workers = append(workers, tg...)
	scheduler := &bot.Scheduler{DB: pool, Renderer: d.Renderer, Logger: log.With("component", "scheduler"),
		OrderExpiry: cfg.OrderExpiry}
	workers = append(workers, worker{name: "scheduler", run: scheduler.Run})

	srv := &http.Server{Addr: cfg.HTTPAddr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	return c.runServer(ctx, srv, workers, log)
}

// runServer serves HTTP and runs the workers until ctx ends, then shuts
// everything down.
func (c *cli) runServer(ctx context.Context, srv *http.Server, workers []worker, log *slog.Logger) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var wg sync.WaitGroup
	for _, w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := w.run(ctx); err != nil && ctx.Err() == nil {
				log.Error("worker stopped", "worker", w.name, "error", err)
				cancel()
			}
		}()
	}

	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	log.Info("http server started", "addr", srv.Addr)

	var err error
	select {
	case err = <-errc:
		cancel()
	case <-ctx.Done():
		shutdown, done := context.WithTimeout(context.Background(), shutdownTimeout)
		defer done()
		err = srv.Shutdown(shutdown)
	}
	wg.Wait()
	log.Info("http server stopped")
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// healthz answers 200 when the database answers a ping, 503 otherwise.
func healthz(pool *pgxpool.Pool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := pool.Ping(ctx); err != nil {
			http.Error(w, "database unreachable", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	})
}
