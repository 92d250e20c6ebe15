package dev.retort.shell.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.engine.dialect.PostgresDialect;
import dev.retort.engine.dialect.SqliteDialect;
import dev.retort.themes.ColorDepth;
import dev.retort.themes.ColorPolicy;
import dev.retort.themes.Role;
import dev.retort.themes.Styler;
import dev.retort.themes.ThemeCatalog;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

class SqlRolesTest {

    private static final Styler DARK = new Styler(ThemeCatalog.bundled("dark"), new ColorPolicy(ColorDepth.ANSI_256));

    private static Role roleAt(AttributedString s, String word) {
        int i = s.toString().indexOf(word);
        for (Role r : new Role[] {Role.SQL_KEYWORD, Role.SQL_STRING, Role.SQL_COMMENT, Role.SQL_NUMBER, Role.ERROR}) {
            if (s.styleAt(i).equals(DARK.style(r))) {
                return r;
            }
        }
        return null;
    }

    @Test
    void keywordsStringsNumbersAndCommentsAreTold() {
        String sql = "-- Running upgrade  -> a1f3c09e7b2d\n\nINSERT INTO category (id, name) VALUES (3, 'it''s; fine');\n";
        AttributedString s = SqlRoles.jline(DARK, new SqliteDialect(), sql);
        assertEquals(sql, s.toString());
        assertEquals(Role.SQL_COMMENT, roleAt(s, "Running"));
        assertEquals(Role.SQL_KEYWORD, roleAt(s, "INSERT"));
        assertEquals(null, roleAt(s, "category"));
        assertEquals(Role.SQL_NUMBER, roleAt(s, "3,"));
        assertEquals(Role.SQL_STRING, roleAt(s, "s; fine"));
    }

    @Test
    void dollarQuotedBodiesAndNestedBlockCommentsFollowPostgresql() {
        String sql = "CREATE FUNCTION f() RETURNS trigger AS $body$ BEGIN RETURN NEW; END; $body$ /* a /* nested */ SELECT */;";
        AttributedString s = SqlRoles.jline(DARK, new PostgresDialect(), sql);
        assertEquals(Role.SQL_STRING, roleAt(s, "BEGIN RETURN"));
        assertEquals(Role.SQL_COMMENT, roleAt(s, "SELECT */"));
    }

    @Test
    void sqliteBlockCommentsEndAtTheFirstClose() {
        String sql = "/* a /* nested */ SELECT 1;";
        AttributedString s = SqlRoles.jline(DARK, new SqliteDialect(), sql);
        assertEquals(Role.SQL_KEYWORD, roleAt(s, "SELECT"), "SQLite's comments do not nest, and the lexer says so");
    }

    @Test
    void retortsNotesInAPreviewAreColouredByWhatTheySay() {
        String sql = "-- FAILED: boom\nCREATE INDEX i ON t (c);\n-- lint warning[require-concurrent-index]: locks\n"
                + "-- lint error[drop-column]: data loss\n-- lint info[x]: fyi\n-- Running upgrade a -> b\n";
        AttributedString s = SqlRoles.jline(DARK, new SqliteDialect(), sql);
        assertEquals(Role.ERROR, roleAt(s, "boom"));
        assertEquals(DARK.style(Role.WARNING), s.styleAt(sql.indexOf("locks")));
        assertEquals(Role.ERROR, roleAt(s, "data loss"));
        assertEquals(DARK.style(Role.MUTED), s.styleAt(sql.indexOf("fyi")));
        assertEquals(Role.SQL_COMMENT, roleAt(s, "Running"));
    }
}
