-- add order status
--
-- new -> paid -> shipped -> delivered, or cancelled. Existing orders count as new.
--
-- Revision ID: 0b6d4e8f3a17
-- Revises: 2f8b5d17c0ae
-- Create Date: 2025-09-24 10:07:38.412957

-- retort:upgrade
ALTER TABLE orders ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'new';

-- retort:downgrade
ALTER TABLE orders DROP COLUMN status;
