-- add customer loyalty points
--
-- Ten points per order placed so far, then kept up by the application.
--
-- Revision ID: 3a9b7c5d2e10
-- Revises: 8f1e5a3b0c6d
-- Create Date: 2025-11-03 09:05:44.923810

-- retort:upgrade
ALTER TABLE customer ADD COLUMN loyalty_points INTEGER NOT NULL DEFAULT 0;

UPDATE customer
   SET loyalty_points = 10 * (SELECT COUNT(*) FROM orders o WHERE o.customer_id = customer.id);

-- retort:downgrade
ALTER TABLE customer DROP COLUMN loyalty_points;
