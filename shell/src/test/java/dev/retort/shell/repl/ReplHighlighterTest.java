package dev.retort.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.retort.themes.ColorDepth;
import dev.retort.themes.ColorPolicy;
import dev.retort.themes.Role;
import dev.retort.themes.Styler;
import dev.retort.themes.ThemeCatalog;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

class ReplHighlighterTest {

    private static final Styler DARK = new Styler(ThemeCatalog.bundled("dark"), new ColorPolicy(ColorDepth.ANSI_256));
    private final ReplHighlighter highlighter = new ReplHighlighter(ReplCompleterTest.model(), SampleGraph::index, () -> DARK);

    /** Asserts every character of {@code word} (at its first occurrence after {@code from}) has {@code role}'s style. */
    private static void assertRole(AttributedString line, String word, int from, Role role) {
        int at = line.toString().indexOf(word, from);
        for (int i = at; i < at + word.length(); i++) {
            assertEquals(DARK.style(role), line.styleAt(i), "'" + word + "' at " + i + " should be " + role);
        }
    }

    @Test
    void commandAndRevisionKindsGetTheirOwnStyles() {
        AttributedString line = highlighter.highlight("history -r a1f37: --verbose");
        assertRole(line, "history", 0, Role.COMMAND);
        assertRole(line, "-r", 0, Role.OPTION);
        assertRole(line, "a1f37", 0, Role.REVISION_ID);
        assertRole(line, "--verbose", 0, Role.OPTION);
        assertEquals("history -r a1f37: --verbose", line.toString());
        assertRole(highlighter.highlight("upgrade a1f37"), "upgrade", 0, Role.COMMAND);
        assertRole(highlighter.highlight("history --nonsense"), "--nonsense", 0, Role.WARNING);
    }

    @Test
    void ambiguousAndUnknownIdsLookDifferentFromKnownOnes() {
        assertRole(highlighter.highlight("show a1f3"), "a1f3", 5, Role.REVISION_AMBIGUOUS);
        assertRole(highlighter.highlight("show beef"), "beef", 5, Role.REVISION_UNKNOWN);
        assertFalse(DARK.style(Role.REVISION_AMBIGUOUS).equals(DARK.style(Role.REVISION_UNKNOWN)));
    }

    @Test
    void labelsSymbolsAndRangesAreColouredPartByPart() {
        assertRole(highlighter.highlight("upgrade payments@head"), "payments@head", 8, Role.BRANCH_LABEL);
        assertRole(highlighter.highlight("downgrade -1"), "-1", 10, Role.SYMBOL);
        AttributedString range = highlighter.highlight("history -r a1f3c:zzz");
        assertRole(range, "a1f3c", 0, Role.REVISION_ID);
        assertRole(range, "zzz", 0, Role.REVISION_UNKNOWN);
        assertEquals(new AttributedString(":").styleAt(0), range.styleAt(range.toString().indexOf(':')));
    }

    @Test
    void unknownCommandsShowAsErrors() {
        assertRole(highlighter.highlight("upgarde head"), "upgarde", 0, Role.ERROR);
    }

    @Test
    void globalOptionsBeforeTheCommandAreOptions() {
        AttributedString line = highlighter.highlight("-c other.ini heads");
        assertRole(line, "-c", 0, Role.OPTION);
        assertRole(line, "heads", 0, Role.COMMAND);
    }

    @Test
    void quotedArgumentsKeepTheirQuotesAndWhitespaceIsPreserved() {
        String typed = "revision  -m 'add a table'  ";
        AttributedString line = highlighter.highlight(typed);
        assertEquals(typed, line.toString());
        assertRole(line, "'add a table'", 0, Role.SQL_STRING);
    }
}
