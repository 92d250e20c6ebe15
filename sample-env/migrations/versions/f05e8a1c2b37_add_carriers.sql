-- add carriers
--
-- Revision ID: f05e8a1c2b37
-- Revises: 1d7a3f6e9b02
-- Create Date: 2025-10-22 10:11:59.482206

-- retort:upgrade
CREATE TABLE carrier (
    code  VARCHAR(16) PRIMARY KEY,
    name  VARCHAR(60) NOT NULL
);

INSERT INTO carrier (code, name) VALUES
    ('dhl', 'DHL'),
    ('ups', 'UPS'),
    ('postnl', 'PostNL');

ALTER TABLE shipment ADD COLUMN carrier_code VARCHAR(16);

-- retort:downgrade
ALTER TABLE shipment DROP COLUMN carrier_code;
DROP TABLE carrier;
