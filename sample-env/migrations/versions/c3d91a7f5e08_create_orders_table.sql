-- create orders table
--
-- Named "orders" because ORDER is a reserved word everywhere.
--
-- Revision ID: c3d91a7f5e08
-- Revises: 4b7e21d0c9a3
-- Create Date: 2025-09-03 14:41:02.330871

-- retort:upgrade
CREATE TABLE orders (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customer (id),
    placed_at    TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    note         TEXT
);

CREATE INDEX ix_orders_customer ON orders (customer_id);

-- retort:downgrade mysql
-- the foreign key on customer_id needs its index: the table goes with it
DROP TABLE orders;

-- retort:downgrade
DROP INDEX ix_orders_customer;
DROP TABLE orders;
