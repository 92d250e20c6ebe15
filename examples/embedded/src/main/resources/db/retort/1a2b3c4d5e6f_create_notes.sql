-- create notes
--
-- Revision ID: 1a2b3c4d5e6f
-- Revises: 
-- Create Date: 2026-01-01 00:00:00.000000

-- retort:upgrade
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    body TEXT NOT NULL
);

-- retort:downgrade
DROP TABLE notes;
