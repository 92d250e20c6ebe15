-- create payment table
--
-- Start of the payments feature branch: money received against an order.
--
-- Revision ID: 5c4a8e2f1b90
-- Revises: 9d0c6e3a21f7
-- Create Date: 2025-09-18 16:02:40.118764
-- Branch Labels: payments

-- retort:upgrade
CREATE TABLE payment (
    id        INTEGER PRIMARY KEY,
    order_id  INTEGER NOT NULL REFERENCES orders (id),
    amount    NUMERIC(10, 2) NOT NULL CHECK (amount > 0),
    paid_at   TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX ix_payment_order ON payment (order_id);

-- retort:downgrade
DROP TABLE payment;
