-- unique customer email
--
-- Log-in is by email, so two accounts may not share one. Case is folded by the application.
--
-- Revision ID: 2f8b5d17c0ae
-- Revises: 9d0c6e3a21f7
-- Create Date: 2025-09-19 09:30:12.550091

-- retort:upgrade
CREATE UNIQUE INDEX ix_customer_email ON customer (email);

-- retort:downgrade mysql
DROP INDEX ix_customer_email ON customer;

-- retort:downgrade
DROP INDEX ix_customer_email;
