-- +goose Up

-- Communes known to the product. A commune is matched by its folded name
-- (lower case, no accents, hyphens as spaces) or by one of its postal codes.
-- The département is the first two digits of the postal code (three for
-- overseas communes, 97x and 98x).
CREATE TABLE communes (
    id          bigserial PRIMARY KEY,
    name        text NOT NULL,
    name_folded text NOT NULL,
    departement text NOT NULL,
    latitude    double precision,
    longitude   double precision,
    UNIQUE (name_folded, departement)
);

-- A postal code may serve several communes, and a commune may have several.
CREATE TABLE commune_postal_codes (
    postal_code text NOT NULL CHECK (postal_code ~ '^[0-9]{5}$'),
    commune_id  bigint NOT NULL REFERENCES communes (id),
    PRIMARY KEY (postal_code, commune_id)
);

CREATE TABLE merchants (
    id                 bigserial PRIMARY KEY,
    ref                text NOT NULL UNIQUE,
    name               text NOT NULL,
    category           text NOT NULL,
    phone              text NOT NULL UNIQUE, -- E.164
    commune_id         bigint NOT NULL REFERENCES communes (id),
    address            text NOT NULL DEFAULT '',
    latitude           double precision,
    longitude          double precision,
    drive              boolean NOT NULL,
    delivery           boolean NOT NULL,
    delivery_fee_cents bigint NOT NULL DEFAULT 0 CHECK (delivery_fee_cents >= 0),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (drive OR delivery)
);
CREATE INDEX merchants_commune ON merchants (commune_id);

-- Quantities are in thousandths of the product's unit (1,5 kg is 1500),
-- so that weighed products stay exact in integers.
CREATE TABLE products (
    id          bigserial PRIMARY KEY,
    merchant_id bigint NOT NULL REFERENCES merchants (id),
    ref         text NOT NULL,
    name        text NOT NULL,
    price_cents bigint NOT NULL CHECK (price_cents >= 0),
    unit        text NOT NULL,
    stock_milli bigint NOT NULL CHECK (stock_milli >= 0),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (merchant_id, ref)
);

-- One row per conversation partner on one channel. The state column is the
-- conversation package's State, serialised as JSON.
CREATE TABLE conversations (
    id         bigserial PRIMARY KEY,
    channel    text NOT NULL,
    address    text NOT NULL,
    locale     text NOT NULL DEFAULT 'fr',
    state      jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (channel, address)
);

-- Provider ids of the inbound messages already handled (Twilio MessageSid,
-- Telegram update_id): the primary key turns a redelivery into a no-op.
CREATE TABLE inbound_messages (
    channel     text NOT NULL,
    provider_id text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (channel, provider_id)
);

CREATE TABLE orders (
    id                 bigserial PRIMARY KEY,
    ref                text NOT NULL UNIQUE,
    merchant_id        bigint NOT NULL REFERENCES merchants (id),
    conversation_id    bigint NOT NULL REFERENCES conversations (id),
    customer_name      text NOT NULL DEFAULT '',
    fulfilment         text NOT NULL CHECK (fulfilment IN ('drive', 'delivery')),
    delivery_address   text NOT NULL DEFAULT '',
    delivery_fee_cents bigint NOT NULL DEFAULT 0,
    total_cents        bigint NOT NULL,
    status             text NOT NULL CHECK (status IN ('pending', 'accepted', 'refused')),
    refusal_reason     text NOT NULL DEFAULT '',
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_merchant_status ON orders (merchant_id, status);

CREATE TABLE order_lines (
    order_id       bigint NOT NULL REFERENCES orders (id),
    line_no        int NOT NULL,
    product_id     bigint NOT NULL REFERENCES products (id),
    name           text NOT NULL,
    unit           text NOT NULL,
    quantity_milli bigint NOT NULL CHECK (quantity_milli > 0),
    price_cents    bigint NOT NULL,
    amount_cents   bigint NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

-- Every message the product sends, rendered for its channel. The sender
-- claims pending rows with FOR UPDATE SKIP LOCKED and records the outcome.
CREATE TABLE outbox (
    id                  bigserial PRIMARY KEY,
    channel             text NOT NULL,
    address             text NOT NULL,
    body                text NOT NULL,
    buttons             jsonb,
    status              text NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'sent', 'failed', 'stopped')),
    attempts            int NOT NULL DEFAULT 0,
    next_attempt_at     timestamptz NOT NULL DEFAULT now(),
    last_error          text NOT NULL DEFAULT '',
    provider_message_id text NOT NULL DEFAULT '',
    order_id            bigint REFERENCES orders (id),
    created_at          timestamptz NOT NULL DEFAULT now(),
    sent_at             timestamptz
);
CREATE INDEX outbox_pending ON outbox (channel, next_attempt_at) WHERE status = 'pending';

-- Positions of pollers, such as the next Telegram update_id to ask for.
CREATE TABLE poller_offsets (
    name        text PRIMARY KEY,
    next_offset bigint NOT NULL
);

-- +goose Down
DROP TABLE poller_offsets, outbox, order_lines, orders, inbound_messages,
    conversations, products, merchants, commune_postal_codes, communes;
