-- Run over workspace-v2.sql: what version 3 of the schema added, as
-- Kensho's migration wrote it, with an acknowledged check. Used to test
-- the migration from version 3 to the current schema.
PRAGMA user_version = 3;
ALTER TABLE sheet ADD COLUMN achievement_method INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rating ADD COLUMN rule INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rating ADD COLUMN rule_min REAL;
ALTER TABLE rating ADD COLUMN rule_max REAL;
ALTER TABLE node ADD COLUMN acknowledged TEXT;
UPDATE node SET acknowledged = 'duplicate-name' WHERE nid = 'i2';
