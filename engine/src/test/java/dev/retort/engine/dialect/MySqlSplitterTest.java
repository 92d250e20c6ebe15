package dev.retort.engine.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.RetortException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MySQL/MariaDB's lexical rules, on the inputs that break naive splitters. */
class MySqlSplitterTest {

    private static final MySqlDialect MYSQL = new MySqlDialect();

    private static Statement st(String sql, int line) {
        return new Statement(sql, line);
    }

    private static List<Statement> split(String sql) {
        return MYSQL.split(sql, 1);
    }

    @Test
    void backslashEscapedQuoteDoesNotEndTheString() {
        assertEquals(List.of(st("INSERT INTO t VALUES ('it\\'s; here')", 1), st("SELECT 1", 1)),
                split("INSERT INTO t VALUES ('it\\'s; here'); SELECT 1;"));
    }

    @Test
    void escapedBackslashBeforeTheQuoteEndsTheString() {
        assertEquals(List.of(st("SELECT 'C:\\\\'", 1), st("SELECT 2", 1)), split("SELECT 'C:\\\\'; SELECT 2"));
    }

    @Test
    void noBackslashEscapesMakesBackslashAnOrdinaryCharacter() {
        MySqlDialect plain = MySqlDialect.forSqlMode("STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES");
        assertEquals(List.of(st("SELECT 'a\\'", 1), st("SELECT 'b'", 1)), plain.split("SELECT 'a\\'; SELECT 'b'", 1));
        // the same text under the default mode is one unterminated string
        assertThrows(RetortException.class, () -> split("SELECT 'a\\'; SELECT 1"));
    }

    @Test
    void doubleQuotesAreStringsWithBackslashEscapesByDefault() {
        assertEquals(List.of(st("SELECT \"a\\\";b\"", 1), st("SELECT 1", 1)), split("SELECT \"a\\\";b\"; SELECT 1"));
    }

    @Test
    void ansiQuotesMakeDoubleQuotesIdentifiersWithoutBackslashEscapes() {
        MySqlDialect ansi = MySqlDialect.forSqlMode("ANSI_QUOTES");
        assertEquals(List.of(st("SELECT \"a\\\"", 1), st("SELECT 1", 1)), ansi.split("SELECT \"a\\\"; SELECT 1", 1));
        assertTrue(MySqlDialect.forSqlMode("ANSI").ansiQuotes());
    }

    @Test
    void backtickIdentifiersDoubleTheirBacktickAndIgnoreBackslash() {
        assertEquals(List.of(st("CREATE TABLE `a``;\\` (id INT)", 1), st("SELECT 1", 1)),
                split("CREATE TABLE `a``;\\` (id INT); SELECT 1"));
    }

    @Test
    void hashStartsALineComment() {
        assertEquals(List.of(st("SELECT 1", 2), st("SELECT 2", 3)),
                split("# a comment; not a statement\nSELECT 1; # trailing; comment\nSELECT 2"));
    }

    @Test
    void dashDashIsACommentOnlyBeforeWhitespace() {
        // 5--1 is five minus minus one; the ';' after it ends the statement
        assertEquals(List.of(st("SELECT 5--1", 1), st("SELECT 2", 2)), split("SELECT 5--1;\nSELECT 2 -- two; three\n"));
        assertEquals(List.of(st("SELECT 1", 2)), split("--\tcomment; here\nSELECT 1;\n--"));
    }

    @Test
    void blockCommentsDoNotNest() {
        assertEquals(List.of(st("SELECT 1 */", 1)), split("/* a /* b */ SELECT 1 */;"));
    }

    @Test
    void executableCommentsAreSqlAndKeptWhole() {
        assertEquals(List.of(st("/*!40101 SET NAMES utf8mb4 */", 1), st("/*M!100100 SET @x = 'a;b' */", 2),
                        st("SELECT 1", 3)),
                split("/*!40101 SET NAMES utf8mb4 */;\n/*M!100100 SET @x = 'a;b' */;\nSELECT 1;"));
        assertEquals(List.of(st("/*!50001 CREATE ALGORITHM=UNDEFINED */ VIEW v AS SELECT 1", 1)),
                split("/*!50001 CREATE ALGORITHM=UNDEFINED */ VIEW v AS SELECT 1;"));
        assertEquals(List.of(st("/*!50003 SET a = 1; SET b = 2 */", 1)), split("/*!50003 SET a = 1; SET b = 2 */;"));
    }

    @Test
    void unterminatedExecutableCommentNamesItsLine() {
        RetortException e = assertThrows(RetortException.class, () -> MYSQL.split("SELECT 1;\n/*!40101 SET x = 1;", 7));
        assertEquals("unterminated executable comment starting at line 8", e.getMessage());
    }

    @Test
    void delimiterCommandChangesTheTerminatorAndNeverReachesTheServer() {
        String sql = "DELIMITER //\n"
                + "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND //\n"
                + "DELIMITER ;\n"
                + "CALL p();\n";
        assertEquals(List.of(st("CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND", 2), st("CALL p()", 8)),
                split(sql));
    }

    @Test
    void doubleSemicolonDelimiterAsMysqldumpWritesIt() {
        String sql = "delimiter ;;\n/*!50003 CREATE*/ /*!50003 TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN\n"
                + "  SET NEW.a = 1;\nEND */;;\ndelimiter ;\nSELECT 1;";
        List<Statement> out = split(sql);
        assertEquals(2, out.size());
        assertTrue(out.get(0).sql().endsWith("END */"), out.get(0).sql());
        assertEquals(st("SELECT 1", 6), out.get(1));
    }

    @Test
    void delimiterInsideAStringIsText() {
        assertEquals(List.of(st("SELECT '$$'", 2), st("SELECT 2", 2)),
                split("DELIMITER $$\nSELECT '$$'$$ SELECT 2 $$"));
    }

    @Test
    void delimiterWordInsideAStatementIsNotTheCommand() {
        assertEquals(List.of(st("SELECT a,\ndelimiter FROM t", 1)), split("SELECT a,\ndelimiter FROM t;"));
    }

    @Test
    void delimiterWithoutArgumentIsAnError() {
        RetortException e = assertThrows(RetortException.class, () -> MYSQL.split("SELECT 1;\nDELIMITER \n", 3));
        assertEquals("DELIMITER needs a delimiter without backslashes at line 4", e.getMessage());
    }

    @Test
    void storedProgramBodyWithoutDelimiterIsOneStatement() {
        String body = "CREATE DEFINER=`root`@`%` PROCEDURE fill(IN n INT)\n"
                + "BEGIN\n"
                + "  DECLARE i INT DEFAULT 0;\n"
                + "  lbl: WHILE i < n DO\n"
                + "    IF i % 2 = 0 THEN INSERT INTO t VALUES (i); ELSE INSERT INTO u VALUES (i); END IF;\n"
                + "    CASE i WHEN 1 THEN SET @one = 1; ELSE BEGIN END; END CASE;\n"
                + "    SET i = CASE WHEN i > 5 THEN i + 2 ELSE i + 1 END;\n"
                + "    REPEAT SET i = i; UNTIL TRUE END REPEAT;\n"
                + "  END WHILE lbl;\n"
                + "END";
        assertEquals(List.of(st(body, 1), st("SELECT 1", 11)), split(body + ";\nSELECT 1;"));
    }

    @Test
    void triggerWithBeginEndAndQualifiedEndColumn() {
        String trigger = "CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW BEGIN SET NEW.end = OLD.end; END";
        assertEquals(List.of(st(trigger, 1), st("SELECT 1", 1)), split(trigger + "; SELECT 1"));
    }

    @Test
    void transactionBeginIsNotABlock() {
        assertEquals(List.of(st("BEGIN", 1), st("INSERT INTO t VALUES (1)", 1), st("COMMIT", 1)),
                split("BEGIN; INSERT INTO t VALUES (1); COMMIT;"));
    }

    @Test
    void mariadbAnonymousBlock() {
        assertEquals(List.of(st("BEGIN NOT ATOMIC SELECT 1; SELECT 2; END", 1), st("SELECT 3", 1)),
                split("BEGIN NOT ATOMIC SELECT 1; SELECT 2; END; SELECT 3;"));
    }

    @Test
    void tableWithAColumnCalledFunctionIsNoProgram() {
        assertEquals(List.of(st("CREATE TABLE f (function INT, `begin` INT)", 1), st("SELECT 1", 1)),
                split("CREATE TABLE f (function INT, `begin` INT); SELECT 1"));
    }

    @Test
    void unterminatedProgramNamesItsStart() {
        RetortException e = assertThrows(RetortException.class,
                () -> MYSQL.split("SELECT 1;\nCREATE PROCEDURE p() BEGIN SELECT 1;", 10));
        assertEquals("unterminated BEGIN ... END body (BEGIN without END) starting at line 11", e.getMessage());
    }

    @Test
    void sectionsNamedMariadbAreMysqlSections() {
        assertEquals("mysql", Dialects.canonicalName("MariaDB"));
        assertEquals("mysql", Dialects.forName("mariadb").name());
        assertEquals("mysql", Dialects.forUrl("mariadb://root@127.0.0.1:3306/shop").name());
        assertEquals("mysql", Dialects.forUrl("jdbc:mysql://h/db").name());
        assertEquals("mysql", Dialects.forUrl("mysql+pymysql://u:p@h/db").name());
    }

    @Test
    void ddlCommitsImplicitlyButTemporaryTablesAndDmlDoNot() {
        for (String ddl : List.of("CREATE TABLE t (id INT)", "alter table t add x int", "DROP INDEX i ON t",
                "RENAME TABLE a TO b", "TRUNCATE t", "/*!50003 CREATE*/ TRIGGER x", "-- c\nCREATE INDEX i ON t (a)",
                "GRANT SELECT ON *.* TO x", "LOCK TABLES t WRITE", "START TRANSACTION")) {
            assertTrue(MYSQL.commitsImplicitly(ddl), ddl);
        }
        for (String dml : List.of("INSERT INTO t VALUES (1)", "UPDATE t SET a = 1", "DELETE FROM t",
                "CREATE TEMPORARY TABLE x (id INT)", "DROP TEMPORARY TABLE x", "SET @a = 1", "SELECT 1",
                "CALL p()", "LOAD DATA INFILE 'f' INTO TABLE t")) {
            assertFalse(MYSQL.commitsImplicitly(dml), dml);
        }
        assertFalse(new PostgresDialect().commitsImplicitly(st("CREATE TABLE t (id INT)", 1)));
    }

    @Test
    void backtickQuotingWhereSqlAlchemyQuotes() {
        assertEquals("alembic_version", MYSQL.quoteIdentifier("alembic_version"));
        assertEquals("`order`", MYSQL.quoteIdentifier("order"));
        assertEquals("`Odd``Name`", MYSQL.quoteIdentifier("Odd`Name"));
    }
}
