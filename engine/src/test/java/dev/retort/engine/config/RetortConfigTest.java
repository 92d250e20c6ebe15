package dev.retort.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.RetortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetortConfigTest {

    @TempDir
    Path dir;

    private Path ini(String text) throws IOException {
        Path f = dir.resolve("retort.ini");
        Files.writeString(f, text);
        return f;
    }

    private RetortConfig load(String text) throws IOException {
        return RetortConfig.load(ini(text), null, Map.of(), Map.of());
    }

    private RetortConfig load(String text, Map<String, String> overrides, Map<String, String> env)
            throws IOException {
        return RetortConfig.load(ini(text), null, overrides, env);
    }

    private String error(String text) {
        return assertThrows(RetortException.class, () -> load(text)).getMessage();
    }

    private String error(String text, Map<String, String> env) {
        return assertThrows(RetortException.class, () -> load(text, Map.of(), env)).getMessage();
    }

    // --- syntax

    @Test
    void bothDelimitersAndCaseInsensitiveKeys() throws IOException {
        RetortConfig c = load("[retort]\nscript_location = s\nURL: sqlite:///x.db\n");
        assertEquals(Optional.of("sqlite:///x.db"), c.get("url"));
        assertEquals(Optional.of("sqlite:///x.db"), c.get("Url"));
    }

    @Test
    void commentLinesAreIgnored() throws IOException {
        RetortConfig c = load("# top\n[retort]\n; semi\nscript_location = s\n  # indented comment\nurl = u # not a comment\n");
        assertEquals(Optional.of("u # not a comment"), c.get("url"));
    }

    @Test
    void indentedLinesContinueTheValue() throws IOException {
        RetortConfig c = load("[retort]\nscript_location = s\nversion_locations =\n    a\n\n    b\nurl = u\n");
        assertEquals(Optional.of("a\n\nb"), c.get("version_locations"));
        assertEquals(List.of(dir.resolve("a"), dir.resolve("b")), c.versionLocations());
        assertEquals(Optional.of("u"), c.get("url"));
    }

    @Test
    void keyOutsideSectionNamesFileAndLine() {
        assertEquals(dir.resolve("retort.ini") + ":2: key outside of any [section]: a = b",
                error("# c\na = b\n[retort]\n"));
    }

    @Test
    void lineWithoutDelimiterNamesFileAndLine() {
        assertTrue(error("[retort]\nscript_location = s\njunk line\n").startsWith(dir.resolve("retort.ini") + ":3: "));
    }

    @Test
    void duplicateKeyAndSectionAreErrors() {
        assertTrue(error("[retort]\na = 1\nA = 2\n").contains(":3: key 'a' in section 'retort' already defined at line 2"));
        assertTrue(error("[retort]\n[x]\n[retort]\n").contains(":3: section 'retort' already defined at line 1"));
    }

    @Test
    void missingFileIsOneLineNamingThePath() {
        Path missing = dir.resolve("nope.ini");
        RetortException e = assertThrows(RetortException.class,
                () -> RetortConfig.load(missing, null, Map.of(), Map.of()));
        assertEquals("No config file '" + missing + "' found", e.getMessage());
    }

    @Test
    void unknownSectionIsNamed() throws IOException {
        Path f = ini("[retort]\nscript_location = s\n");
        RetortException e = assertThrows(RetortException.class, () -> RetortConfig.load(f, "prod", Map.of(), Map.of()));
        assertEquals("No config file section '[prod]' found in " + f, e.getMessage());
    }

    @Test
    void nameOptionPicksAnotherSection() throws IOException {
        Path f = ini("[retort]\nscript_location = a\n[prod]\nscript_location = b\n");
        assertEquals(dir.resolve("b"), RetortConfig.load(f, "prod", Map.of(), Map.of()).scriptLocation());
    }

    // --- interpolation

    @Test
    void hereIsTheAbsoluteDirectoryOfTheFile() throws IOException {
        RetortConfig c = load("[retort]\nscript_location = %(here)s/migrations\n");
        assertEquals(dir.toAbsolutePath().resolve("migrations"), c.scriptLocation());
        assertEquals(Optional.of(dir.toAbsolutePath() + "/migrations"), c.get("script_location"));
    }

    @Test
    void keyReferencesResolveInSectionThenDefault() throws IOException {
        RetortConfig c = load("[DEFAULT]\nhost = db.example\n[retort]\nscript_location = s\nname = app\n"
                + "url = postgresql://%(host)s/%(name)s\n");
        assertEquals(Optional.of("postgresql://db.example/app"), c.url());
        assertEquals(Optional.of("db.example"), c.get("host"));
    }

    @Test
    void doublePercentIsLiteralPercent() throws IOException {
        RetortConfig c = load("[retort]\nscript_location = s\nfile_template = %%(rev)s_%%(slug)s_100%%\n");
        assertEquals("%(rev)s_%(slug)s_100%", c.fileTemplate());
    }

    @Test
    void lonePercentIsAnErrorNamingLine() {
        String e = error("[retort]\nscript_location = s\nfile_template = 100%\n");
        assertTrue(e.startsWith(dir.resolve("retort.ini") + ":3: '%' must be followed by '%' or '('"), e);
    }

    @Test
    void missingReferenceNamesKeyAndLine() {
        String e = error("[retort]\nscript_location = s\n\nurl = %(nope)s\n");
        assertTrue(e.startsWith(dir.resolve("retort.ini") + ":4: Bad value substitution: option 'url'"), e);
        assertTrue(e.contains("'nope'"), e);
    }

    @Test
    void referenceLoopIsReportedNotFollowed() {
        String e = error("[retort]\nscript_location = s\na = %(b)s\nb = %(a)s\n");
        assertTrue(e.contains("Recursion limit exceeded"), e);
        assertTrue(e.contains(":3: "), e);
    }

    @Test
    void environmentVariableIsSubstituted() throws IOException {
        RetortConfig c = load("[retort]\nscript_location = s\nurl = postgresql://u:${PGPASS}@h/db\n", Map.of(),
                Map.of("PGPASS", "s%cret"));
        assertEquals(Optional.of("postgresql://u:s%cret@h/db"), c.url());
    }

    @Test
    void environmentDefaultAppliesWhenUnsetOrEmptyAndIsInterpolated() throws IOException {
        String text = "[retort]\nscript_location = s\nurl = ${DB_URL:-sqlite:///%(here)s/x.db}\n";
        assertEquals(Optional.of("sqlite:///" + dir.toAbsolutePath() + "/x.db"), load(text, Map.of(), Map.of()).url());
        assertEquals(Optional.of("sqlite:///" + dir.toAbsolutePath() + "/x.db"),
                load(text, Map.of(), Map.of("DB_URL", "")).url());
        assertEquals(Optional.of("jdbc:x"), load(text, Map.of(), Map.of("DB_URL", "jdbc:x")).url());
    }

    @Test
    void unsetEnvironmentVariableWithoutDefaultIsAnError() {
        String e = error("[retort]\nscript_location = s\nurl = ${NOPE}\n", Map.of());
        assertTrue(e.startsWith(dir.resolve("retort.ini") + ":3: environment variable 'NOPE' is not set"), e);
    }

    @Test
    void doubledDollarIsLiteral() throws IOException {
        assertEquals(Optional.of("a${B}"), load("[retort]\nscript_location = s\nx = a$${B}\n").get("x"));
    }

    // --- overrides

    @Test
    void overrideReplacesKeyOfMainSection() throws IOException {
        RetortConfig c = load("[retort]\nscript_location = s\nurl = sqlite:///a.db\nother = [%(url)s]\n",
                Map.of("url", "postgresql://u:p%40ss@h/db", "Version_Table", "alembic_version"), Map.of());
        assertEquals(Optional.of("postgresql://u:p%40ss@h/db"), c.url());
        assertEquals(Optional.of("[postgresql://u:p%40ss@h/db]"), c.get("other"));
        assertEquals("alembic_version", c.versionTable());
        assertEquals("-x url", c.origin("url"));
    }

    @Test
    void overrideDoesNotTouchOtherSections() throws IOException {
        RetortConfig c = load("[retort]\nscript_location = s\n[post_write_hooks]\nhooks = a\n",
                Map.of("hooks", "b"), Map.of());
        assertEquals("a", c.section("post_write_hooks").get("hooks"));
    }

    // --- keys

    @Test
    void defaultsApplyWhenKeysAreAbsent() throws IOException {
        RetortConfig c = load("[retort]\nscript_location = s\n");
        assertEquals("retort_version", c.versionTable());
        assertFalse(c.transactionPerMigration());
        assertFalse(c.recursiveVersionLocations());
        assertEquals("%(rev)s_%(slug)s", c.fileTemplate());
        assertEquals(40, c.truncateSlugLength());
        assertEquals(60, c.lockTimeoutSeconds());
        assertEquals(Optional.empty(), c.timezone());
        assertEquals(Optional.empty(), c.url());
        assertEquals(Optional.empty(), c.versionTableSchema());
        assertEquals(List.of(dir.resolve("s/versions")), c.versionLocations());
        assertEquals(dir.resolve("retort.ini"), c.file());
    }

    @Test
    void booleansAcceptTrueYesOnOne() throws IOException {
        for (String v : List.of("true", "YES", "on", "1")) {
            assertTrue(load("[retort]\nscript_location = s\ntransaction_per_migration = " + v + "\n")
                    .transactionPerMigration(), v);
        }
        assertFalse(load("[retort]\nscript_location = s\ntransaction_per_migration = off\n").transactionPerMigration());
        assertTrue(error("[retort]\nscript_location = s\ntransaction_per_migration = maybe\n").contains(":3: "));
    }

    @Test
    void badIntegerNamesLine() {
        String e = error("[retort]\nscript_location = s\ntruncate_slug_length = ten\n");
        assertTrue(e.endsWith(":3: truncate_slug_length: expected an integer, found 'ten'"), e);
    }

    @Test
    void missingScriptLocationIsAlembicsError() {
        assertEquals("No 'script_location' key found in configuration.", error("[retort]\nurl = x\n"));
    }

    @Test
    void sqlalchemyUrlIsTheFallbackUrl() throws IOException {
        assertEquals(Optional.of("sqlite://"), load("[retort]\nscript_location = s\nsqlalchemy.url = sqlite://\n").url());
    }

    @Test
    void versionLocationsSplitOnSpacesAndCommasRelativeToIniDirectory() throws IOException {
        RetortConfig c = load("[retort]\nscript_location = s\nversion_locations = a, b /abs/c\n");
        assertEquals(List.of(dir.resolve("a"), dir.resolve("b"), Path.of("/abs/c")), c.versionLocations());
    }

    @Test
    void pathSeparatorSplitsVersionLocations() throws IOException {
        RetortConfig c = load("[retort]\nscript_location = s\npath_separator = :\n"
                + "version_locations = %(here)s/a b:%(here)s/c\n");
        assertEquals(List.of(dir.resolve("a b"), dir.resolve("c")), c.versionLocations());
        String e = error("[retort]\nscript_location = s\npath_separator = tab\nversion_locations = a\n");
        assertTrue(e.endsWith("'tab' is not a valid value for path_separator; expected 'space', 'newline', 'os', ':', ';'"), e);
    }

    @Test
    void otherSectionIsInterpolatedWithDefaults() throws IOException {
        RetortConfig c = load("[DEFAULT]\nbin = /usr/bin\n[retort]\nscript_location = s\n"
                + "[post_write_hooks]\nhooks = fmt\nfmt.executable = %(bin)s/fmt\n");
        Map<String, String> hooks = c.section("post_write_hooks");
        assertEquals("/usr/bin/fmt", hooks.get("fmt.executable"));
        assertEquals(Map.of(), c.section("absent"));
    }
}
