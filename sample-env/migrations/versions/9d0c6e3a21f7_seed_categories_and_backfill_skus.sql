-- seed categories and backfill skus
--
-- A data migration: the three categories the shop opened with, products sorted into them
-- by name, and a SKU for every product (P-<id> until the buyers assign real ones).
--
-- Revision ID: 9d0c6e3a21f7
-- Revises: a1f37be04c51
-- Create Date: 2025-09-15 11:47:09.245318

-- retort:upgrade mysql
INSERT INTO category (id, name) VALUES
    (1, 'Coffee'),
    (2, 'Tea'),
    (3, 'Brewing gear; grinders, kettles & the barista\'s kit');

UPDATE product SET category_id = 1
 WHERE category_id IS NULL AND LOWER(name) LIKE '%coffee%';
UPDATE product SET category_id = 2
 WHERE category_id IS NULL AND LOWER(name) LIKE '%tea%';
UPDATE product SET category_id = 3
 WHERE category_id IS NULL;

ALTER TABLE product ADD COLUMN sku VARCHAR(32);

# '||' is OR in MySQL: CONCAT builds the SKU
UPDATE product SET sku = CONCAT('P-', id) WHERE sku IS NULL;

ALTER TABLE product ADD UNIQUE INDEX ix_product_sku (sku), ALGORITHM=INPLACE, LOCK=NONE;

-- retort:upgrade
INSERT INTO category (id, name) VALUES
    (1, 'Coffee'),
    (2, 'Tea'),
    (3, 'Brewing gear; grinders, kettles & the barista''s kit');

UPDATE product SET category_id = 1
 WHERE category_id IS NULL AND LOWER(name) LIKE '%coffee%';
UPDATE product SET category_id = 2
 WHERE category_id IS NULL AND LOWER(name) LIKE '%tea%';
UPDATE product SET category_id = 3
 WHERE category_id IS NULL;

ALTER TABLE product ADD COLUMN sku VARCHAR(32);

UPDATE product SET sku = 'P-' || CAST(id AS VARCHAR(12)) WHERE sku IS NULL;

CREATE UNIQUE INDEX ix_product_sku ON product (sku);

-- retort:downgrade mysql
DROP INDEX ix_product_sku ON product;
ALTER TABLE product DROP COLUMN sku;
UPDATE product SET category_id = NULL WHERE category_id IN (1, 2, 3);
DELETE FROM category WHERE id IN (1, 2, 3);

-- retort:downgrade
DROP INDEX ix_product_sku;
ALTER TABLE product DROP COLUMN sku;
UPDATE product SET category_id = NULL WHERE category_id IN (1, 2, 3);
DELETE FROM category WHERE id IN (1, 2, 3);
