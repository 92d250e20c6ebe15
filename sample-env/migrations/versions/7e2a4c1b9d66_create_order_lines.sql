-- create order lines
--
-- One line per product in an order; the unit price is copied from the product when the
-- order is placed, so later price changes leave old orders alone.
--
-- Revision ID: 7e2a4c1b9d66
-- Revises: c3d91a7f5e08
-- Create Date: 2025-09-03 15:20:58.004719

-- retort:upgrade
CREATE TABLE order_line (
    id          INTEGER PRIMARY KEY,
    order_id    INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id  INTEGER NOT NULL REFERENCES product (id),
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    unit_price  NUMERIC(10, 2) NOT NULL
);

CREATE INDEX ix_order_line_order ON order_line (order_id);

-- retort:downgrade
DROP TABLE order_line;
