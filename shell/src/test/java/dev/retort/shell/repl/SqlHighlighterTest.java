package dev.retort.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.themes.ColorDepth;
import dev.retort.themes.ColorPolicy;
import dev.retort.themes.Role;
import dev.retort.themes.Styler;
import dev.retort.themes.ThemeCatalog;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

class SqlHighlighterTest {

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
        AttributedString s = new SqlHighlighter(DARK).highlight(sql);
        assertEquals(sql, s.toString());
        assertEquals(Role.SQL_COMMENT, roleAt(s, "Running"));
        assertEquals(Role.SQL_KEYWORD, roleAt(s, "INSERT"));
        assertEquals(null, roleAt(s, "category"));
        assertEquals(Role.SQL_NUMBER, roleAt(s, "3,"));
        assertEquals(Role.SQL_STRING, roleAt(s, "s; fine"));
    }

    @Test
    void dollarQuotedBodiesAndNestedBlockCommentsAreStrings() {
        String sql = "CREATE FUNCTION f() RETURNS trigger AS $body$ BEGIN RETURN NEW; END; $body$ /* a /* nested */ SELECT */;";
        AttributedString s = new SqlHighlighter(DARK).highlight(sql);
        assertEquals(Role.SQL_STRING, roleAt(s, "BEGIN RETURN"));
        assertEquals(Role.SQL_COMMENT, roleAt(s, "SELECT */"));
    }
}
