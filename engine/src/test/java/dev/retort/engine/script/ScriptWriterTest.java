package dev.retort.engine.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.RetortException;
import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.revision.Revision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptWriterTest {

    /** 2021-03-04 05:06:07.123456 UTC. */
    private static final Instant NOW = Instant.parse("2021-03-04T05:06:07.123456Z");
    private static final Clock UTC_CLOCK = Clock.fixed(NOW, ZoneId.of("UTC"));

    @TempDir
    Path dir;

    private Path versions() {
        return dir.resolve("scripts/versions").toAbsolutePath();
    }

    private ScriptWriter writer(String extra) throws IOException {
        Path ini = dir.resolve("retort.ini");
        if (!Files.exists(dir.resolve("scripts"))) {
            Templates.init(dir.resolve("scripts"), "generic", dir.resolve("unused.ini"));
        }
        Files.writeString(ini, "[retort]\nscript_location = %(here)s/scripts\n" + extra);
        RetortConfig config = RetortConfig.load(ini, null, Map.of(), Map.of());
        return new ScriptWriter(config, ScriptDirectory.load(config), UTC_CLOCK);
    }

    private ScriptWriter.Written write(ScriptWriter w, String rev, String message) {
        return w.write(new ScriptWriter.Request(rev, message, List.of(), List.of(), List.of(), versions()));
    }

    // --- slug

    @Test
    void slugJoinsWordRunsLowercased() {
        assertEquals("add_account_table_v2", ScriptWriter.slug("Add 'account' table (v2)!", 40));
        assertEquals("", ScriptWriter.slug(null, 40));
        assertEquals("", ScriptWriter.slug("!!!", 40));
        assertEquals("größe_ändern", ScriptWriter.slug("Größe ändern", 40));
    }

    @Test
    void longSlugIsCutDropsPartialWordAndEndsWithUnderscore() {
        // "this_is_a_very_long_message_that_goes_on_and_on" cut to 20: "this_is_a_very_long_" -> "this_is_a_very_long_"
        assertEquals("this_is_a_very_long_", ScriptWriter.slug("this is a very long message that goes on", 20));
        // cut inside a word: "this_is_a_very_lo" -> drop "lo"
        assertEquals("this_is_a_very_", ScriptWriter.slug("this is a very long message", 17));
        // no underscore in the cut: keep the cut
        assertEquals("abcdefghij_", ScriptWriter.slug("abcdefghijklmnop", 10));
        // exactly the limit: unchanged
        assertEquals("abc_def", ScriptWriter.slug("abc def", 7));
    }

    // --- writing

    @Test
    void writesGenericTemplateWithDefaultName() throws IOException {
        ScriptWriter.Written w = write(writer(""), "ae1027a6acf", "Add account table");
        Path expected = versions().resolve("ae1027a6acf_add_account_table.sql");
        assertEquals(expected, w.path());
        assertEquals(List.of("Generating " + expected + " ...  done"), w.output());
        assertEquals("""
                -- Add account table
                --
                -- Revision ID: ae1027a6acf
                -- Revises:
                -- Create Date: 2021-03-04 05:06:07.123456

                -- retort:upgrade


                -- retort:downgrade

                """, Files.readString(expected));
        assertEquals("ae1027a6acf", w.revision().id());
        assertTrue(w.revision().isBase());
    }

    @Test
    void optionalHeaderLinesAppearWhenSet() throws IOException {
        ScriptWriter w = writer("");
        ScriptWriter.Written out = w.write(new ScriptWriter.Request("c", "merge", List.of("a", "b"), List.of("lbl"),
                List.of("d1", "d2"), versions()));
        String text = Files.readString(out.path());
        assertTrue(text.contains("-- Revises: a, b\n-- Create Date: 2021-03-04 05:06:07.123456\n"
                + "-- Branch Labels: lbl\n-- Depends On: d1, d2\n"), text);
        Revision r = out.revision();
        assertEquals(List.of("a", "b"), r.downRevisions());
        assertEquals(List.of("lbl"), r.branchLabels());
        assertEquals(List.of("d1", "d2"), r.dependsOn());
    }

    @Test
    void nullMessageWritesEmptyMessageAndEmptySlug() throws IOException {
        ScriptWriter.Written w = write(writer(""), "abc", null);
        assertEquals("abc_.sql", w.path().getFileName().toString());
        assertTrue(Files.readString(w.path()).startsWith("-- empty message\n"));
    }

    @Test
    void multiLineMessageStaysInTheHeader() throws IOException {
        ScriptWriter.Written w = write(writer(""), "abc", "first\n\nsecond");
        assertEquals("first\n\nsecond\n\nRevision ID: abc\nRevises:\nCreate Date: 2021-03-04 05:06:07.123456",
                w.revision().docstring());
    }

    @Test
    void illegalRevisionIdIsRefusedWithAlembicsText() throws IOException {
        ScriptWriter w = writer("");
        RetortException e = assertThrows(RetortException.class, () -> write(w, "bad-id", "m"));
        assertEquals("Character(s) '-' not allowed in revision identifier 'bad-id'", e.getMessage());
        e = assertThrows(RetortException.class, () -> write(w, "a:b@c", "m"));
        assertEquals("Character(s) ':, @' not allowed in revision identifier 'a:b@c'", e.getMessage());
    }

    @Test
    void existingFileIsNotOverwritten() throws IOException {
        ScriptWriter w = writer("");
        write(w, "abc", "m");
        RetortException e = assertThrows(RetortException.class, () -> write(w, "abc", "m"));
        assertTrue(e.getMessage().startsWith("Revision abc already exists: ")
                && e.getMessage().endsWith("abc_m.sql"), e.getMessage());
    }

    @Test
    void newRevisionIdIsTwelveHexDigits() {
        assertTrue(ScriptWriter.newRevisionId().matches("[0-9a-f]{12}"));
    }

    // --- file_template

    @Test
    void fileTemplateTokensWithPythonFormatSpecs() throws IOException {
        ScriptWriter w = writer("file_template = %%(year)d_%%(month).2d_%%(day)02d_%%(hour)d%%(minute).2d"
                + "%%(second).2d_%%(epoch)s-%%(rev)s_%%(slug)s\n");
        ScriptWriter.Written out = write(w, "abc", "Hello world");
        assertEquals("2021_03_04_50607_" + NOW.getEpochSecond() + "-abc_hello_world.sql",
                out.path().getFileName().toString());
    }

    @Test
    void slashInFileTemplateCreatesSubdirectories() throws IOException {
        ScriptWriter w = writer("recursive_version_locations = true\nfile_template = %%(year)d/%%(month).2d/%%(rev)s\n");
        ScriptWriter.Written out = write(w, "abc", "m");
        assertEquals(versions().resolve("2021/03/abc.sql"), out.path());
        assertTrue(Files.isRegularFile(out.path()));
    }

    @Test
    void slashInFileTemplateWithoutRecursiveLoadingIsRefused() throws IOException {
        ScriptWriter w = writer("file_template = %%(year)d/%%(rev)s\n");
        RetortException e = assertThrows(RetortException.class, () -> write(w, "abc", "m"));
        assertTrue(e.getMessage().contains("recursive_version_locations"), e.getMessage());
    }

    @Test
    void unknownFileTemplateTokenIsAnError() throws IOException {
        ScriptWriter w = writer("file_template = %%(nope)s\n");
        RetortException e = assertThrows(RetortException.class, () -> write(w, "abc", "m"));
        assertTrue(e.getMessage().contains(":3: file_template '%(nope)s': unknown token '%(nope)'"), e.getMessage());
    }

    @Test
    void truncateSlugLengthComesFromConfig() throws IOException {
        ScriptWriter.Written out = write(writer("truncate_slug_length = 8\n"), "abc", "add account table");
        assertEquals("abc_add_.sql", out.path().getFileName().toString());
    }

    // --- timezone

    @Test
    void timezoneGivesAwareCreateDateAndLocalTokens() throws IOException {
        ScriptWriter w = writer("timezone = Asia/Kolkata\nfile_template = %%(hour)d_%%(rev)s\n");
        ScriptWriter.Written out = write(w, "abc", "m");
        assertEquals("10_abc.sql", out.path().getFileName().toString());
        assertTrue(Files.readString(out.path()).contains("-- Create Date: 2021-03-04 10:36:07.123456+05:30\n"));
    }

    @Test
    void timezoneIsTriedUpperCased() throws IOException {
        ScriptWriter.Written out = write(writer("timezone = utc\n"), "abc", "m");
        assertTrue(Files.readString(out.path()).contains("-- Create Date: 2021-03-04 05:06:07.123456+00:00\n"));
    }

    @Test
    void unknownTimezoneIsAlembicsError() throws IOException {
        ScriptWriter w = writer("timezone = Mars/Olympus\n");
        assertEquals("Can't locate timezone: Mars/Olympus",
                assertThrows(RetortException.class, () -> write(w, "abc", "m")).getMessage());
    }

    // --- template

    @Test
    void unknownPlaceholderInTemplateNamesLine() throws IOException {
        ScriptWriter w = writer("");
        Files.writeString(dir.resolve("scripts/script.sql.tmpl"), "-- ${message}\n-- Revision ID: ${rev}\n");
        RetortException e = assertThrows(RetortException.class, () -> write(w, "abc", "m"));
        assertTrue(e.getMessage().startsWith(dir.resolve("scripts/script.sql.tmpl").toAbsolutePath()
                + ":2: unknown placeholder '${rev}'"), e.getMessage());
    }

    @Test
    void templateWithoutBranchLabelsLineFailsWhenLabelsGiven() throws IOException {
        ScriptWriter w = writer("");
        Files.writeString(dir.resolve("scripts/script.sql.tmpl"), "-- ${message}\n-- Revision ID: ${up_revision}\n");
        RetortException e = assertThrows(RetortException.class, () -> w.write(new ScriptWriter.Request("abc", "m",
                List.of(), List.of("lbl"), List.of(), versions())));
        assertTrue(e.getMessage().startsWith("Version abc specified branch_labels lbl, however the migration file"),
                e.getMessage());
    }

    // --- version directory

    @Test
    void versionDirectoryMustBeAVersionLocation() throws IOException {
        writer("");
        RetortConfig c = RetortConfig.load(dir.resolve("retort.ini"), null, Map.of(), Map.of());
        ScriptDirectory s = ScriptDirectory.load(c);
        assertEquals(versions(), ScriptWriter.versionDirectory(s, null, List.of()));
        assertEquals(versions(), ScriptWriter.versionDirectory(s, versions(), List.of()));
        RetortException e = assertThrows(RetortException.class,
                () -> ScriptWriter.versionDirectory(s, dir.resolve("elsewhere"), List.of()));
        assertEquals("Path " + dir.resolve("elsewhere").toAbsolutePath()
                + " is not represented in current version locations", e.getMessage());
    }

    // --- hooks

    @Test
    void execHookRunsWithFileNameAndReportsOutput() throws IOException {
        Path log = dir.resolve("hook.log");
        ScriptWriter w = writer("[post_write_hooks]\nhooks = first, second\n"
                + "first.type = exec\nfirst.executable = /bin/sh\n"
                + "first.options = -c 'echo \"got $0\" > " + log + "; echo hello' REVISION_SCRIPT_FILENAME\n"
                + "second.type = exec\nsecond.executable = true\n");
        ScriptWriter.Written out = write(w, "abc", "m");
        assertEquals(List.of("Generating " + out.path() + " ...  done",
                "Running post write hook 'first' ...", "hello", "  done",
                "Running post write hook 'second' ...", "  done"), out.output());
        assertEquals("got " + out.path() + "\n", Files.readString(log));
    }

    @Test
    void hookTokenIsPrependedWhenAbsentAndCwdApplies() throws IOException {
        Path log = dir.resolve("args.log");
        Path work = Files.createDirectories(dir.resolve("work"));
        Path script = dir.resolve("args.sh");
        Files.writeString(script, "#!/bin/sh\npwd > " + log + "\nfor a in \"$@\"; do echo \"$a\" >> " + log + "; done\n");
        assertTrue(script.toFile().setExecutable(true));
        ScriptWriter w = writer("[post_write_hooks]\nhooks = h\nh.type = exec\nh.executable = " + script + "\n"
                + "h.options = --flag 'two words'\nh.cwd = %(here)s/work\n");
        ScriptWriter.Written out = write(w, "abc", "m");
        assertEquals(List.of(work.toRealPath().toString(), out.path().toString(), "--flag", "two words"),
                Files.readAllLines(log));
    }

    @Test
    void missingExecutableIsAClearError() throws IOException {
        ScriptWriter w = writer("[post_write_hooks]\nhooks = fmt\nfmt.type = exec\nfmt.executable = /no/such/fmt\n");
        List<String> lines = new java.util.ArrayList<>();
        RetortException e = assertThrows(RetortException.class, () -> w.write(new ScriptWriter.Request("abc", "m",
                List.of(), List.of(), List.of(), versions()), lines::add));
        assertTrue(e.getMessage().startsWith("Post write hook 'fmt' could not run '/no/such/fmt'"), e.getMessage());
        assertEquals("  FAILED", lines.get(lines.size() - 1));
        assertTrue(Files.exists(versions().resolve("abc_m.sql")), "the revision file stays");
    }

    @Test
    void failingHookIsAnError() throws IOException {
        ScriptWriter w = writer("[post_write_hooks]\nhooks = f\nf.type = exec\nf.executable = false\n");
        RetortException e = assertThrows(RetortException.class, () -> write(w, "abc", "m"));
        assertEquals("Post write hook 'f' (false) exited with status 1", e.getMessage());
    }

    @Test
    void hookKeyErrorsUseAlembicsTexts() throws IOException {
        assertEquals("Key fmt.type is required for post write hook 'fmt'",
                assertThrows(RetortException.class, () -> write(writer("[post_write_hooks]\nhooks = fmt\n"), "a", "m"))
                        .getMessage());
        assertEquals("Key fmt.executable is required for post write hook 'fmt'",
                assertThrows(RetortException.class, () -> write(writer(
                        "[post_write_hooks]\nhooks = fmt\nfmt.type = exec\n"), "b", "m")).getMessage());
        assertEquals("No formatter with name 'black' registered",
                assertThrows(RetortException.class, () -> write(writer(
                        "[post_write_hooks]\nhooks = fmt\nfmt.type = black\n"), "c", "m")).getMessage());
        String py = assertThrows(RetortException.class, () -> write(writer(
                "[post_write_hooks]\nhooks = fmt\nfmt.type = console_scripts\nfmt.entrypoint = black\n"), "d", "m"))
                .getMessage();
        assertTrue(py.contains("Python-only"), py);
    }
}
