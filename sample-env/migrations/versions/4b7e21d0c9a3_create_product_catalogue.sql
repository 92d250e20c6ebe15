-- create product catalogue
--
-- Categories and the products sold in them. Prices are in euros, two decimals.
--
-- Revision ID: 4b7e21d0c9a3
-- Revises: a1f3c09e7b2d
-- Create Date: 2025-09-01 10:03:17.902114

-- retort:upgrade
CREATE TABLE category (
    id    INTEGER PRIMARY KEY,
    name  VARCHAR(60) NOT NULL UNIQUE
);

CREATE TABLE product (
    id           INTEGER PRIMARY KEY,
    category_id  INTEGER REFERENCES category (id),
    name         VARCHAR(120) NOT NULL,
    price        NUMERIC(10, 2) NOT NULL CHECK (price >= 0),
    created_at   TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- retort:downgrade
DROP TABLE product;
DROP TABLE category;
