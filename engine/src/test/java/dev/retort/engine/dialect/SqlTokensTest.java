package dev.retort.engine.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Dialect#tokens}: the splitter's lexer, per dialect, for colouring; never failing. */
class SqlTokensTest {

    private static String kinds(Dialect d, String sql) {
        StringBuilder sb = new StringBuilder();
        for (SqlToken t : d.tokens(sql)) {
            sb.append(t.kind()).append('[').append(sql, t.start(), t.end()).append("] ");
        }
        return sb.toString().strip();
    }

    @Test
    void postgresqlReadsDollarQuotesEscapeStringsAndNestedComments() {
        Dialect pg = new PostgresDialect();
        assertEquals("KEYWORD[SELECT] STRING[$b$ it's; $b$] SYMBOL[,] STRING[E'a\\'b'] SYMBOL[,] NUMBER[3.14] "
                + "COMMENT[/* x /* y */ z */] DELIMITER[;]",
                kinds(pg, "SELECT $b$ it's; $b$, E'a\\'b', 3.14 /* x /* y */ z */;"));
    }

    @Test
    void sqliteCommentsDoNotNestAndBracketsQuoteIdentifiers() {
        Dialect sqlite = new SqliteDialect();
        assertEquals("COMMENT[/* x /* y */] WORD[z] SYMBOL[*] SYMBOL[/] KEYWORD[select] QUOTED_IDENTIFIER[[my col]] "
                + "KEYWORD[FROM] WORD[t]", kinds(sqlite, "/* x /* y */ z */ select [my col] FROM t"));
        assertEquals("SYMBOL[$] WORD[x$]", kinds(sqlite, "$x$"), "no dollar quotes in SQLite");
    }

    @Test
    void anUnterminatedTokenRunsToTheEndInsteadOfFailing() {
        Dialect pg = new PostgresDialect();
        assertEquals("KEYWORD[SELECT] STRING['abc]", kinds(pg, "SELECT 'abc"));
        assertEquals("KEYWORD[SELECT] STRING[E'abc]", kinds(pg, "SELECT E'abc"));
        assertEquals("KEYWORD[SELECT] COMMENT[/* open /* nested */]", kinds(pg, "SELECT /* open /* nested */"));
        assertEquals("STRING[$$ body]", kinds(pg, "$$ body"));
        assertEquals(List.of(), pg.tokens(""));
    }

    @Test
    void mysqlReadsHashCommentsBackticksAndBackslashEscapes() {
        Dialect mysql = new MySqlDialect();
        assertEquals("KEYWORD[SELECT] QUOTED_IDENTIFIER[`my col`] SYMBOL[,] STRING['a\\'b'] COMMENT[# note]",
                kinds(mysql, "SELECT `my col`, 'a\\'b' # note"));
    }

    @Test
    void multiLineCommentsAreOneToken() {
        String sql = "/* one\n two\n three */\nCREATE TABLE t (id INTEGER);";
        List<SqlToken> tokens = new SqliteDialect().tokens(sql);
        assertEquals(new SqlToken(SqlToken.Kind.COMMENT, 0, sql.indexOf("*/") + 2), tokens.get(0));
        assertEquals(SqlToken.Kind.KEYWORD, tokens.get(1).kind());
    }
}
