package dev.retort.engine.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.engine.RetortException;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SplitterTest {

    private static final Dialect SQLITE = new SqliteDialect();
    private static final Dialect PG = new PostgresDialect();

    private static Statement st(String sql, int line) {
        return new Statement(sql, line);
    }

    private static void fails(Dialect d, String sql, int firstLine, String message) {
        RetortException e = assertThrows(RetortException.class, () -> d.split(sql, firstLine));
        assertEquals(message, e.getMessage());
    }

    /** Rules both dialects share. */
    @Nested
    class Common {

        @Test
        void splitsAtSemicolonsAndStripsText() {
            for (Dialect d : List.of(SQLITE, PG)) {
                assertEquals(List.of(st("CREATE TABLE a (id INTEGER)", 1), st("DROP TABLE b", 2)),
                        d.split("  CREATE TABLE a (id INTEGER)  ;\n\tDROP TABLE b;\n", 1));
            }
        }

        @Test
        void lineIsOffsetFromSectionFirstLine() {
            assertEquals(List.of(st("SELECT 1", 12), st("SELECT 2", 14)),
                    SQLITE.split("\nSELECT 1;\n\nSELECT 2;", 11));
        }

        @Test
        void lastStatementNeedsNoSemicolon() {
            assertEquals(List.of(st("SELECT 1", 1), st("SELECT 2", 2)), PG.split("SELECT 1;\nSELECT 2\n\n", 1));
        }

        @Test
        void emptyStatementsAreDropped() {
            assertEquals(List.of(st("SELECT 1", 2)), SQLITE.split(";;  ;\nSELECT 1;;\n;", 1));
        }

        @Test
        void emptyAndBlankSectionsGiveNoStatements() {
            assertEquals(List.of(), PG.split("", 5));
            assertEquals(List.of(), PG.split("  \n\t\n", 5));
        }

        @Test
        void commentOnlyStatementsAreDropped() {
            assertEquals(List.of(st("SELECT 1", 3)),
                    SQLITE.split("-- nothing here;\n/* nor; here */ ;\nSELECT 1;\n-- trailing\n", 1));
        }

        @Test
        void semicolonInsideStringDoesNotSplit() {
            for (Dialect d : List.of(SQLITE, PG)) {
                assertEquals(List.of(st("INSERT INTO t VALUES ('a;b')", 1), st("SELECT 1", 1)),
                        d.split("INSERT INTO t VALUES ('a;b'); SELECT 1", 1));
            }
        }

        @Test
        void doubledQuoteIsAnEscapeNotAnEnd() {
            assertEquals(List.of(st("INSERT INTO t VALUES ('it''s; fine')", 1), st("SELECT 2", 1)),
                    PG.split("INSERT INTO t VALUES ('it''s; fine');SELECT 2;", 1));
        }

        @Test
        void semicolonInsideQuotedIdentifierDoesNotSplit() {
            assertEquals(List.of(st("CREATE TABLE \"we;ird\"\"name\" (id INT)", 1)),
                    SQLITE.split("CREATE TABLE \"we;ird\"\"name\" (id INT);", 1));
        }

        @Test
        void semicolonInLineCommentDoesNotSplit() {
            assertEquals(List.of(st("SELECT 1 -- one; two\n     + 1", 1)),
                    PG.split("SELECT 1 -- one; two\n     + 1;", 1));
        }

        @Test
        void leadingCommentsAreNotPartOfTheStatementAndSetNoLine() {
            assertEquals(List.of(st("CREATE TABLE a (id INT)", 4)),
                    SQLITE.split("-- make a\n/* multi\n   line */\nCREATE TABLE a (id INT);", 1));
        }

        @Test
        void trailingCommentIsCutSoTheTerminatorStaysOutsideIt() {
            assertEquals(List.of(st("SELECT 1", 1)), PG.split("SELECT 1 -- why not\n;", 1));
            assertEquals(List.of(st("SELECT 1", 1)), PG.split("SELECT 1 /* x */", 1));
        }

        @Test
        void commentMarkersInsideStringsAreText() {
            assertEquals(List.of(st("SELECT '-- not a comment', '/* nor */'", 1), st("SELECT 2", 1)),
                    SQLITE.split("SELECT '-- not a comment', '/* nor */'; SELECT 2", 1));
        }

        @Test
        void crlfLineEndingsCountLinesOnce() {
            assertEquals(List.of(st("CREATE TABLE a (\r\n  id INT\r\n)", 2), st("SELECT 1", 5)),
                    SQLITE.split("\r\nCREATE TABLE a (\r\n  id INT\r\n);\r\nSELECT 1;\r\n", 1));
        }

        @Test
        void multilineStringsAdvanceTheLineCount() {
            assertEquals(List.of(st("INSERT INTO t VALUES ('a\n;b\n')", 1), st("SELECT 2", 4)),
                    PG.split("INSERT INTO t VALUES ('a\n;b\n');\n  SELECT 2;", 1));
        }

        @Test
        void unicodeTextAndIdentifiersPassThrough() {
            assertEquals(List.of(st("INSERT INTO café (名前) VALUES ('naïve; 日本 🎉')", 1), st("SELECT 1", 2)),
                    PG.split("INSERT INTO café (名前) VALUES ('naïve; 日本 🎉');\nSELECT 1;", 1));
        }

        @Test
        void byteOrderMarkAndNoBreakSpaceAreWhitespace() {
            assertEquals(List.of(st("SELECT 1", 1)), SQLITE.split("\ufeff\u00a0SELECT 1;", 1));
        }

        @Test
        void unterminatedStringNamesItsStartLine() {
            fails(SQLITE, "SELECT 1;\n\nINSERT INTO t VALUES ('oops);\nSELECT 2;", 10,
                    "unterminated string starting at line 12");
        }

        @Test
        void unterminatedQuotedIdentifierNamesItsStartLine() {
            fails(PG, "SELECT \"abc FROM t;", 3, "unterminated quoted identifier starting at line 3");
        }

        @Test
        void unterminatedBlockCommentNamesItsStartLine() {
            fails(SQLITE, "SELECT 1;\n/* forgot\n to close;", 1, "unterminated block comment starting at line 2");
        }
    }

    @Nested
    class Postgres {

        @Test
        void dollarQuotedFunctionBodyIsOneStatement() {
            String body = "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  NEW.x := 1;\n  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql";
            assertEquals(List.of(st(body, 1), st("SELECT 1", 7)), PG.split(body + ";\nSELECT 1;", 1));
        }

        @Test
        void taggedDollarQuotesMayContainOtherDollarQuotes() {
            String sql = "DO $outer$ BEGIN EXECUTE $q$SELECT 1; $$x$$$q$; END $outer$";
            assertEquals(List.of(st(sql, 1), st("SELECT 2", 1)), PG.split(sql + "; SELECT 2", 1));
        }

        @Test
        void positionalParametersAreNotDollarQuotes() {
            assertEquals(List.of(st("PREPARE p AS SELECT $1 + $2", 1), st("EXECUTE p(1, 2)", 1)),
                    PG.split("PREPARE p AS SELECT $1 + $2; EXECUTE p(1, 2);", 1));
        }

        @Test
        void dollarInsideIdentifierIsNotAQuote() {
            assertEquals(List.of(st("SELECT a$b$c FROM t", 1), st("SELECT 2", 1)),
                    PG.split("SELECT a$b$c FROM t; SELECT 2", 1));
        }

        @Test
        void escapeStringHonoursBackslashQuote() {
            assertEquals(List.of(st("SELECT E'it\\'s; \\\\', e'\\';'", 1), st("SELECT 2", 1)),
                    PG.split("SELECT E'it\\'s; \\\\', e'\\';'; SELECT 2", 1));
        }

        @Test
        void plainStringBackslashIsNotAnEscape() {
            // standard_conforming_strings: 'a\' is a complete string
            assertEquals(List.of(st("SELECT 'a\\'", 1), st("SELECT 2", 1)), PG.split("SELECT 'a\\'; SELECT 2", 1));
        }

        @Test
        void wordEndingInEIsNotAnEscapeString() {
            assertEquals(List.of(st("SELECT type'x;y'", 1)), PG.split("SELECT type'x;y';", 1));
        }

        @Test
        void blockCommentsNest() {
            assertEquals(List.of(st("SELECT 1", 2)), PG.split("/* outer /* inner; */ still; comment */\nSELECT 1;", 1));
        }

        @Test
        void beginAtomicBodyIsOneStatement() {
            String sql = "CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql\n"
                    + "BEGIN ATOMIC\n  SELECT CASE WHEN a > 0 THEN a END;\n  SELECT a + b;\nEND";
            assertEquals(List.of(st(sql, 1), st("SELECT 1", 6)), PG.split(sql + ";\nSELECT 1;", 1));
        }

        @Test
        void transactionStatementsStillSplit() {
            assertEquals(List.of(st("BEGIN", 1), st("SELECT 1", 1), st("END", 1)), PG.split("BEGIN; SELECT 1; END;", 1));
        }

        @Test
        void unterminatedDollarQuoteNamesItsStartLine() {
            fails(PG, "SELECT 1;\nCREATE FUNCTION f() AS $body$ SELECT 1; $bod$;", 20,
                    "unterminated dollar-quoted string starting at line 21");
        }

        @Test
        void unterminatedEscapeStringNamesItsStartLine() {
            fails(PG, "SELECT E'abc\\';", 1, "unterminated string starting at line 1");
        }
    }

    @Nested
    class Sqlite {

        @Test
        void triggerBodyIsOneStatement() {
            String trigger = "CREATE TRIGGER audit AFTER INSERT ON t\nBEGIN\n  INSERT INTO log VALUES (NEW.id);\n"
                    + "  UPDATE t SET n = n + 1;\nEND";
            assertEquals(List.of(st(trigger, 1), st("SELECT 1", 6)), SQLITE.split(trigger + ";\nSELECT 1;", 1));
        }

        @Test
        void temporaryTriggerWithCaseInsideBody() {
            String trigger = "create temp trigger if not exists tr before update on t when new.x > 0 begin "
                    + "select case when new.x > 10 then raise(abort, 'big; no') else 1 end; "
                    + "update t set y = case new.x when 1 then 'one' end; end";
            assertEquals(List.of(st(trigger, 1), st("SELECT 2", 1)), SQLITE.split(trigger + "; SELECT 2;", 1));
        }

        @Test
        void qualifiedColumnNamedEndDoesNotCloseTheTriggerBody() {
            String trigger = "CREATE TRIGGER tr AFTER UPDATE ON spans BEGIN\n"
                    + "  INSERT INTO log VALUES (new.end, old.begin);\n  DELETE FROM x;\nEND";
            assertEquals(List.of(st(trigger, 1), st("SELECT 1", 4)), SQLITE.split(trigger + "; SELECT 1", 1));
        }

        @Test
        void beginAndEndOutsideTriggersAreOrdinaryStatements() {
            assertEquals(List.of(st("BEGIN", 1), st("CREATE TABLE a (id INT)", 1), st("END", 1)),
                    SQLITE.split("BEGIN; CREATE TABLE a (id INT); END;", 1));
        }

        @Test
        void caseOutsideTriggerDoesNotSwallowSemicolons() {
            assertEquals(List.of(st("SELECT CASE WHEN 1 THEN 2 END", 1), st("SELECT 3", 1)),
                    SQLITE.split("SELECT CASE WHEN 1 THEN 2 END; SELECT 3;", 1));
        }

        @Test
        void blockCommentsDoNotNest() {
            // the first */ closes the comment; "still */" is then SQL text
            assertEquals(List.of(st("still */ SELECT 1", 1)), SQLITE.split("/* a /* b */ still */ SELECT 1;", 1));
        }

        @Test
        void bracketAndBacktickIdentifiers() {
            assertEquals(List.of(st("SELECT [a;b], `c;``d` FROM t", 1), st("SELECT 2", 1)),
                    SQLITE.split("SELECT [a;b], `c;``d` FROM t; SELECT 2", 1));
        }

        @Test
        void dollarIsNotAQuoteInSqlite() {
            assertEquals(List.of(st("SELECT $a", 1), st("SELECT '$a'", 1)), SQLITE.split("SELECT $a; SELECT '$a';", 1));
        }

        @Test
        void backslashIsNotAnEscapeInSqlite() {
            assertEquals(List.of(st("SELECT E'\\'", 1), st("SELECT 2", 1)), SQLITE.split("SELECT E'\\'; SELECT 2", 1));
        }

        @Test
        void triggerWithoutEndIsRefusedNamingItsStart() {
            fails(SQLITE, "SELECT 1;\n\nCREATE TRIGGER t AFTER INSERT ON x BEGIN\n  DELETE FROM y;\nSELECT 2;", 1,
                    "unterminated CREATE TRIGGER body (BEGIN without END) starting at line 3");
        }

        @Test
        void unterminatedBracketIdentifier() {
            fails(SQLITE, "SELECT [abc;", 7, "unterminated quoted identifier starting at line 7");
        }
    }
}
