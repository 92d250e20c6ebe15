-- add payment methods
--
-- A lookup of accepted methods; payments taken so far were all by card.
--
-- Revision ID: e81d5f3c7a24
-- Revises: 4b7e9a02d3f5
-- Create Date: 2025-09-26 15:45:21.067394

-- retort:upgrade
CREATE TABLE payment_method (
    code   VARCHAR(16) PRIMARY KEY,
    label  VARCHAR(60) NOT NULL
);

INSERT INTO payment_method (code, label) VALUES
    ('card', 'Card'),
    ('cash', 'Cash on pick-up'),
    ('transfer', 'Bank transfer');

ALTER TABLE payment ADD COLUMN method VARCHAR(16);

UPDATE payment SET method = 'card' WHERE method IS NULL;

-- retort:downgrade
ALTER TABLE payment DROP COLUMN method;
DROP TABLE payment_method;
