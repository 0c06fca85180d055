package telegram

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// getMeTimeout bounds the getMe call of NewAPI, which takes no context.
const getMeTimeout = 30 * time.Second

// NewAPI connects to the Bot API at endpoint with token and checks the
// token with getMe. The endpoint has the library's format, such as
// tgbotapi.APIEndpoint ("https://api.telegram.org/bot%s/%s"), which is
// used when endpoint is empty. A nil client means an http.Client without
// timeout. Poller and Sender set their own deadline on each request, so a
// client timeout is optional. When set, it must exceed Poller.Timeout.
func NewAPI(token, endpoint string, client *http.Client) (*tgbotapi.BotAPI, error) {
	if token == "" {
		return nil, errors.New("connect to telegram: bot token is empty")
	}
	if endpoint == "" {
		endpoint = tgbotapi.APIEndpoint
	}
	if strings.Count(endpoint, "%s") != 2 {
		return nil, fmt.Errorf("connect to telegram: invalid endpoint %q: want a format with two %%s, for the token and the method, such as %q",
			endpoint, tgbotapi.APIEndpoint)
	}
	if client == nil {
		client = &http.Client{}
	}

	ctx, cancel := context.WithTimeout(context.Background(), getMeTimeout)
	defer cancel()
	api, err := tgbotapi.NewBotAPIWithClient(token, endpoint, contextClient{ctx: ctx, next: client})
	if err != nil {
		return nil, fmt.Errorf("connect to telegram (getMe): %w", scrub(err, token))
	}
	api.Client = client
	api.Debug = false
	return api, nil
}

// contextClient sends every request with ctx, because the library's
// methods (v5.5.1) take no context.
type contextClient struct {
	ctx  context.Context
	next tgbotapi.HTTPClient
}

func (c contextClient) Do(req *http.Request) (*http.Response, error) {
	return c.next.Do(req.WithContext(c.ctx))
}

// withContext returns a copy of api whose requests carry ctx, so that
// cancelling ctx or reaching its deadline aborts them.
func withContext(ctx context.Context, api *tgbotapi.BotAPI) *tgbotapi.BotAPI {
	bound := *api
	bound.Client = contextClient{ctx: ctx, next: api.Client}
	return &bound
}
