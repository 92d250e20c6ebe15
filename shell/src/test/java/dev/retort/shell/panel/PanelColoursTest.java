package dev.retort.shell.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import dev.retort.engine.dialect.PostgresDialect;
import dev.retort.shell.highlight.SqlRoles;
import dev.retort.themes.ColorDepth;
import dev.retort.themes.ColorPolicy;
import dev.retort.themes.LanternaStyles.LanternaStyle;
import dev.retort.themes.Role;
import dev.retort.themes.Styler;
import dev.retort.themes.ThemeCatalog;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

/**
 * The panel's colours come from the theme's roles, and its SQL is coloured exactly as the
 * REPL colours the same text: one palette, one tokenizer.
 */
class PanelColoursTest {

    private static final Styler DARK = new Styler(ThemeCatalog.bundled("dark"), new ColorPolicy(ColorDepth.ANSI_256));

    /** A PostgreSQL plan with what a line-at-a-time highlighter gets wrong. */
    private static final String PLAN = String.join("\n",
            "-- Plan for postgresql://localhost/app: 1 step(s), heads (none) -> f00d00000009",
            "CREATE FUNCTION touch() RETURNS trigger AS $body$",
            "BEGIN",
            "  NEW.note := 'it''s; fine';",
            "  RETURN NEW;",
            "END;",
            "$body$ LANGUAGE plpgsql;",
            "/* a /* nested */ still a comment",
            "   across lines */",
            "INSERT INTO notes (body, n) VALUES (E'a\\'b; c', 42);",
            "") ;

    private static final Role[] SQL_ROLES = {Role.SQL_KEYWORD, Role.SQL_STRING, Role.SQL_NUMBER, Role.SQL_COMMENT,
        Role.ERROR};

    /** The REPL's colouring (ShellOutput renders SQL through SqlRoles.jline) read back as roles; null = plain. */
    private static Role replRole(AttributedString s, int i) {
        for (Role r : SQL_ROLES) {
            if (s.styleAt(i).equals(DARK.style(r))) {
                return r;
            }
        }
        return null;
    }

    private static Role panelRole(TextCharacter cell) {
        for (Role r : SQL_ROLES) {
            if (same(DARK.lanterna(r), cell)) {
                return r;
            }
        }
        assertTrue(same(DARK.lanterna(Role.MESSAGE), cell), () -> "neither SQL nor plain text: " + cell);
        return null;
    }

    private static boolean same(LanternaStyle style, TextCharacter cell) {
        EnumSet<SGR> mods = EnumSet.noneOf(SGR.class);
        mods.addAll(style.modifiers());
        return style.foreground().equals(cell.getForegroundColor()) && mods.equals(EnumSet.copyOf(
                cell.getModifiers().isEmpty() ? EnumSet.noneOf(SGR.class) : cell.getModifiers()));
    }

    @Test
    void theSamePlanIsColouredIdenticallyInTheReplAndThePanel() throws Exception {
        AttributedString repl = SqlRoles.jline(DARK, new PostgresDialect(), PLAN);
        FakeActions actions = new FakeActions(SampleGraphs.showcase());
        actions.previewText = PLAN;
        try (PanelHarness h = new PanelHarness(120, 40, GraphPanel.builder().model(actions.model).actions(actions)
                .styler(DARK))) {
            h.press(KeyType.Home).type("u");
            List<Role> inRepl = new ArrayList<>();
            List<Role> inPanel = new ArrayList<>();
            int offset = 0;
            for (String line : PLAN.split("\n")) {
                int row = h.rowOf(line);
                assertTrue(row > 0, () -> "not on the panel: " + line + "\n" + h.screen());
                for (int col = 0; col < line.length(); col++) {
                    inRepl.add(replRole(repl, offset + col));
                    inPanel.add(panelRole(h.at(col, row)));
                }
                offset += line.length() + 1;
            }
            assertEquals(inRepl, inPanel);
            assertEquals(Role.SQL_STRING, roleOf(repl, "BEGIN"), "a dollar-quoted body is a string");
            assertEquals(Role.SQL_STRING, roleOf(repl, "RETURN NEW"));
            assertEquals(Role.SQL_COMMENT, roleOf(repl, "still a comment"), "nested comment");
            assertEquals(Role.SQL_COMMENT, roleOf(repl, "across lines"), "a comment's second line");
            assertEquals(Role.SQL_STRING, roleOf(repl, "E'a"), "an E'' string, escaped quote and all");
            assertEquals(Role.SQL_STRING, roleOf(repl, "; c'"));
            assertEquals(Role.SQL_NUMBER, roleOf(repl, "42"));
            assertEquals(Role.SQL_KEYWORD, roleOf(repl, "INSERT"));
            assertEquals(null, roleOf(repl, "notes"));
        }
    }

    private static Role roleOf(AttributedString s, String text) {
        return replRole(s, s.toString().indexOf(text));
    }

    @Test
    void thePanelDrawsWithTheActiveThemesRolesAndTheMonoAttributesWithColourOff() throws Exception {
        FakeActions actions = new FakeActions(SampleGraphs.showcase());
        try (PanelHarness h = new PanelHarness(100, 30, GraphPanel.builder().model(actions.model).actions(actions)
                .styler(DARK))) {
            h.press(KeyType.Home);
            assertEquals(new TextColor.Indexed(24), h.at(0, 1).getBackgroundColor(), "selection = bg:24");
            int row = h.rowOf("CREATE TABLE");
            assertEquals(new TextColor.Indexed(75), h.at(0, row).getForegroundColor(), "sql-keyword = fg:75");
            assertTrue(h.at(0, row).getModifiers().contains(SGR.BOLD));
            int current = h.rowOf("b00000000006");
            int idCol = h.line(current).indexOf("b00000000006");
            assertEquals(new TextColor.Indexed(45), h.at(idCol, current).getForegroundColor(), "current = fg:45");
            assertEquals(new TextColor.Indexed(236), h.at(0, h.terminal.getTerminalSize().getRows() - 1)
                    .getBackgroundColor(), "status = bg:236");
        }
        try (PanelHarness h = new PanelHarness(100, 30, GraphPanel.builder().model(actions.model).actions(actions)
                .styler(new Styler(ThemeCatalog.bundled("dark"), ColorPolicy.OFF)))) {
            h.press(KeyType.Home);
            TextCharacter selected = h.at(0, 1);
            assertEquals(TextColor.ANSI.DEFAULT, selected.getBackgroundColor());
            assertTrue(selected.getModifiers().contains(SGR.REVERSE), "mono: the selection in reverse video");
            for (int col = 0; col < 100; col++) {
                TextCharacter c = h.at(col, 3);
                assertEquals(TextColor.ANSI.DEFAULT, c.getForegroundColor(), "no colour at column " + col);
            }
        }
    }
}
