-- index order lines by product
--
-- order_line is the biggest table: on PostgreSQL the index is built CONCURRENTLY so the
-- shop keeps taking orders, which cannot run inside a transaction. SQLite builds it plainly.
--
-- Revision ID: c3d9e4b1a7f2
-- Revises: 6a2c0f9e8d14
-- Create Date: 2025-10-14 07:40:05.157268

-- retort:upgrade postgresql
-- retort:no-transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_order_line_product ON order_line (product_id);

-- retort:upgrade mysql
-- built in place while order_line stays readable and writable (InnoDB online DDL)
ALTER TABLE order_line ADD INDEX ix_order_line_product (product_id), ALGORITHM=INPLACE, LOCK=NONE;

-- retort:upgrade
CREATE INDEX IF NOT EXISTS ix_order_line_product ON order_line (product_id);

-- retort:downgrade postgresql
-- retort:no-transaction
DROP INDEX CONCURRENTLY IF EXISTS ix_order_line_product;

-- retort:downgrade mysql
-- InnoDB let the foreign key on product_id use the new index (dropping its own): give the key
-- a plain index back in the same statement
ALTER TABLE order_line ADD INDEX order_line_product_fk (product_id), DROP INDEX ix_order_line_product,
    ALGORITHM=INPLACE, LOCK=NONE;

-- retort:downgrade
DROP INDEX IF EXISTS ix_order_line_product;
