-- ==== add nullable column [column]
CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);
INSERT INTO t VALUES (1, 'x'), (2, 'y');
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b INTEGER DEFAULT 3);
-- ==== add not null column without default [column]
CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b INTEGER NOT NULL);
-- ==== change column type [column]
CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);
INSERT INTO t VALUES (1, '10');
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER);
-- ==== add table and index [table]
CREATE TABLE t (id INTEGER PRIMARY KEY);
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY);
CREATE TABLE u (id INTEGER PRIMARY KEY, t_id INTEGER REFERENCES t (id), name TEXT);
CREATE INDEX ix_u_name ON u (name);
-- ==== view over changed table [view]
CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT);
INSERT INTO t VALUES (1, 'a', 'b');
CREATE VIEW v AS SELECT id, a FROM t;
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT NOT NULL DEFAULT '');
CREATE VIEW v AS SELECT id, a FROM t;
