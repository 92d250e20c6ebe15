package dev.retort.engine.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.RetortException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScriptBodyTest {

    private static final Path FILE = Path.of("/v/a.sql");

    private static final String SCRIPT = """
            -- add index
            --
            -- Revision ID: a

            -- retort:upgrade
            CREATE INDEX i ON t (c);

            -- retort:upgrade postgresql
            -- retort:no-transaction
            CREATE INDEX CONCURRENTLY i ON t (c);
            -- retort:downgrade
            DROP INDEX i;
            """;

    private static ScriptBody parse(String text) {
        return ScriptBody.parse(FILE, text);
    }

    private static String error(String text) {
        return assertThrows(RetortException.class, () -> parse(text)).getMessage();
    }

    @Test
    void sectionsCarryTextAndFirstLine() {
        ScriptBody b = parse(SCRIPT);
        assertEquals(3, b.sections().size());
        assertEquals(new Section(true, null, "CREATE INDEX i ON t (c);", 6, false), b.sections().get(0));
        assertEquals(new Section(true, "postgresql", "-- retort:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (c);",
                9, true), b.sections().get(1));
        assertEquals(new Section(false, null, "DROP INDEX i;", 12, false), b.sections().get(2));
    }

    @Test
    void dialectUsesItsOwnSectionElseTheUnqualifiedOne() {
        ScriptBody b = parse(SCRIPT);
        assertEquals("postgresql", b.upgrade("postgresql").orElseThrow().dialect());
        assertTrue(b.upgrade("postgresql").orElseThrow().noTransaction());
        assertEquals(null, b.upgrade("sqlite").orElseThrow().dialect());
        assertFalse(b.upgrade("sqlite").orElseThrow().noTransaction());
        assertEquals("DROP INDEX i;", b.downgrade("postgresql").orElseThrow().sql());
    }

    @Test
    void dialectOnlySectionIsAbsentForOtherDialects() {
        ScriptBody b = parse("-- retort:upgrade sqlite\nSELECT 1;\n");
        assertTrue(b.upgrade("sqlite").isPresent());
        assertEquals(Optional.empty(), b.upgrade("postgresql"));
    }

    @Test
    void scriptWithoutDowngradeIsIrreversible() {
        ScriptBody b = parse("-- m\n-- Revision ID: a\n\n-- retort:upgrade\nSELECT 1;\n");
        assertEquals(Optional.empty(), b.downgrade("sqlite"));
        assertEquals(Optional.empty(), b.downgrade(null));
    }

    @Test
    void emptySectionHasEmptyText() {
        ScriptBody b = parse("-- retort:upgrade\n\n\n-- retort:downgrade\n");
        assertEquals("", b.upgrade(null).orElseThrow().sql());
        assertEquals("", b.downgrade(null).orElseThrow().sql());
    }

    @Test
    void crlfFilesKeepLineNumbers() {
        ScriptBody b = parse("-- m\r\n-- Revision ID: a\r\n\r\n-- retort:upgrade\r\n\r\nSELECT 1;\r\nSELECT 2;\r\n");
        Section s = b.upgrade(null).orElseThrow();
        assertEquals("SELECT 1;\nSELECT 2;", s.sql());
        assertEquals(6, s.firstLine());
    }

    @Test
    void unknownMarkerNamesFileAndLine() {
        assertEquals("/v/a.sql:3: unknown marker '-- retort:upgrde'; did you mean 'upgrade'? (known: upgrade, downgrade, no-transaction, lint-ignore)",
                error("-- retort:upgrade\nSELECT 1;\n-- retort:upgrde\n"));
    }

    @Test
    void duplicateSectionForSameDirectionAndDialectIsAnError() {
        assertEquals("/v/a.sql:5: second '-- retort:upgrade postgresql' section (the first is at line 1)",
                error("-- retort:upgrade postgresql\nA;\n-- retort:upgrade\nB;\n-- retort:upgrade POSTGRESQL\nC;\n"));
        assertTrue(error("-- retort:downgrade\nA;\n-- retort:downgrade\n").startsWith("/v/a.sql:3: second"));
    }

    @Test
    void noTransactionOutsideSectionIsAnError() {
        assertEquals("/v/a.sql:2: '-- retort:no-transaction' outside a section",
                error("-- m\n-- retort:no-transaction\n-- retort:upgrade\n"));
    }

    @Test
    void sqlBeforeFirstSectionIsAnError() {
        assertTrue(error("-- m\n\nCREATE TABLE t (id INT);\n-- retort:upgrade\n").startsWith("/v/a.sql:3: SQL before"));
    }

    @Test
    void markerWithTwoArgumentsIsAnError() {
        assertTrue(error("-- retort:upgrade postgresql sqlite\n").startsWith("/v/a.sql:1: expected one dialect name"));
    }

    @Test
    void checksumIgnoresLineEndingsAndTrailingWhitespace() {
        String base = parse(SCRIPT).checksum();
        assertEquals(64, base.length());
        assertEquals(base, parse(SCRIPT.replace("\n", "\r\n")).checksum());
        assertEquals(base, parse(SCRIPT.replace(";\n", ";   \t\n")).checksum());
        assertEquals(base, parse(SCRIPT.replace("-- add index", "-- add an index (header edit)")).checksum());
        assertEquals(base, parse(SCRIPT + "\n\n\n").checksum());
    }

    @Test
    void checksumIgnoresCommentsAndReformatting() {
        String base = parse(SCRIPT).checksum();
        assertEquals(base, parse(SCRIPT.replace("ON t (c)", "ON t  (c)")).checksum());
        assertEquals(base, parse(SCRIPT.replace("ON t (c)", "ON -- the hot table\n    t (c)")).checksum());
        assertEquals(base, parse(SCRIPT.replace("DROP INDEX i;", "/* why */ DROP INDEX i;")).checksum());
        assertNotEquals(base, parse(SCRIPT.replace("ON t (c)", "ON t (d)")).checksum());
        assertNotEquals(base, parse(SCRIPT.replace("ON t (c)", "on t (c)")).checksum()); // tokens as written
        assertNotEquals(base, parse(SCRIPT).legacyChecksum());
        assertNotEquals(parse(SCRIPT).legacyChecksum(), parse(SCRIPT.replace("ON t (c)", "ON t  (c)")).legacyChecksum());
    }

    @Test
    void checksumChangesWithAnySqlChange() {
        String base = parse(SCRIPT).checksum();
        assertNotEquals(base, parse(SCRIPT.replace("DROP INDEX i;", "DROP INDEX j;")).checksum());
        assertNotEquals(base, parse(SCRIPT.replace("-- retort:no-transaction\n", "")).checksum());
        assertNotEquals(base, parse(SCRIPT.replace("upgrade postgresql", "upgrade sqlite")).checksum());
        assertNotEquals(base, parse(SCRIPT.replace("-- retort:downgrade\n", "")).checksum());
    }
}
