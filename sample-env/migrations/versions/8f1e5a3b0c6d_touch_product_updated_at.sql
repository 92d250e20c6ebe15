-- touch product updated_at
--
-- Keeps product.updated_at current on every change: a trigger function on PostgreSQL, a
-- trigger body on SQLite.
--
-- Revision ID: 8f1e5a3b0c6d
-- Revises: c3d9e4b1a7f2
-- Create Date: 2025-10-20 16:33:27.704481

-- retort:upgrade postgresql
ALTER TABLE product ADD COLUMN updated_at TIMESTAMP;

CREATE FUNCTION product_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := CURRENT_TIMESTAMP;  -- stamp every change; ';' inside is fine
    RETURN NEW;
END;
$$;

CREATE TRIGGER product_touch BEFORE UPDATE ON product
    FOR EACH ROW EXECUTE FUNCTION product_touch();

-- retort:upgrade mysql
ALTER TABLE product ADD COLUMN updated_at TIMESTAMP NULL;

# a stored-program body: its ';' stay inside, no DELIMITER needed
CREATE TRIGGER product_touch BEFORE UPDATE ON product
FOR EACH ROW
BEGIN
    IF NOT (NEW.category_id <=> OLD.category_id AND NEW.name <=> OLD.name
            AND NEW.price <=> OLD.price AND NEW.sku <=> OLD.sku) THEN
        SET NEW.updated_at = CURRENT_TIMESTAMP;  -- stamp every change; ';' inside is fine
    END IF;
END;

-- retort:upgrade
ALTER TABLE product ADD COLUMN updated_at TIMESTAMP;

CREATE TRIGGER product_touch AFTER UPDATE OF category_id, name, price, sku ON product
FOR EACH ROW
BEGIN
    UPDATE product SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
END;

-- retort:downgrade postgresql
DROP TRIGGER product_touch ON product;
DROP FUNCTION product_touch();
ALTER TABLE product DROP COLUMN updated_at;

-- retort:downgrade
DROP TRIGGER product_touch;
ALTER TABLE product DROP COLUMN updated_at;
