-- add created_at to notes
--
-- Revision ID: 2b3c4d5e6f7a
-- Revises: 1a2b3c4d5e6f
-- Create Date: 2026-01-02 00:00:00.000000

-- retort:upgrade
ALTER TABLE notes ADD COLUMN created_at VARCHAR(40);

-- retort:downgrade
ALTER TABLE notes DROP COLUMN created_at;
