package main

import (
	"log/slog"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/llm"
)

// newDispatcher builds the dispatcher of every command that handles
// messages, with the language model when OPENAI_API_KEY or OPENAI_BASE_URL
// switches it on.
func (c *cli) newDispatcher(pool *pgxpool.Pool, cfg config, log *slog.Logger) *bot.Dispatcher {
	d := &bot.Dispatcher{DB: pool, Renderer: bot.NewRenderer(c.bundle), Logger: log, ResumeAfter: cfg.ResumeAfter}
	if llmCfg, on := llm.ConfigFromEnv(); on {
		d.Model = llm.New(llmCfg, log.With("component", "llm"))
		log.Info("language model on", "model", llmCfg.Model)
	} else {
		log.Info("language model off", "missing", llm.EnvAPIKey)
	}
	return d
}
