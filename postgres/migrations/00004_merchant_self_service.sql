-- +goose Up

-- Merchants sign up by SMS and wait for an operator's approval. Merchants
-- created before this migration (imports, demo) are approved.
ALTER TABLE merchants
    ADD COLUMN status text NOT NULL DEFAULT 'approved'
        CHECK (status IN ('pending', 'approved', 'rejected')),
    ADD COLUMN rejection_reason text NOT NULL DEFAULT '',
    ADD COLUMN opening_hours text NOT NULL DEFAULT '',
    ADD COLUMN min_order_cents bigint NOT NULL DEFAULT 0 CHECK (min_order_cents >= 0),
    -- FERME sets closed; closed_until is the last closed day (Europe/Paris),
    -- NULL for "until OUVERT".
    ADD COLUMN closed boolean NOT NULL DEFAULT false,
    ADD COLUMN closed_until date,
    -- The phone that receives new orders and reminders; NULL means phone.
    ADD COLUMN notify_phone text,
    -- The daily summary's time in minutes after midnight (Europe/Paris), and
    -- the last day it was sent.
    ADD COLUMN summary_minute int CHECK (summary_minute BETWEEN 0 AND 1439),
    ADD COLUMN summary_sent_on date;
CREATE INDEX merchants_status ON merchants (status);

-- Communes a merchant delivers, with the fee and minimum order asked at
-- sign-up.
CREATE TABLE merchant_delivery_areas (
    merchant_id     bigint NOT NULL REFERENCES merchants (id),
    commune_id      bigint NOT NULL REFERENCES communes (id),
    fee_cents       bigint NOT NULL CHECK (fee_cents >= 0),
    min_order_cents bigint NOT NULL CHECK (min_order_cents >= 0),
    PRIMARY KEY (merchant_id, commune_id)
);

-- Staff phones (E.164) that act for a merchant besides merchants.phone. A
-- phone belongs to one merchant at most.
CREATE TABLE merchant_phones (
    phone       text PRIMARY KEY,
    merchant_id bigint NOT NULL REFERENCES merchants (id),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX merchant_phones_merchant ON merchant_phones (merchant_id);

-- Telegram chats linked to a merchant, through the phone that received the
-- link code.
CREATE TABLE merchant_telegram_links (
    chat_id     text PRIMARY KEY,
    merchant_id bigint NOT NULL REFERENCES merchants (id),
    phone       text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- The pending link code of a Telegram chat: its SHA-256 in hex, when it
-- expires and how many wrong codes were typed.
CREATE TABLE merchant_link_codes (
    chat_id     text PRIMARY KEY,
    merchant_id bigint NOT NULL REFERENCES merchants (id),
    phone       text NOT NULL,
    code_sha256 text NOT NULL,
    expires_at  timestamptz NOT NULL,
    attempts    int NOT NULL DEFAULT 0
);

-- The whole order lifecycle: pending (waiting for the merchant), proposed
-- (the merchant removed lines, waiting for the customer), accepted, ready,
-- collected or delivered; refused, cancelled (by the customer) or expired.
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN (
    'pending', 'proposed', 'accepted', 'ready', 'collected', 'delivered',
    'refused', 'cancelled', 'expired'));
ALTER TABLE orders
    ADD COLUMN reminded_at timestamptz,
    ADD COLUMN proposed_at timestamptz;
CREATE INDEX orders_open ON orders (status, created_at)
    WHERE status IN ('pending', 'proposed');

-- +goose Down
DROP INDEX orders_open;
ALTER TABLE orders DROP COLUMN proposed_at, DROP COLUMN reminded_at;
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check
    CHECK (status IN ('pending', 'accepted', 'refused'));
DROP TABLE merchant_link_codes, merchant_telegram_links, merchant_phones, merchant_delivery_areas;
DROP INDEX merchants_status;
ALTER TABLE merchants
    DROP COLUMN summary_sent_on,
    DROP COLUMN summary_minute,
    DROP COLUMN notify_phone,
    DROP COLUMN closed_until,
    DROP COLUMN closed,
    DROP COLUMN min_order_cents,
    DROP COLUMN opening_hours,
    DROP COLUMN rejection_reason,
    DROP COLUMN status;
