package telegramtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// MaxPollWait caps how long getUpdates waits for an update when the queue
// is empty, whatever timeout the client asks for, so that tests and the
// server's cleanup stay fast.
const MaxPollWait = 200 * time.Millisecond

// FirstName is the first name of the person in the updates that PushText,
// PushCallback and PushLocation build.
const FirstName = "Camille"

type queuedUpdate struct {
	id  int
	raw json.RawMessage
}

// PushUpdate queues an update for getUpdates and returns its update_id.
// update is a JSON object as a string, []byte or json.RawMessage, or a
// value that encodes to one, such as a tgbotapi.Update. Its update_id is
// replaced by the next one in increasing order, and null fields are
// dropped as Telegram does.
func (s *Server) PushUpdate(update any) int {
	fields, err := decodeObject(update)
	if err != nil {
		s.t.Errorf("telegramtest: push update: %v", err)
		return 0
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.enqueue(fields)
}

// enqueue gives fields the next update_id and queues them. The caller
// holds s.mu.
func (s *Server) enqueue(fields map[string]json.RawMessage) int {
	id := s.nextUpdateID
	s.nextUpdateID++
	fields["update_id"] = json.RawMessage(strconv.Itoa(id))
	raw, err := json.Marshal(fields)
	if err != nil {
		s.t.Errorf("telegramtest: push update: %v", err)
		return 0
	}
	s.updates = append(s.updates, queuedUpdate{id: id, raw: raw})
	s.notify()
	return id
}

func decodeObject(update any) (map[string]json.RawMessage, error) {
	var raw []byte
	switch v := update.(type) {
	case string:
		raw = []byte(v)
	case []byte:
		raw = v
	case json.RawMessage:
		raw = v
	default:
		encoded, err := json.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("encode %T: %w", update, err)
		}
		raw = encoded
	}

	decoder := json.NewDecoder(bytes.NewReader(raw))
	decoder.UseNumber()
	var object map[string]any
	if err := decoder.Decode(&object); err != nil {
		return nil, fmt.Errorf("decode update: want a JSON object: %w", err)
	}
	fields := map[string]json.RawMessage{}
	for key, value := range object {
		if value == nil {
			continue
		}
		encoded, err := json.Marshal(dropNulls(value))
		if err != nil {
			return nil, fmt.Errorf("encode update field %s: %w", key, err)
		}
		fields[key] = encoded
	}
	return fields, nil
}

// dropNulls removes the null fields of the objects in v, at any depth.
func dropNulls(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for key, value := range v {
			if value == nil {
				delete(v, key)
				continue
			}
			v[key] = dropNulls(value)
		}
	case []any:
		for i, value := range v {
			v[i] = dropNulls(value)
		}
	}
	return v
}

// PushText queues a text message from the person whose private chat with
// the bot has id chatID, and returns its update_id.
func (s *Server) PushText(chatID int64, text string) int {
	return s.pushMessage(chatID, "text", text)
}

// PushLocation queues a shared location, in degrees, from chatID and
// returns its update_id.
func (s *Server) PushLocation(chatID int64, latitude, longitude float64) int {
	return s.pushMessage(chatID, "location", map[string]any{"latitude": latitude, "longitude": longitude})
}

// pushMessage queues a message from chatID whose field key is value.
func (s *Server) pushMessage(chatID int64, key string, value any) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	message := map[string]any{
		"message_id": s.takeMessageID(),
		"from":       person(chatID),
		"chat":       privateChat(chatID),
		"date":       time.Now().Unix(),
		key:          value,
	}
	return s.enqueueValue(map[string]any{"message": message})
}

// PushCallback queues the press of a button whose callback data is data,
// on a message the bot sent to chatID, and returns its update_id. The
// callback query's id is CallbackID of that update_id.
func (s *Server) PushCallback(chatID int64, data string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	queryID := CallbackID(s.nextUpdateID)
	s.callbackIDs[queryID] = true
	query := map[string]any{
		"id":            queryID,
		"from":          person(chatID),
		"chat_instance": strconv.FormatInt(chatID*7919, 10),
		"data":          data,
		"message": map[string]any{
			"message_id": s.takeMessageID(),
			"from":       botUser,
			"chat":       privateChat(chatID),
			"date":       time.Now().Unix(),
			"text":       "Choisissez :",
		},
	}
	return s.enqueueValue(map[string]any{"callback_query": query})
}

// CallbackID returns the callback query id of the update that PushCallback
// queued as updateID.
func CallbackID(updateID int) string {
	return "cbq" + strconv.Itoa(updateID)
}

// enqueueValue encodes update and queues it. The caller holds s.mu.
func (s *Server) enqueueValue(update map[string]any) int {
	fields, err := decodeObject(update)
	if err != nil {
		s.t.Errorf("telegramtest: push update: %v", err)
		return 0
	}
	return s.enqueue(fields)
}

func person(chatID int64) map[string]any {
	return map[string]any{"id": chatID, "is_bot": false, "first_name": FirstName, "language_code": "fr"}
}

func privateChat(chatID int64) map[string]any {
	return map[string]any{"id": chatID, "first_name": FirstName, "type": "private"}
}

// takeMessageID returns the next message_id. The caller holds s.mu.
func (s *Server) takeMessageID() int {
	id := s.nextMessageID
	s.nextMessageID++
	return id
}

// Offsets returns the offset of every getUpdates call so far, in order.
func (s *Server) Offsets() []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]int(nil), s.offsets...)
}

// Pending returns how many updates are queued and not yet confirmed by a
// getUpdates call with a higher offset.
func (s *Server) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.updates)
}

// getUpdates confirms the updates below offset, as Telegram does, and
// returns the queued ones, waiting up to the requested timeout (capped at
// MaxPollWait) when there is none. A newer getUpdates call ends a waiting
// one with 409 Conflict, as Telegram does when two bot instances poll.
func (s *Server) getUpdates(w http.ResponseWriter, r *http.Request, params url.Values) {
	offset, errOffset := intParam(params, "offset", 0)
	limit, errLimit := intParam(params, "limit", 100)
	timeout, errTimeout := intParam(params, "timeout", 0)
	for _, err := range []error{errOffset, errLimit, errTimeout} {
		if err != nil {
			s.t.Errorf("telegramtest: getUpdates: %v", err)
			writeError(w, http.StatusBadRequest, "Bad Request: "+err.Error(), 0)
			return
		}
	}
	limit = min(max(limit, 1), 100)

	s.mu.Lock()
	s.offsets = append(s.offsets, offset)
	s.confirm(offset)
	if s.poll != nil {
		close(s.poll)
	}
	conflict := make(chan struct{})
	s.poll = conflict
	s.mu.Unlock()

	deadline := time.NewTimer(min(time.Duration(timeout)*time.Second, MaxPollWait))
	defer deadline.Stop()
	for {
		s.mu.Lock()
		batch := s.batch(limit)
		changed := s.changed
		s.mu.Unlock()
		if len(batch) > 0 {
			writeResult(w, batch)
			return
		}
		select {
		case <-changed:
		case <-deadline.C:
			writeResult(w, []json.RawMessage{})
			return
		case <-conflict:
			writeError(w, http.StatusConflict,
				"Conflict: terminated by other getUpdates request; make sure that only one bot instance is running", 0)
			return
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		}
	}
}

// confirm drops the updates below offset. A negative offset keeps only
// the last -offset updates. The caller holds s.mu.
func (s *Server) confirm(offset int) {
	if offset < 0 {
		keep := min(-offset, len(s.updates))
		s.updates = s.updates[len(s.updates)-keep:]
		return
	}
	remaining := s.updates[:0]
	for _, u := range s.updates {
		if u.id >= offset {
			remaining = append(remaining, u)
		}
	}
	s.updates = remaining
}

// batch returns up to limit queued updates. The caller holds s.mu.
func (s *Server) batch(limit int) []json.RawMessage {
	var out []json.RawMessage
	for _, u := range s.updates[:min(limit, len(s.updates))] {
		out = append(out, u.raw)
	}
	return out
}

func intParam(params url.Values, name string, fallback int) (int, error) {
	text := params.Get(name)
	if text == "" {
		return fallback, nil
	}
	n, err := strconv.Atoi(text)
	if err != nil {
		return 0, fmt.Errorf("invalid %s %q: want an integer", name, text)
	}
	return n, nil
}
