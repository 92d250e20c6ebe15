-- create shipment table
--
-- Start of the shipping branch, not merged yet. Only paid orders ship, so it needs the
-- payment status from the payments branch: a dependency, not a parent.
--
-- Revision ID: f05e2b8c4d19
-- Revises: 0b6d4e8f3a17
-- Create Date: 2025-10-02 09:18:03.736420
-- Branch Labels: shipping
-- Depends On: 4b7e9a02d3f5

-- retort:upgrade
CREATE TABLE shipment (
    id          INTEGER PRIMARY KEY,
    order_id    INTEGER NOT NULL REFERENCES orders (id),
    address     TEXT NOT NULL,
    shipped_at  TIMESTAMP
);

CREATE INDEX ix_shipment_order ON shipment (order_id);

-- retort:downgrade
DROP TABLE shipment;
