-- add inventory
--
-- Stock on hand per product, with a reorder level. Every existing product starts at zero.
--
-- Revision ID: a1f37be04c51
-- Revises: 7e2a4c1b9d66
-- Create Date: 2025-09-10 08:55:31.671530

-- retort:upgrade
CREATE TABLE inventory (
    product_id     INTEGER PRIMARY KEY REFERENCES product (id),
    on_hand        INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    reorder_level  INTEGER NOT NULL DEFAULT 5
);

INSERT INTO inventory (product_id)
SELECT id FROM product;

-- retort:downgrade
DROP TABLE inventory;
