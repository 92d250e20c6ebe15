-- The desired schema of the sample shop on PostgreSQL (schema.sql is SQLite's): what the
-- database looks like at the heads of migrations/versions/. `retort check` compares the
-- database with it; edit it and run `retort revision --autogenerate -m "..."` to write the
-- revision that gets there.
-- It is never parsed by Retort: it is applied to a scratch database and read back.

CREATE TABLE customer (
    id          INTEGER PRIMARY KEY,
    email       VARCHAR(254) NOT NULL,
    full_name   VARCHAR(120) NOT NULL,
    created_at  TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    loyalty_points INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE category (
    id    INTEGER PRIMARY KEY,
    name  VARCHAR(60) NOT NULL UNIQUE
);

CREATE TABLE product (
    id           INTEGER PRIMARY KEY,
    category_id  INTEGER REFERENCES category (id),
    name         VARCHAR(120) NOT NULL,
    price        NUMERIC(10, 2) NOT NULL CHECK (price >= 0),
    created_at   TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    sku VARCHAR(32),
    updated_at TIMESTAMP
);

CREATE TABLE orders (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customer (id),
    placed_at    TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    note         TEXT,
    status VARCHAR(16) NOT NULL DEFAULT 'new'
);

CREATE TABLE order_line (
    id          INTEGER PRIMARY KEY,
    order_id    INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id  INTEGER NOT NULL REFERENCES product (id),
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    unit_price  NUMERIC(10, 2) NOT NULL
);

CREATE TABLE inventory (
    product_id     INTEGER PRIMARY KEY REFERENCES product (id),
    on_hand        INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    reorder_level  INTEGER NOT NULL DEFAULT 5
);

CREATE TABLE payment (
    id        INTEGER PRIMARY KEY,
    order_id  INTEGER NOT NULL REFERENCES orders (id),
    amount    NUMERIC(10, 2) NOT NULL CHECK (amount > 0),
    paid_at   TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    status VARCHAR(16) NOT NULL DEFAULT 'captured',
    method VARCHAR(16)
);

CREATE TABLE refund (
    id          INTEGER PRIMARY KEY,
    payment_id  INTEGER NOT NULL REFERENCES payment (id),
    amount      NUMERIC(10, 2) NOT NULL CHECK (amount > 0),
    reason      TEXT,
    created_at  TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE payment_method (
    code   VARCHAR(16) PRIMARY KEY,
    label  VARCHAR(60) NOT NULL
);

CREATE TABLE shipment (
    id          INTEGER PRIMARY KEY,
    order_id    INTEGER NOT NULL REFERENCES orders (id),
    address     TEXT NOT NULL,
    shipped_at  TIMESTAMP,
    carrier_code VARCHAR(16)
);

CREATE TABLE tracking_event (
    id           INTEGER PRIMARY KEY,
    shipment_id  INTEGER NOT NULL REFERENCES shipment (id) ON DELETE CASCADE,
    occurred_at  TIMESTAMP NOT NULL,
    status       VARCHAR(32) NOT NULL,
    detail       TEXT
);

CREATE TABLE carrier (
    code  VARCHAR(16) PRIMARY KEY,
    name  VARCHAR(60) NOT NULL
);

CREATE TABLE review (
    id           INTEGER PRIMARY KEY,
    product_id   INTEGER NOT NULL REFERENCES product (id),
    customer_id  INTEGER NOT NULL REFERENCES customer (id),
    rating       INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body         TEXT,
    created_at   TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX ix_orders_customer ON orders (customer_id);

CREATE INDEX ix_order_line_order ON order_line (order_id);

CREATE UNIQUE INDEX ix_product_sku ON product (sku);

CREATE UNIQUE INDEX ix_customer_email ON customer (email);

CREATE INDEX ix_payment_order ON payment (order_id);

CREATE INDEX ix_shipment_order ON shipment (order_id);

CREATE INDEX ix_tracking_event_shipment ON tracking_event (shipment_id, occurred_at);

CREATE INDEX ix_order_line_product ON order_line (product_id);

CREATE INDEX ix_review_product ON review (product_id);

CREATE VIEW order_total AS
SELECT o.id AS order_id,
       COALESCE(SUM(l.quantity * l.unit_price), 0) AS total,
       COALESCE((SELECT SUM(p.amount) FROM payment p WHERE p.order_id = o.id), 0) AS paid
  FROM orders o
  LEFT JOIN order_line l ON l.order_id = o.id
 GROUP BY o.id;

CREATE FUNCTION product_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := CURRENT_TIMESTAMP;  -- stamp every change; ';' inside is fine
    RETURN NEW;
END;
$$;

CREATE TRIGGER product_touch BEFORE UPDATE ON product
    FOR EACH ROW EXECUTE FUNCTION product_touch();
