-- create customer table
--
-- Everyone who has an account with the shop.
--
-- Revision ID: a1f3c09e7b2d
-- Revises:
-- Create Date: 2025-09-01 09:12:44.518203

-- retort:upgrade
CREATE TABLE customer (
    id          INTEGER PRIMARY KEY,
    email       VARCHAR(254) NOT NULL,
    full_name   VARCHAR(120) NOT NULL,
    created_at  TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- retort:downgrade
DROP TABLE customer;
