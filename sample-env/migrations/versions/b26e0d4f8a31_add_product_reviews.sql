-- add product reviews
--
-- Revision ID: b26e0d4f8a31
-- Revises: 3a9b7c5d2e10
-- Create Date: 2025-11-12 14:28:36.061597

-- retort:upgrade
CREATE TABLE review (
    id           INTEGER PRIMARY KEY,
    product_id   INTEGER NOT NULL REFERENCES product (id),
    customer_id  INTEGER NOT NULL REFERENCES customer (id),
    rating       INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body         TEXT,
    created_at   TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX ix_review_product ON review (product_id);

-- retort:downgrade
DROP TABLE review;
