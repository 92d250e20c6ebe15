-- add shipment tracking events
--
-- Revision ID: 1d7a3f6e9b02
-- Revises: f05e2b8c4d19
-- Create Date: 2025-10-09 14:52:16.820035

-- retort:upgrade
CREATE TABLE tracking_event (
    id           INTEGER PRIMARY KEY,
    shipment_id  INTEGER NOT NULL REFERENCES shipment (id) ON DELETE CASCADE,
    occurred_at  TIMESTAMP NOT NULL,
    status       VARCHAR(32) NOT NULL,
    detail       TEXT
);

CREATE INDEX ix_tracking_event_shipment ON tracking_event (shipment_id, occurred_at);

-- retort:downgrade
DROP TABLE tracking_event;
