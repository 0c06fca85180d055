-- +goose Up

-- Numbers that asked for no more messages (STOP), or that the provider
-- reported as unsubscribed (Twilio error 21610). Replies to their own later
-- messages are still sent; nothing else is.
CREATE TABLE opt_outs (
    channel    text NOT NULL,
    address    text NOT NULL,
    source     text NOT NULL CHECK (source IN ('keyword', 'provider')),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (channel, address)
);

-- Segments are counted for SMS only (GSM-7: 160 characters in one segment,
-- 153 per segment beyond); other channels record 0. order_id ties the
-- messages of a conversation to the order they led to.
ALTER TABLE outbox ADD COLUMN segments int NOT NULL DEFAULT 0;
ALTER TABLE inbound_messages
    ADD COLUMN conversation_id bigint REFERENCES conversations (id),
    ADD COLUMN segments int NOT NULL DEFAULT 0,
    ADD COLUMN order_id bigint REFERENCES orders (id);
CREATE INDEX inbound_messages_unattributed ON inbound_messages (conversation_id) WHERE order_id IS NULL;
CREATE INDEX outbox_order ON outbox (order_id);

-- +goose Down
DROP INDEX outbox_order;
ALTER TABLE inbound_messages DROP COLUMN order_id, DROP COLUMN segments, DROP COLUMN conversation_id;
ALTER TABLE outbox DROP COLUMN segments;
DROP TABLE opt_outs;
