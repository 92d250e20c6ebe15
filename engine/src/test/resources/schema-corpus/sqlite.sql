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
-- ==== drop column [column]
CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT);
INSERT INTO t VALUES (1, 'a', 'b');
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);
-- ==== add column with check [column]
CREATE TABLE t (id INTEGER PRIMARY KEY);
INSERT INTO t VALUES (1);
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER DEFAULT 1 CHECK (n > 0));
-- ==== add column with current timestamp default [default]
CREATE TABLE t (id INTEGER PRIMARY KEY);
INSERT INTO t VALUES (1);
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, created TEXT DEFAULT CURRENT_TIMESTAMP);
-- ==== change default [default]
CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT DEFAULT 'a');
INSERT INTO t VALUES (1, 'x');
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT DEFAULT 'b');
-- ==== set not null [nullability]
CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT);
INSERT INTO t VALUES (1, 'x');
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT NOT NULL);
-- ==== varchar length [type]
CREATE TABLE t (id INTEGER PRIMARY KEY, s VARCHAR(10));
INSERT INTO t VALUES (1, 'x');
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, s VARCHAR(100));
-- ==== numeric to real [type]
CREATE TABLE t (id INTEGER PRIMARY KEY, p NUMERIC(10,2));
INSERT INTO t VALUES (1, 1.5);
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, p REAL);
-- ==== add primary key [pk]
CREATE TABLE t (id INTEGER NOT NULL, v TEXT);
INSERT INTO t VALUES (1, 'a');
-- ---- desired
CREATE TABLE t (id INTEGER NOT NULL, v TEXT, PRIMARY KEY (id));
-- ==== composite primary key [pk]
CREATE TABLE t (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a));
INSERT INTO t VALUES (1, 1);
-- ---- desired
CREATE TABLE t (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a, b));
-- ==== autoincrement [identity]
CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);
INSERT INTO t VALUES (5, 'a');
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT);
-- ==== add unique [unique]
CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT);
INSERT INTO t VALUES (1, 'a@x');
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT UNIQUE);
-- ==== named table unique [unique]
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER);
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER, CONSTRAINT uq_ab UNIQUE (a, b));
-- ==== add check [check]
CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER);
INSERT INTO t VALUES (1, 5);
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, CONSTRAINT n_pos CHECK (n > 0));
-- ==== change check [check]
CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER CHECK (n > 0));
INSERT INTO t VALUES (1, 5);
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER CHECK (n > 0 AND n < 10));
-- ==== add foreign key [fk]
CREATE TABLE p (id INTEGER PRIMARY KEY);
CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER);
INSERT INTO p VALUES (1);
INSERT INTO c VALUES (1, 1);
-- ---- desired
CREATE TABLE p (id INTEGER PRIMARY KEY);
CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p (id) ON DELETE CASCADE);
-- ==== rebuild referenced table [fk]
CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p (id) ON DELETE CASCADE);
INSERT INTO p VALUES (1, 'a');
INSERT INTO c VALUES (1, 1);
-- ---- desired
CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '');
CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p (id) ON DELETE CASCADE);
-- ==== deferrable fk [fk]
CREATE TABLE p (id INTEGER PRIMARY KEY);
CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER, FOREIGN KEY (p_id) REFERENCES p (id));
-- ---- desired
CREATE TABLE p (id INTEGER PRIMARY KEY);
CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER, FOREIGN KEY (p_id) REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED);
-- ==== drop referenced table [fk]
CREATE TABLE p (id INTEGER PRIMARY KEY);
CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p (id));
INSERT INTO c VALUES (1, NULL);
-- ---- desired
CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER);
-- ==== add index [index]
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT);
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT);
CREATE INDEX ix_a ON t (a);
CREATE UNIQUE INDEX ux_b ON t (b COLLATE NOCASE);
-- ==== partial and expression index [index]
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, email TEXT);
CREATE INDEX ix_a ON t (a);
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, email TEXT);
CREATE INDEX ix_a ON t (a) WHERE a IS NOT NULL;
CREATE INDEX ix_lower ON t (lower(email));
-- ==== index survives rebuild [index]
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT);
CREATE INDEX ix_a ON t (a);
INSERT INTO t VALUES (1, 1, 'x');
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER NOT NULL DEFAULT 0);
CREATE INDEX ix_a ON t (a);
-- ==== add view [view]
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER);
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER);
CREATE VIEW v AS SELECT id, a FROM t WHERE a > 0;
-- ==== view on view over rebuilt table [view]
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT);
CREATE VIEW v1 AS SELECT id, a FROM t;
CREATE VIEW v2 AS SELECT id FROM v1;
INSERT INTO t VALUES (1, 1, 'b');
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER NOT NULL DEFAULT 1);
CREATE VIEW v1 AS SELECT id, a FROM t;
CREATE VIEW v2 AS SELECT id FROM v1 WHERE id > 0;
-- ==== add trigger [trigger]
CREATE TABLE t (id INTEGER PRIMARY KEY, updated TEXT);
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, updated TEXT);
CREATE TRIGGER trg AFTER UPDATE ON t BEGIN UPDATE t SET updated = datetime('now') WHERE id = NEW.id; END;
-- ==== trigger survives rebuild [trigger]
CREATE TABLE t (id INTEGER PRIMARY KEY, updated TEXT, x TEXT);
CREATE TABLE log (id INTEGER PRIMARY KEY, t_id INTEGER);
CREATE TRIGGER trg AFTER INSERT ON t BEGIN INSERT INTO log (t_id) VALUES (NEW.id); END;
CREATE TRIGGER trg_log AFTER INSERT ON log BEGIN UPDATE t SET updated = 'x' WHERE id = NEW.t_id; END;
INSERT INTO t (id) VALUES (1);
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, updated TEXT);
CREATE TABLE log (id INTEGER PRIMARY KEY, t_id INTEGER);
CREATE TRIGGER trg AFTER INSERT ON t BEGIN INSERT INTO log (t_id) VALUES (NEW.id); END;
CREATE TRIGGER trg_log AFTER INSERT ON log BEGIN UPDATE t SET updated = 'x' WHERE id = NEW.t_id; END;
-- ==== strict table [strict]
CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);
INSERT INTO t VALUES (1, 'a');
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT) STRICT;
-- ==== without rowid [without_rowid]
CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT);
INSERT INTO t VALUES ('a', 'b');
-- ---- desired
CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
-- ==== column collation [collation]
CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);
INSERT INTO t VALUES (1, 'a');
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT COLLATE NOCASE);
-- ==== generated columns [generated]
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER);
INSERT INTO t VALUES (1, 2, 3);
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER, s INTEGER GENERATED ALWAYS AS (a + b) VIRTUAL, p INTEGER AS (a * b) STORED);
-- ==== quoted names [table]
CREATE TABLE "Order Items" ("Item Id" INTEGER PRIMARY KEY, [qty] INTEGER);
INSERT INTO "Order Items" VALUES (1, 2);
-- ---- desired
CREATE TABLE "Order Items" ("Item Id" INTEGER PRIMARY KEY, [qty] INTEGER NOT NULL DEFAULT 1, `note` TEXT);
-- ==== reformatted is equal [mixed]
CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT NOT NULL);
-- ---- desired
create table "t" (
  -- a comment
  "id"   integer primary key,
  a text not null
);
-- ==== many changes at once [mixed]
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT);
CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id), title TEXT, body TEXT);
CREATE INDEX ix_posts_user ON posts (user_id);
CREATE VIEW user_posts AS SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id;
INSERT INTO users (name, email) VALUES ('a', 'a@x'), ('b', 'b@x');
INSERT INTO posts (user_id, title, body) VALUES (1, 't', 'b');
-- ---- desired
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '', email TEXT UNIQUE, active INTEGER DEFAULT 1);
CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id) ON DELETE CASCADE, title TEXT NOT NULL DEFAULT 'untitled', published TEXT);
CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT UNIQUE);
CREATE INDEX ix_posts_user_pub ON posts (user_id, published);
CREATE VIEW user_posts AS SELECT u.name, p.title, p.published FROM users u JOIN posts p ON p.user_id = u.id;
-- ==== rename is drop and add [column]
CREATE TABLE t (id INTEGER PRIMARY KEY, old_name TEXT);
INSERT INTO t VALUES (1, 'x');
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, new_name TEXT);
-- ==== rebuild parent with cascading children [fk2]
CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p (id) ON DELETE CASCADE);
INSERT INTO p VALUES (1, 'a'), (2, 'b');
INSERT INTO c VALUES (1, 1), (2, 2), (3, 1);
-- ---- desired
CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT 'x', code TEXT UNIQUE);
CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p (id) ON DELETE CASCADE);
-- ==== rebuild child with composite deferrable fk [fk2]
CREATE TABLE p (a INTEGER, b INTEGER, PRIMARY KEY (a, b));
CREATE TABLE c (id INTEGER PRIMARY KEY, pa INTEGER, pb INTEGER);
INSERT INTO p VALUES (1, 1); INSERT INTO c VALUES (1, 1, 1), (2, NULL, NULL);
-- ---- desired
CREATE TABLE p (a INTEGER, b INTEGER, PRIMARY KEY (a, b));
CREATE TABLE c (id INTEGER PRIMARY KEY, pa INTEGER, pb INTEGER,
  CONSTRAINT c_p FOREIGN KEY (pa, pb) REFERENCES p (a, b) ON UPDATE CASCADE ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED);
-- ==== self reference added [fk2]
CREATE TABLE node (id INTEGER PRIMARY KEY, parent INTEGER);
INSERT INTO node VALUES (1, NULL), (2, 1);
-- ---- desired
CREATE TABLE node (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES node (id) ON DELETE CASCADE);
-- ==== fk cycle between two tables [fk2]
CREATE TABLE a (id INTEGER PRIMARY KEY);
INSERT INTO a VALUES (1);
-- ---- desired
CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES b (id) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id));
-- ==== strict and without rowid together [strict2]
CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER, w ANY);
INSERT INTO t VALUES ('a', 1, 'x');
-- ---- desired
CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER, w ANY) STRICT, WITHOUT ROWID;
-- ==== strict removed with type change [strict2]
CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER NOT NULL) STRICT;
INSERT INTO t VALUES (1, 2);
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL, note TEXT);
-- ==== autoincrement added keeps rows [identity2]
CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);
INSERT INTO t VALUES (5, 'a');
CREATE TABLE other (id INTEGER PRIMARY KEY AUTOINCREMENT, x TEXT);
INSERT INTO other (x) VALUES ('y');
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT);
CREATE TABLE other (id INTEGER PRIMARY KEY AUTOINCREMENT, x TEXT);
-- ==== generated stored and virtual [generated2]
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER);
INSERT INTO t (id, a, b) VALUES (1, 2, 3);
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER, s INTEGER GENERATED ALWAYS AS (a + b) STORED, v INTEGER AS (a * b) VIRTUAL);
-- ==== defaults of several kinds [default2]
CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b REAL, c TEXT);
INSERT INTO t VALUES (1, NULL, 1.5, 'z');
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT DEFAULT 'it''s', b REAL DEFAULT -1.5, c TEXT DEFAULT (lower('X')), d TEXT DEFAULT CURRENT_DATE);
-- ==== not null with default on existing nulls [nullability2]
CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);
INSERT INTO t VALUES (1, 'x'), (2, 'y');
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT NOT NULL);
-- ==== check constraints column and table [check2]
CREATE TABLE t (id INTEGER PRIMARY KEY, lo INTEGER CHECK (lo >= 0), hi INTEGER);
INSERT INTO t VALUES (1, 1, 5);
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, lo INTEGER CHECK (lo > -1), hi INTEGER, CONSTRAINT range_ok CHECK (lo <= hi));
-- ==== unique constraint to unique index [unique2]
CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT, UNIQUE (email));
INSERT INTO t VALUES (1, 'a');
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT);
CREATE UNIQUE INDEX t_email ON t (lower(email));
-- ==== partial expression index changes [index2]
CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT, deleted INTEGER);
CREATE INDEX t_email ON t (email);
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT, deleted INTEGER);
CREATE INDEX t_email ON t (lower(email) COLLATE NOCASE) WHERE deleted = 0;
CREATE UNIQUE INDEX t_live ON t (email DESC, id) WHERE deleted IS NULL;
-- ==== base view changes under dependent view [view2]
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER);
CREATE VIEW v1 AS SELECT id, a FROM t;
CREATE VIEW v2 AS SELECT id FROM v1 WHERE a > 0;
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER);
CREATE VIEW v1 AS SELECT id, a, b FROM t WHERE b IS NOT NULL;
CREATE VIEW v2 AS SELECT id FROM v1 WHERE a > 0;
-- ==== trigger on view and trigger change [trigger2]
CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT, n INTEGER DEFAULT 0);
CREATE TRIGGER t_n AFTER UPDATE ON t BEGIN UPDATE t SET n = n + 1 WHERE id = NEW.id; END;
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT, n INTEGER DEFAULT 0);
CREATE VIEW tv AS SELECT id, v FROM t;
CREATE TRIGGER t_n AFTER UPDATE OF v ON t WHEN OLD.v IS NOT NEW.v BEGIN UPDATE t SET n = n + 2 WHERE id = NEW.id; END;
CREATE TRIGGER tv_ins INSTEAD OF INSERT ON tv BEGIN INSERT INTO t (id, v) VALUES (NEW.id, NEW.v); END;
-- ==== collation change rebuild [collation2]
CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT COLLATE NOCASE, code TEXT);
INSERT INTO t VALUES (1, 'a', 'b');
CREATE INDEX t_code ON t (code);
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, code TEXT COLLATE RTRIM);
CREATE INDEX t_code ON t (code);
-- ==== quoted identifiers [quoting]
CREATE TABLE "User Accounts" ("Id" INTEGER PRIMARY KEY, "order" TEXT, "Group" INTEGER);
INSERT INTO "User Accounts" VALUES (1, 'x', 2);
-- ---- desired
CREATE TABLE "User Accounts" ("Id" INTEGER PRIMARY KEY, "order" TEXT NOT NULL DEFAULT '', "Group" INTEGER, "from" TEXT);
CREATE INDEX "Idx Group" ON "User Accounts" ("Group", "order");
CREATE VIEW "select" AS SELECT "Id", "order" FROM "User Accounts";
-- ==== tables renamed looking [table2]
CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE orders (id INTEGER PRIMARY KEY, cust INTEGER REFERENCES customers (id));
INSERT INTO customers VALUES (1, 'a'); INSERT INTO orders VALUES (1, NULL);
-- ---- desired
CREATE TABLE clients (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE orders (id INTEGER PRIMARY KEY, cust INTEGER REFERENCES clients (id));
-- ==== type affinity change with data [type2]
CREATE TABLE t (id INTEGER PRIMARY KEY, n TEXT, r INTEGER);
INSERT INTO t VALUES (1, '42', 3);
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, r REAL NOT NULL DEFAULT 0);
-- ==== rebuild keeps autoincrement counter table and view chain [identity3]
CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT);
INSERT INTO t (v) VALUES ('a'), ('b');
CREATE VIEW tv AS SELECT id, v FROM t;
CREATE VIEW tv2 AS SELECT count(*) AS n FROM tv;
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT NOT NULL DEFAULT '', w INTEGER CHECK (w > 0));
CREATE VIEW tv AS SELECT id, v FROM t;
CREATE VIEW tv2 AS SELECT count(*) AS n FROM tv;
-- ==== rebuild child and parent together [fk3]
CREATE TABLE p (id INTEGER PRIMARY KEY, code TEXT);
CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p (id) ON DELETE CASCADE, note TEXT);
INSERT INTO p VALUES (1, 'a'); INSERT INTO c VALUES (1, 1, 'n');
CREATE INDEX c_p ON c (p_id);
CREATE TRIGGER c_ins AFTER INSERT ON c BEGIN UPDATE p SET code = code || '+' WHERE id = NEW.p_id; END;
-- ---- desired
CREATE TABLE p (id INTEGER PRIMARY KEY, code TEXT NOT NULL DEFAULT 'x' UNIQUE);
CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER NOT NULL REFERENCES p (id) ON DELETE RESTRICT, note TEXT COLLATE NOCASE);
CREATE INDEX c_p ON c (p_id, note);
CREATE TRIGGER c_ins AFTER INSERT ON c BEGIN UPDATE p SET code = code || '+' WHERE id = NEW.p_id; END;
-- ==== view with column list and quoted names [view3]
CREATE TABLE "my table" ("my col" INTEGER, "select" TEXT);
INSERT INTO "my table" VALUES (1, 'x');
-- ---- desired
CREATE TABLE "my table" ("my col" INTEGER, "select" TEXT, "Where" TEXT);
CREATE VIEW "my view" ("a b", c) AS SELECT "my col", "select" FROM "my table";
CREATE INDEX "my index" ON "my table" ("select" COLLATE NOCASE DESC);
-- ==== primary key change on table with data [pk3]
CREATE TABLE t (a INTEGER NOT NULL, b TEXT NOT NULL, v TEXT, PRIMARY KEY (a));
INSERT INTO t VALUES (1, 'x', 'v'), (2, 'x', 'w');
-- ---- desired
CREATE TABLE t (a INTEGER NOT NULL, b TEXT NOT NULL, v TEXT, PRIMARY KEY (a, b)) WITHOUT ROWID;
-- ==== drop column under a trigger and index [column3]
CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT);
INSERT INTO t VALUES (1, 'a', 'b');
CREATE INDEX t_b ON t (b);
CREATE TABLE log (msg TEXT);
CREATE TRIGGER t_upd AFTER UPDATE OF b ON t BEGIN INSERT INTO log VALUES (NEW.b); END;
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);
CREATE TABLE log (msg TEXT);
CREATE TRIGGER t_upd AFTER UPDATE OF a ON t BEGIN INSERT INTO log VALUES (NEW.a); END;
-- ==== rebuild a table another table's trigger writes to [trigger4]
CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);
CREATE TABLE src (id INTEGER PRIMARY KEY, v TEXT);
CREATE TRIGGER src_ins AFTER INSERT ON src BEGIN INSERT INTO t (id, v) VALUES (NEW.id, NEW.v); END;
INSERT INTO src VALUES (1, 'a');
-- ---- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL DEFAULT '', w INTEGER UNIQUE);
CREATE TABLE src (id INTEGER PRIMARY KEY, v TEXT);
CREATE TRIGGER src_ins AFTER INSERT ON src BEGIN INSERT INTO t (id, v) VALUES (NEW.id, NEW.v); END;
-- ==== rebuild a table a view of another table joins [view4]
CREATE TABLE a (id INTEGER PRIMARY KEY, x INTEGER);
CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER);
CREATE VIEW ab AS SELECT b.id, a.x FROM b JOIN a ON a.id = b.a_id;
INSERT INTO a VALUES (1, 1); INSERT INTO b VALUES (1, 1);
-- ---- desired
CREATE TABLE a (id INTEGER PRIMARY KEY, x INTEGER NOT NULL DEFAULT 0);
CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id));
CREATE VIEW ab AS SELECT b.id, a.x FROM b JOIN a ON a.id = b.a_id;
-- ==== inline named constraints and check with commas [check5]
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER);
INSERT INTO t VALUES (1, 1, 2);
-- ---- desired
CREATE TABLE t (id INTEGER CONSTRAINT pk PRIMARY KEY, a INTEGER CONSTRAINT a_pos CHECK (a > 0), b INTEGER, CONSTRAINT a_b CHECK (coalesce(a, 0) <= max(b, 0)), CONSTRAINT ab_u UNIQUE (a, b));
-- ==== renamed-looking table with referencing child [table5]
CREATE TABLE a (id INTEGER PRIMARY KEY, n INTEGER);
CREATE TABLE c (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id) ON DELETE CASCADE);
INSERT INTO a VALUES (1, 1); INSERT INTO c VALUES (1, NULL);
-- ---- desired
CREATE TABLE b (id INTEGER PRIMARY KEY, n INTEGER);
CREATE TABLE c (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES b (id) ON DELETE CASCADE);
