-- merge payments into main
--
-- Revision ID: d4e1c7a92b5f
-- Revises: 0b6d4e8f3a17, e81d5f3c7a24
-- Create Date: 2025-10-06 17:00:00.000000

-- retort:upgrade
-- Nothing to run: this revision joins the payments branch back into the main line.

-- retort:downgrade
-- Nothing to run.
