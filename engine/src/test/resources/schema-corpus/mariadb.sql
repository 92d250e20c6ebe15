-- ==== add table [table]
CREATE TABLE a (id int PRIMARY KEY);
-- ---- desired
CREATE TABLE a (id int PRIMARY KEY);
CREATE TABLE b (id bigint AUTO_INCREMENT PRIMARY KEY, name varchar(50) NOT NULL, created timestamp NULL DEFAULT CURRENT_TIMESTAMP);
-- ==== empty to tables with fk [table]
-- ---- desired
CREATE TABLE a (id int AUTO_INCREMENT PRIMARY KEY, v text);
CREATE TABLE b (id int AUTO_INCREMENT PRIMARY KEY, a_id int, CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id));
-- ==== engine change [table]
CREATE TABLE t (id int PRIMARY KEY) ENGINE=InnoDB;
INSERT INTO t VALUES (1);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY) ENGINE=MyISAM;
-- ==== table charset and collation [collation]
CREATE TABLE t (id int PRIMARY KEY, s varchar(20)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
INSERT INTO t VALUES (1, 'a');
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, s varchar(20)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- ==== column collation [collation]
CREATE TABLE t (id int PRIMARY KEY, s varchar(20) COLLATE utf8mb4_general_ci) DEFAULT CHARSET=utf8mb4;
INSERT INTO t VALUES (1, 'a');
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, s varchar(20) COLLATE utf8mb4_bin) DEFAULT CHARSET=utf8mb4;
-- ==== column charset latin1 [collation]
CREATE TABLE t (id int PRIMARY KEY, s varchar(20) CHARACTER SET utf8mb4);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, s varchar(20) CHARACTER SET latin1);
-- ==== table comment [comment]
CREATE TABLE t (id int PRIMARY KEY, a int);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a int COMMENT 'the a') COMMENT='a table';
-- ==== add nullable column [column]
CREATE TABLE t (id int PRIMARY KEY, a varchar(10));
INSERT INTO t VALUES (1, 'x'), (2, NULL);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a varchar(10), b int);
-- ==== add not null column with default [column]
CREATE TABLE t (id int PRIMARY KEY);
INSERT INTO t VALUES (1), (2);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, flag tinyint(1) NOT NULL DEFAULT 0);
-- ==== drop columns [column]
CREATE TABLE t (id int PRIMARY KEY, a text, b text, c int);
INSERT INTO t VALUES (1, 'a', 'b', 3);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, c int);
-- ==== widen varchar [type]
CREATE TABLE t (id int PRIMARY KEY, name varchar(20));
INSERT INTO t VALUES (1, 'abc');
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, name varchar(200));
-- ==== int to bigint unsigned [type]
CREATE TABLE t (id int PRIMARY KEY, n int);
INSERT INTO t VALUES (1, 5);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, n bigint unsigned);
-- ==== decimal precision [type]
CREATE TABLE t (id int PRIMARY KEY, p decimal(10,2));
INSERT INTO t VALUES (1, 12.5);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, p decimal(12,3));
-- ==== enum column values [type]
CREATE TABLE t (id int PRIMARY KEY, m enum('a','b'));
INSERT INTO t VALUES (1, 'a');
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, m enum('a','b','c') NOT NULL DEFAULT 'a');
-- ==== json column [type]
CREATE TABLE t (id int PRIMARY KEY, doc text);
INSERT INTO t VALUES (1, '{}');
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, doc json);
-- ==== datetime precision [type]
CREATE TABLE t (id int PRIMARY KEY, at datetime);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, at datetime(6));
-- ==== set default [default]
CREATE TABLE t (id int PRIMARY KEY, s varchar(10));
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, s varchar(10) DEFAULT 'none');
-- ==== timestamp default and on update [default]
CREATE TABLE t (id int PRIMARY KEY, at timestamp NULL);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP);
-- ==== expression default [default]
CREATE TABLE t (id int PRIMARY KEY, n int);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, n int DEFAULT (1 + 1));
-- ==== set not null with backfill [nullability]
CREATE TABLE t (id int PRIMARY KEY, s varchar(10));
INSERT INTO t VALUES (1, NULL), (2, 'b');
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, s varchar(10) NOT NULL DEFAULT 'x');
-- ==== auto increment added [identity]
CREATE TABLE t (id int NOT NULL, v int, PRIMARY KEY (id));
INSERT INTO t VALUES (1, 1);
-- ---- desired
CREATE TABLE t (id int NOT NULL AUTO_INCREMENT, v int, PRIMARY KEY (id));
-- ==== generated column [generated]
CREATE TABLE t (id int PRIMARY KEY, a int, b int);
INSERT INTO t (id, a, b) VALUES (1, 2, 3);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a int, b int, s int AS (a + b) VIRTUAL, p int AS (a * b) PERSISTENT);
-- ==== generated expression change [generated]
CREATE TABLE t (id int PRIMARY KEY, a int, s int AS (a * 2) PERSISTENT);
INSERT INTO t (id, a) VALUES (1, 2);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a int, s int AS (a * 3) PERSISTENT);
-- ==== add primary key [pk]
CREATE TABLE t (id int NOT NULL, v int);
INSERT INTO t VALUES (1, 1);
-- ---- desired
CREATE TABLE t (id int NOT NULL, v int, PRIMARY KEY (id));
-- ==== change primary key [pk]
CREATE TABLE t (a int NOT NULL, b int NOT NULL, PRIMARY KEY (a));
INSERT INTO t VALUES (1, 1);
-- ---- desired
CREATE TABLE t (a int NOT NULL, b int NOT NULL, PRIMARY KEY (a, b));
-- ==== add unique [unique]
CREATE TABLE t (id int PRIMARY KEY, email varchar(100));
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, email varchar(100) UNIQUE);
-- ==== named multi column unique [unique]
CREATE TABLE t (id int PRIMARY KEY, a int, b int);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a int, b int, CONSTRAINT uq_ab UNIQUE (a, b));
-- ==== add check [check]
CREATE TABLE t (id int PRIMARY KEY, n int);
INSERT INTO t VALUES (1, 5);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, n int, CONSTRAINT n_pos CHECK (n > 0));
-- ==== change check [check]
CREATE TABLE t (id int PRIMARY KEY, n int, CONSTRAINT n_pos CHECK (n > 0));
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, n int, CONSTRAINT n_pos CHECK (n > 0 AND n < 100));
-- ==== column check [check]
CREATE TABLE t (id int PRIMARY KEY, n int);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, n int CHECK (n <> 3));
-- ==== add foreign key [fk]
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int PRIMARY KEY, p_id int);
INSERT INTO p VALUES (1);
INSERT INTO c VALUES (1, 1);
-- ---- desired
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int PRIMARY KEY, p_id int, CONSTRAINT fk_c_p FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE CASCADE);
-- ==== fk actions [fk]
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int PRIMARY KEY, p_id int, CONSTRAINT fk_c_p FOREIGN KEY (p_id) REFERENCES p (id));
-- ---- desired
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int PRIMARY KEY, p_id int, CONSTRAINT fk_c_p FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE SET NULL ON UPDATE CASCADE);
-- ==== fk column type change [fk]
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int PRIMARY KEY, p_id int, CONSTRAINT fk_c_p FOREIGN KEY (p_id) REFERENCES p (id));
INSERT INTO p VALUES (1);
INSERT INTO c VALUES (1, 1);
-- ---- desired
CREATE TABLE p (id bigint PRIMARY KEY);
CREATE TABLE c (id int PRIMARY KEY, p_id bigint, CONSTRAINT fk_c_p FOREIGN KEY (p_id) REFERENCES p (id));
-- ==== drop referenced table [fk]
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int PRIMARY KEY, p_id int, CONSTRAINT fk_c_p FOREIGN KEY (p_id) REFERENCES p (id));
-- ---- desired
CREATE TABLE c (id int PRIMARY KEY, p_id int);
-- ==== fk with explicit index [fk]
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int PRIMARY KEY, p_id int, KEY ix_p (p_id));
-- ---- desired
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int PRIMARY KEY, p_id int, KEY ix_p (p_id), CONSTRAINT fk_c_p FOREIGN KEY (p_id) REFERENCES p (id));
-- ==== self reference [fk]
CREATE TABLE node (id int PRIMARY KEY, parent int);
-- ---- desired
CREATE TABLE node (id int PRIMARY KEY, parent int, CONSTRAINT fk_parent FOREIGN KEY (parent) REFERENCES node (id));
-- ==== add index [index]
CREATE TABLE t (id int PRIMARY KEY, a int, b varchar(100));
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a int, b varchar(100));
CREATE INDEX ix_a ON t (a);
CREATE INDEX ix_b_prefix ON t (b(10));
-- ==== change index columns [index]
CREATE TABLE t (id int PRIMARY KEY, a int, b int);
CREATE INDEX ix ON t (a);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a int, b int);
CREATE UNIQUE INDEX ix ON t (a, b);
-- ==== descending and fulltext index [index]
CREATE TABLE t (id int PRIMARY KEY, a int, body text);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a int, body text);
CREATE INDEX ix_a ON t (a DESC);
CREATE FULLTEXT INDEX ft_body ON t (body);
-- ==== add view [view]
CREATE TABLE t (id int PRIMARY KEY, a int);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a int);
CREATE VIEW v AS SELECT id, a FROM t WHERE a > 0;
-- ==== change view [view]
CREATE TABLE t (id int PRIMARY KEY, a int, b int);
CREATE VIEW v AS SELECT id, a FROM t;
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a int, b int);
CREATE VIEW v AS SELECT id, a, b FROM t;
-- ==== view on view with check option [view]
CREATE TABLE t (id int PRIMARY KEY, a int, b int);
CREATE VIEW v1 AS SELECT id, a, b FROM t;
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a bigint);
CREATE VIEW v1 AS SELECT id, a FROM t WHERE a > 0 WITH CHECK OPTION;
CREATE VIEW v2 AS SELECT id FROM v1;
-- ==== add trigger [trigger]
CREATE TABLE t (id int PRIMARY KEY, n int);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, n int);
CREATE TRIGGER trg_n BEFORE INSERT ON t FOR EACH ROW SET NEW.n = COALESCE(NEW.n, 0);
-- ==== change trigger body [trigger]
CREATE TABLE t (id int PRIMARY KEY, n int);
CREATE TRIGGER trg_n BEFORE INSERT ON t FOR EACH ROW SET NEW.n = 1;
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, n int);
DELIMITER //
CREATE TRIGGER trg_n BEFORE INSERT ON t FOR EACH ROW BEGIN
  IF NEW.n IS NULL THEN SET NEW.n = 2; END IF;
END//
DELIMITER ;
-- ==== add function [function]
CREATE TABLE t (id int PRIMARY KEY);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY);
CREATE FUNCTION add1(x int) RETURNS int DETERMINISTIC RETURN x + 1;
-- ==== change procedure [function]
CREATE PROCEDURE p(IN n int) SELECT n;
-- ---- desired
DELIMITER //
CREATE PROCEDURE p(IN n int, OUT m int) BEGIN SET m = n * 2; END//
DELIMITER ;
-- ==== rename is drop and add [column]
CREATE TABLE t (id int PRIMARY KEY, old_name text);
INSERT INTO t VALUES (1, 'x');
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, new_name text);
-- ==== many changes at once [mixed]
CREATE TABLE users (id int AUTO_INCREMENT PRIMARY KEY, name varchar(50), email varchar(100));
CREATE TABLE posts (id int AUTO_INCREMENT PRIMARY KEY, user_id int, title varchar(100), body text, CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id));
CREATE INDEX ix_title ON posts (title);
CREATE VIEW user_posts AS SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id;
INSERT INTO users (name, email) VALUES ('a', 'a@x'), ('b', 'b@x');
INSERT INTO posts (user_id, title, body) VALUES (1, 't', 'b');
-- ---- desired
CREATE TABLE users (id int AUTO_INCREMENT PRIMARY KEY, name varchar(100) NOT NULL DEFAULT '', email varchar(100) UNIQUE, active tinyint(1) DEFAULT 1);
CREATE TABLE posts (id int AUTO_INCREMENT PRIMARY KEY, user_id int, title varchar(100) NOT NULL DEFAULT 'untitled', published date, CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE);
CREATE TABLE tags (id int AUTO_INCREMENT PRIMARY KEY, name varchar(50) UNIQUE);
CREATE INDEX ix_user_pub ON posts (user_id, published);
CREATE VIEW user_posts AS SELECT u.name, p.title, p.published FROM users u JOIN posts p ON p.user_id = u.id;
-- ==== identical schemas [mixed]
CREATE TABLE t (id int PRIMARY KEY, a varchar(10) DEFAULT 'x', CONSTRAINT a_ne CHECK (a <> ''));
CREATE INDEX ix ON t (a);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a varchar(10) DEFAULT 'x', CONSTRAINT a_ne CHECK (a <> ''));
CREATE INDEX ix ON t (a);
-- ==== index replaced under a foreign key [index]
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int PRIMARY KEY, p_id int, at date, CONSTRAINT fk_c_p FOREIGN KEY (p_id) REFERENCES p (id));
CREATE INDEX ix_c_p ON c (p_id);
-- ---- desired
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int PRIMARY KEY, p_id int, at date, CONSTRAINT fk_c_p FOREIGN KEY (p_id) REFERENCES p (id));
CREATE INDEX ix_c_p_at ON c (p_id, at);
-- ==== dropped column under an index [index]
CREATE TABLE t (id int PRIMARY KEY, a int, b int);
CREATE INDEX ix_a ON t (a);
CREATE INDEX ix_ab ON t (a, b);
INSERT INTO t VALUES (1, 1, 1);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, b int);
-- ==== add sequence [sequence]
CREATE TABLE t (id int PRIMARY KEY);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY);
CREATE SEQUENCE s1 START WITH 100 INCREMENT BY 5 MINVALUE 10 MAXVALUE 100000 CACHE 10 CYCLE;
CREATE SEQUENCE s2;
-- ==== change sequence options [sequence]
CREATE SEQUENCE s1 START WITH 1 INCREMENT BY 1;
-- ---- desired
CREATE SEQUENCE s1 START WITH 1 INCREMENT BY 10 MAXVALUE 5000 NOCACHE;
-- ==== sequence as column default [sequence]
CREATE SEQUENCE ids;
CREATE TABLE t (id int PRIMARY KEY, v int);
INSERT INTO t VALUES (1, 1);
-- ---- desired
CREATE SEQUENCE ids;
CREATE TABLE t (id int PRIMARY KEY, v int DEFAULT (NEXT VALUE FOR ids));
INSERT INTO t VALUES (1, 1);
-- ==== trigger order follows [trigger_order]
CREATE TABLE t (id int PRIMARY KEY, a int, b int);
CREATE TRIGGER t_a BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1;
CREATE TRIGGER t_b BEFORE INSERT ON t FOR EACH ROW SET NEW.b = 2;
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a int, b int);
CREATE TRIGGER t_b BEFORE INSERT ON t FOR EACH ROW SET NEW.b = 2;
CREATE TRIGGER t_a BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1;
-- ==== trigger inserted first in group [trigger_order]
CREATE TABLE t (id int PRIMARY KEY, a int, b int);
CREATE TRIGGER t_b BEFORE INSERT ON t FOR EACH ROW SET NEW.b = 2;
CREATE TRIGGER t_c BEFORE INSERT ON t FOR EACH ROW SET NEW.a = NEW.b;
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a int, b int);
CREATE TRIGGER t_a BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1;
CREATE TRIGGER t_b BEFORE INSERT ON t FOR EACH ROW PRECEDES t_a SET NEW.b = 2;
CREATE TRIGGER t_c BEFORE INSERT ON t FOR EACH ROW FOLLOWS t_a SET NEW.a = NEW.b;
-- ==== middle trigger body changes [trigger_order]
CREATE TABLE t (id int PRIMARY KEY, a int, b int);
CREATE TRIGGER t1 BEFORE UPDATE ON t FOR EACH ROW SET NEW.a = 1;
CREATE TRIGGER t2 BEFORE UPDATE ON t FOR EACH ROW SET NEW.b = 2;
CREATE TRIGGER t3 BEFORE UPDATE ON t FOR EACH ROW SET NEW.a = NEW.a + 1;
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a int, b int);
CREATE TRIGGER t1 BEFORE UPDATE ON t FOR EACH ROW SET NEW.a = 1;
CREATE TRIGGER t2 BEFORE UPDATE ON t FOR EACH ROW SET NEW.b = 3;
CREATE TRIGGER t3 BEFORE UPDATE ON t FOR EACH ROW SET NEW.a = NEW.a + 1;
-- ==== narrowing modify with data [type2]
CREATE TABLE t (id int PRIMARY KEY, name varchar(200), n bigint, price double);
INSERT INTO t VALUES (1, 'abc', 5, 1.5);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, name varchar(50) NOT NULL DEFAULT '', n int unsigned, price decimal(8,2));
-- ==== text types and blobs [type2]
CREATE TABLE t (id int PRIMARY KEY, body text, data blob, small tinyint);
INSERT INTO t VALUES (1, 'x', 'y', 1);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, body mediumtext, data longblob, small smallint NOT NULL DEFAULT 0);
-- ==== set and enum types [type2]
CREATE TABLE t (id int PRIMARY KEY, flags set('a','b'), st enum('x','y'));
INSERT INTO t VALUES (1, 'a,b', 'y');
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, flags set('a','b','c'), st enum('x','y','z') NOT NULL DEFAULT 'x');
-- ==== current timestamp variants [default2]
CREATE TABLE t (id int PRIMARY KEY, c datetime, u timestamp NULL);
INSERT INTO t VALUES (1, '2020-01-01', NULL);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, c datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), u timestamp NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP);
-- ==== expression and literal defaults [default2]
CREATE TABLE t (id int PRIMARY KEY, a varchar(10), b int DEFAULT 3, d date);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a varchar(10) DEFAULT 'it''s', b int DEFAULT (1 + 2), d date DEFAULT (curdate()), u char(36) DEFAULT (uuid()));
-- ==== auto increment start option [identity2]
CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, v int);
INSERT INTO t (v) VALUES (1);
-- ---- desired
CREATE TABLE t (id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, v int) AUTO_INCREMENT=1000;
-- ==== virtual and stored generated [generated2]
CREATE TABLE t (id int PRIMARY KEY, a int, b int);
INSERT INTO t (id, a, b) VALUES (1, 2, 3);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a int, b int, s int AS (a + b) VIRTUAL, p int AS (a * b) PERSISTENT);
CREATE INDEX t_p ON t (p);
-- ==== charset and collation of table and columns [collation2]
CREATE TABLE t (id int PRIMARY KEY, name varchar(20), code varchar(10)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
INSERT INTO t VALUES (1, 'a', 'b');
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, name varchar(20) COLLATE utf8mb4_bin, code varchar(10) CHARACTER SET ascii) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- ==== engine and row format options [table2]
CREATE TABLE t (id int PRIMARY KEY) ENGINE=InnoDB;
CREATE TABLE m (id int PRIMARY KEY) ENGINE=MyISAM;
INSERT INTO t VALUES (1); INSERT INTO m VALUES (1);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY) ENGINE=MyISAM CHECKSUM=1;
CREATE TABLE m (id int PRIMARY KEY) ENGINE=InnoDB COMMENT='moved';
-- ==== not null changes [nullability2]
CREATE TABLE t (id int PRIMARY KEY, a int, b varchar(5) NOT NULL);
INSERT INTO t VALUES (1, NULL, 'x');
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a int NOT NULL DEFAULT 7, b varchar(5) NULL);
-- ==== composite fk with actions [fk2]
CREATE TABLE p (a int, b int, PRIMARY KEY (a, b));
CREATE TABLE c (id int PRIMARY KEY, pa int, pb int);
INSERT INTO p VALUES (1, 1); INSERT INTO c VALUES (1, 1, 1);
-- ---- desired
CREATE TABLE p (a int, b int, PRIMARY KEY (a, b));
CREATE TABLE c (id int PRIMARY KEY, pa int, pb int, CONSTRAINT c_p FOREIGN KEY (pa, pb) REFERENCES p (a, b) ON DELETE SET NULL ON UPDATE CASCADE);
-- ==== fk cycle between two tables [fk2]
CREATE TABLE a (id int PRIMARY KEY);
-- ---- desired
CREATE TABLE a (id int PRIMARY KEY, b_id int);
CREATE TABLE b (id int PRIMARY KEY, a_id int, FOREIGN KEY (a_id) REFERENCES a (id));
ALTER TABLE a ADD CONSTRAINT a_b FOREIGN KEY (b_id) REFERENCES b (id);
-- ==== self reference action change [fk2]
CREATE TABLE node (id int PRIMARY KEY, parent int, CONSTRAINT node_parent FOREIGN KEY (parent) REFERENCES node (id));
INSERT INTO node VALUES (1, NULL), (2, 1);
-- ---- desired
CREATE TABLE node (id int PRIMARY KEY, parent int, CONSTRAINT node_parent FOREIGN KEY (parent) REFERENCES node (id) ON DELETE CASCADE);
-- ==== column and table checks [check2]
CREATE TABLE t (id int PRIMARY KEY, lo int CHECK (lo >= 0), hi int);
INSERT INTO t VALUES (1, 1, 5);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, lo int CHECK (lo > -1), hi int, CONSTRAINT range_ok CHECK (lo <= hi));
-- ==== unique constraint vs unique index [unique2]
CREATE TABLE t (id int PRIMARY KEY, email varchar(100), CONSTRAINT email_u UNIQUE (email));
INSERT INTO t VALUES (1, 'a');
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, email varchar(100));
CREATE UNIQUE INDEX email_u ON t (email(20));
-- ==== expression-like prefix and hash index [index2]
CREATE TABLE t (id int PRIMARY KEY, a varchar(100), b int);
CREATE INDEX t_a ON t (a);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a varchar(100), b int);
CREATE INDEX t_a ON t (a(10), b DESC);
CREATE INDEX t_b ON t (b) COMMENT 'by b';
-- ==== base view changes under dependent view [view2]
CREATE TABLE t (id int PRIMARY KEY, a int, b int);
CREATE VIEW v1 AS SELECT id, a FROM t;
CREATE VIEW v2 AS SELECT id FROM v1 WHERE a > 0;
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a int, b int);
CREATE VIEW v1 AS SELECT id, a, b FROM t WHERE b IS NOT NULL;
CREATE VIEW v2 AS SELECT id FROM v1 WHERE a > 0;
-- ==== column comments [comment2]
CREATE TABLE t (id int PRIMARY KEY, v text COMMENT 'old');
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY COMMENT 'key', v text COMMENT 'it''s new') COMMENT 'table note';
-- ==== trigger and function together [trigger2]
CREATE TABLE t (id int PRIMARY KEY, v int, w int);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, v int, w int);
CREATE FUNCTION dbl(x int) RETURNS int DETERMINISTIC RETURN x * 2;
CREATE TRIGGER t_w BEFORE INSERT ON t FOR EACH ROW BEGIN
  SET NEW.w = dbl(NEW.v);
END;
-- ==== quoted identifiers [quoting]
CREATE TABLE `User Accounts` (`Id` int PRIMARY KEY, `order` text, `Group` int);
INSERT INTO `User Accounts` VALUES (1, 'x', 2);
-- ---- desired
CREATE TABLE `User Accounts` (`Id` int PRIMARY KEY, `order` varchar(50) NOT NULL DEFAULT '', `Group` bigint, `from` date);
CREATE INDEX `Idx Group` ON `User Accounts` (`Group`);
CREATE VIEW `select` AS SELECT `Id`, `order` FROM `User Accounts`;
-- ==== tables renamed looking [table2]
CREATE TABLE customers (id int PRIMARY KEY, name text);
CREATE TABLE orders (id int PRIMARY KEY, cust int, FOREIGN KEY (cust) REFERENCES customers (id));
INSERT INTO customers VALUES (1, 'a'); INSERT INTO orders VALUES (1, NULL);
-- ---- desired
CREATE TABLE clients (id int PRIMARY KEY, name text);
CREATE TABLE orders (id int PRIMARY KEY, cust int, FOREIGN KEY (cust) REFERENCES clients (id));
-- ==== row format and table options [table3]
CREATE TABLE t (id int PRIMARY KEY, v varchar(10)) ENGINE=InnoDB;
INSERT INTO t VALUES (1, 'a');
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, v varchar(10)) ENGINE=InnoDB ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8 STATS_PERSISTENT=1;
-- ==== auto increment removed and primary key changed [identity3]
CREATE TABLE t (id int NOT NULL AUTO_INCREMENT, k int NOT NULL, PRIMARY KEY (id));
INSERT INTO t (k) VALUES (1), (2);
-- ---- desired
CREATE TABLE t (id int NOT NULL, k int NOT NULL, PRIMARY KEY (k, id));
-- ==== auto increment moves to another column [identity3]
CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, n int NOT NULL);
INSERT INTO t (n) VALUES (10);
-- ---- desired
CREATE TABLE t (id int NOT NULL, n int NOT NULL AUTO_INCREMENT, PRIMARY KEY (n), UNIQUE KEY (id));
-- ==== invisible column and json check [column3]
CREATE TABLE t (id int PRIMARY KEY, doc longtext);
INSERT INTO t VALUES (1, '{}');
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, doc longtext CHECK (json_valid(doc)), secret int INVISIBLE DEFAULT 0);
-- ==== text and blob defaults [default3]
CREATE TABLE t (id int PRIMARY KEY, note text, b blob);
INSERT INTO t VALUES (1, NULL, NULL);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, note text DEFAULT 'none', b blob DEFAULT NULL, j json DEFAULT ('{}'));
-- ==== fk referenced column type changes [fk3]
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int PRIMARY KEY, p_id int, CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE CASCADE);
INSERT INTO p VALUES (1); INSERT INTO c VALUES (1, 1);
-- ---- desired
CREATE TABLE p (id bigint PRIMARY KEY);
CREATE TABLE c (id int PRIMARY KEY, p_id bigint, CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE CASCADE);
-- ==== index on column dropped with fk [fk3]
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int PRIMARY KEY, p_id int, q int, CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id), KEY c_pq (p_id, q));
INSERT INTO p VALUES (1); INSERT INTO c VALUES (1, 1, 1);
-- ---- desired
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int PRIMARY KEY, p_id int, CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id));
-- ==== procedure with params and function change [function3]
CREATE PROCEDURE bump(IN n int) BEGIN SELECT n + 1; END;
-- ---- desired
CREATE PROCEDURE bump(IN n int, OUT m int) BEGIN SET m = n + 2; END;
CREATE FUNCTION twice(x int) RETURNS int NO SQL DETERMINISTIC COMMENT 'doubles' RETURN x * 2;
-- ==== view algorithm and security [view3]
CREATE TABLE t (id int PRIMARY KEY, a int);
CREATE VIEW v AS SELECT id, a FROM t;
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a int);
CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW v AS SELECT id, a FROM t WHERE a > 0 WITH CASCADED CHECK OPTION;
-- ==== many changes at once [mixed3]
CREATE TABLE a (id int PRIMARY KEY, x text, y int DEFAULT 1, z tinyint(1));
CREATE TABLE b (id int PRIMARY KEY, a_id int, FOREIGN KEY (a_id) REFERENCES a (id));
INSERT INTO a VALUES (1, 'x', 2, 1); INSERT INTO b VALUES (1, 1);
CREATE INDEX a_y ON a (y);
CREATE VIEW av AS SELECT id, x, y FROM a;
-- ---- desired
CREATE TABLE a (id bigint PRIMARY KEY, x varchar(100) NOT NULL, y int DEFAULT 2, w date);
CREATE TABLE b (id int PRIMARY KEY, a_id bigint, FOREIGN KEY (a_id) REFERENCES a (id) ON DELETE CASCADE);
CREATE INDEX a_y ON a (y, w);
CREATE VIEW av AS SELECT id, x, y, w FROM a;
-- ==== index comment and ignored [index3]
CREATE TABLE t (id int PRIMARY KEY, a int, b int);
CREATE INDEX t_a ON t (a);
CREATE INDEX t_b ON t (b) COMMENT 'old';
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a int, b int);
CREATE INDEX t_a ON t (a) IGNORED;
CREATE INDEX t_b ON t (b) COMMENT 'new one';
-- ==== spatial and fulltext indexes [index3]
CREATE TABLE g (id int PRIMARY KEY, pt point NOT NULL, body text);
-- ---- desired
CREATE TABLE g (id int PRIMARY KEY, pt point NOT NULL, body text, title varchar(100));
CREATE SPATIAL INDEX g_pt ON g (pt);
CREATE FULLTEXT INDEX g_body ON g (body, title);
-- ==== charset conversion of a column with data [collation3]
CREATE TABLE t (id int PRIMARY KEY, name varchar(50) CHARACTER SET latin1 COLLATE latin1_swedish_ci);
INSERT INTO t VALUES (1, 'abc');
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, name varchar(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL);
-- ==== check constraint with generated name [check3]
CREATE TABLE t (id int PRIMARY KEY, a int, b int, CHECK (a > 0));
INSERT INTO t VALUES (1, 1, 1);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a int, b int, CHECK (a > 0), CHECK (b >= 0));
-- ==== trigger referencing another table [trigger3]
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE TABLE log (id int AUTO_INCREMENT PRIMARY KEY, tid int, at datetime DEFAULT CURRENT_TIMESTAMP);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE TABLE log (id int AUTO_INCREMENT PRIMARY KEY, tid int, at datetime DEFAULT CURRENT_TIMESTAMP, v int);
CREATE TRIGGER t_log AFTER UPDATE ON t FOR EACH ROW INSERT INTO log (tid, v) VALUES (NEW.id, NEW.v);
CREATE TRIGGER t_log2 AFTER INSERT ON t FOR EACH ROW INSERT INTO log (tid) VALUES (NEW.id);
-- ==== delimiter and comments in a schema script [function3]
-- a comment before everything
CREATE TABLE t (id int PRIMARY KEY, v int); -- trailing comment
-- ---- desired
/* block comment; with a semicolon */
CREATE TABLE t (id int PRIMARY KEY, v int);
DELIMITER //
CREATE PROCEDURE fill(IN n int)
BEGIN
  DECLARE i int DEFAULT 0;
  WHILE i < n DO
    INSERT INTO t VALUES (i, i); -- one row
    SET i = i + 1;
  END WHILE;
END //
CREATE TRIGGER t_v BEFORE INSERT ON t FOR EACH ROW
BEGIN
  IF NEW.v < 0 THEN SET NEW.v = 0; END IF;
END //
DELIMITER ;
CREATE VIEW tv AS SELECT id, 'a;b' AS s FROM t;
-- ==== referenced primary key widened to composite [fk4]
CREATE TABLE p (a int NOT NULL, b int NOT NULL, PRIMARY KEY (a));
CREATE TABLE c (id int PRIMARY KEY, pa int, CONSTRAINT c_p FOREIGN KEY (pa) REFERENCES p (a));
INSERT INTO p VALUES (1, 1); INSERT INTO c VALUES (1, 1);
-- ---- desired
CREATE TABLE p (a int NOT NULL, b int NOT NULL, PRIMARY KEY (a, b));
CREATE TABLE c (id int PRIMARY KEY, pa int, pb int, CONSTRAINT c_p FOREIGN KEY (pa, pb) REFERENCES p (a, b));
-- ==== unique index under a foreign key becomes plain [fk4]
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int PRIMARY KEY, p_id int, UNIQUE KEY c_u (p_id), CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id));
INSERT INTO p VALUES (1); INSERT INTO c VALUES (1, 1);
-- ---- desired
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int PRIMARY KEY, p_id int, KEY c_u (p_id), CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id));
-- ==== datetime precision with on update [default4]
CREATE TABLE t (id int PRIMARY KEY, m datetime DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP);
INSERT INTO t (id) VALUES (1);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, m datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6));
-- ==== column becomes generated with an index [generated4]
CREATE TABLE t (id int PRIMARY KEY, a int, d int);
CREATE INDEX t_d ON t (d);
INSERT INTO t VALUES (1, 2, 4);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a int, d int AS (a * 2) STORED);
CREATE INDEX t_d ON t (d);
-- ==== fulltext column type change [index4]
CREATE TABLE t (id int PRIMARY KEY, body varchar(200), FULLTEXT KEY t_body (body));
INSERT INTO t VALUES (1, 'x');
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, body text, FULLTEXT KEY t_body (body));
-- ==== uuid and inet6 types [type5]
CREATE TABLE t (id int PRIMARY KEY, u char(36), ip varchar(45));
INSERT INTO t VALUES (1, '123e4567-e89b-12d3-a456-426614174000', '::1');
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, u uuid, ip inet6, b varbinary(16), flag boolean NOT NULL DEFAULT true);
-- ==== column check changes and table check renamed [check5]
CREATE TABLE t (id int PRIMARY KEY, a int CHECK (a > 0), b int, CONSTRAINT b_pos CHECK (b > 0));
INSERT INTO t VALUES (1, 1, 1);
-- ---- desired
CREATE TABLE t (id int PRIMARY KEY, a int, b int CHECK (b < 100), CONSTRAINT b_nonneg CHECK (b >= 0));
-- ==== renamed-looking table with trigger and fk [table5]
CREATE TABLE a (id int PRIMARY KEY, n int);
CREATE TABLE log (id int AUTO_INCREMENT PRIMARY KEY, a_id int, CONSTRAINT log_a FOREIGN KEY (a_id) REFERENCES a (id) ON DELETE SET NULL);
INSERT INTO a VALUES (1, 1);
CREATE TRIGGER a_ins AFTER INSERT ON a FOR EACH ROW INSERT INTO log (a_id) VALUES (NEW.id);
-- ---- desired
CREATE TABLE b (id int PRIMARY KEY, n int);
CREATE TABLE log (id int AUTO_INCREMENT PRIMARY KEY, a_id int, CONSTRAINT log_a FOREIGN KEY (a_id) REFERENCES b (id) ON DELETE SET NULL);
CREATE TRIGGER a_ins AFTER INSERT ON b FOR EACH ROW INSERT INTO log (a_id) VALUES (NEW.id);
