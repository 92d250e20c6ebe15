-- add payment status and refunds
--
-- Revision ID: 4b7e9a02d3f5
-- Revises: 5c4a8e2f1b90
-- Create Date: 2025-09-22 13:14:55.803226

-- retort:upgrade
ALTER TABLE payment ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'captured';

CREATE TABLE refund (
    id          INTEGER PRIMARY KEY,
    payment_id  INTEGER NOT NULL REFERENCES payment (id),
    amount      NUMERIC(10, 2) NOT NULL CHECK (amount > 0),
    reason      TEXT,
    created_at  TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- retort:downgrade
DROP TABLE refund;
ALTER TABLE payment DROP COLUMN status;
