-- add order totals view
--
-- Revision ID: 6a2c0f9e8d14
-- Revises: d4e1c7a92b5f
-- Create Date: 2025-10-08 12:26:49.391752

-- retort:upgrade
CREATE VIEW order_total AS
SELECT o.id AS order_id,
       COALESCE(SUM(l.quantity * l.unit_price), 0) AS total,
       COALESCE((SELECT SUM(p.amount) FROM payment p WHERE p.order_id = o.id), 0) AS paid
  FROM orders o
  LEFT JOIN order_line l ON l.order_id = o.id
 GROUP BY o.id;

-- retort:downgrade
DROP VIEW order_total;
