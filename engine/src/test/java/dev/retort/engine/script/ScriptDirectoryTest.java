package dev.retort.engine.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.RetortException;
import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.revision.Revision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptDirectoryTest {

    @TempDir
    Path dir;

    private RetortConfig config(String extra) throws IOException {
        Files.createDirectories(dir.resolve("scripts/versions"));
        Path ini = dir.resolve("retort.ini");
        Files.writeString(ini, "[retort]\nscript_location = %(here)s/scripts\n" + extra);
        return RetortConfig.load(ini, null, Map.of(), Map.of());
    }

    private Path script(String relative, String text) throws IOException {
        Path f = dir.resolve("scripts/versions").resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private static String header(String id, String revises) {
        return "-- message " + id + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + revises
                + "\n-- Create Date: 2021-03-04 05:06:07.000000\n\n-- retort:upgrade\nSELECT 1;\n";
    }

    private ScriptDirectory load() throws IOException {
        return ScriptDirectory.load(config(""));
    }

    private String error() {
        return assertThrows(RetortException.class, this::load).getMessage();
    }

    @Test
    void headerBecomesRevisionWithDocstring() throws IOException {
        Path f = script("3512b954651e_add_account.sql", """
                -- add account table
                --
                -- Revision ID: 3512b954651e
                -- Revises: 2b1ae634e5cd, 1a2b3c4d5e6f
                -- Create Date: 2026-02-24 12:00:00.000000
                -- Branch Labels: accounts, billing
                -- Depends On: 1a2b, core

                -- retort:upgrade
                CREATE TABLE account (id INTEGER);
                """);
        Revision r = load().revisions().get(0);
        assertEquals("3512b954651e", r.id());
        assertEquals(List.of("2b1ae634e5cd", "1a2b3c4d5e6f"), r.downRevisions());
        assertEquals(List.of("accounts", "billing"), r.branchLabels());
        assertEquals(List.of("1a2b", "core"), r.dependsOn());
        assertEquals("add account table\n\nRevision ID: 3512b954651e\nRevises: 2b1ae634e5cd, 1a2b3c4d5e6f\n"
                + "Create Date: 2026-02-24 12:00:00.000000\nBranch Labels: accounts, billing\nDepends On: 1a2b, core",
                r.docstring());
        assertEquals("add account table", r.doc());
        assertEquals(f.toAbsolutePath(), r.path());
    }

    @Test
    void emptyRevisesMeansBaseAndKeysAreCaseInsensitive() throws IOException {
        script("a.sql", "\n\n--msg\n--REVISION id:  abc \n-- revises:\n");
        Revision r = load().revisions().get(0);
        assertEquals("abc", r.id());
        assertTrue(r.isBase());
        assertEquals("msg\nREVISION id:  abc\nrevises:", r.docstring());
    }

    @Test
    void messageParagraphIsNeverReadAsKeys() throws IOException {
        script("a.sql", "-- Depends on: the new API\n-- Revises: nothing\n--\n-- Revision ID: a\n-- Revises:\n");
        Revision r = load().revisions().get(0);
        assertEquals(List.of(), r.dependsOn());
        assertTrue(r.isBase());
        assertEquals("Depends on: the new API\nRevises: nothing", r.doc());
    }

    @Test
    void headerWithoutMessageStillHasKeys() throws IOException {
        script("a.sql", "-- Revision ID: a\n-- Revises: b\n");
        assertEquals(List.of("b"), load().revisions().get(0).downRevisions());
    }

    @Test
    void headerStopsAtFirstNonCommentLineOrMarker() throws IOException {
        script("a.sql", "-- m\n-- Revision ID: a\n-- retort:upgrade\n-- Revises: zzz\n");
        script("b.sql", "-- m\n-- Revision ID: b\nSELECT 1;\n-- Revises: zzz\n");
        List<Revision> revs = load().revisions();
        assertTrue(revs.get(0).isBase());
        assertTrue(revs.get(1).isBase());
    }

    @Test
    void filesLoadSortedByNameSkippingHiddenAndNonSql() throws IOException {
        script("c_3.sql", header("c", "b"));
        script("a_1.sql", header("a", ""));
        script("b_2.sql", header("b", "a"));
        script(".hidden.sql", header("h", ""));
        script(".#a_1.sql", header("lock", ""));
        script("notes.txt", "x");
        script("sub/d_4.sql", header("d", "c"));
        assertEquals(List.of("a", "b", "c"), load().revisions().stream().map(Revision::id).toList());
    }

    @Test
    void recursiveVersionLocationsWalkSubdirectoriesAfterFilesInNameOrder() throws IOException {
        script("z.sql", header("z", ""));
        script("b/x.sql", header("bx", ""));
        script("a/y.sql", header("ay", ""));
        script("a/deeper/w.sql", header("aw", ""));
        ScriptDirectory s = ScriptDirectory.load(config("recursive_version_locations = true\n"));
        assertEquals(List.of("z", "ay", "aw", "bx"), s.revisions().stream().map(Revision::id).toList());
    }

    @Test
    void extraVersionLocationsLoadInOrderDuplicatesOnceAndAMissingOneIsAnError() throws IOException {
        script("a.sql", header("a", ""));
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("0.sql"), header("o", ""));
        ScriptDirectory s = ScriptDirectory.load(config(
                "version_locations = %(here)s/other %(here)s/scripts/versions scripts/versions\n"));
        assertEquals(List.of("o", "a"), s.revisions().stream().map(Revision::id).toList());
        assertEquals(3, s.versionLocations().size());
        // Alembic skips a location that is not there; Retort says so, or every command would see an empty graph
        RetortException e = assertThrows(RetortException.class, () -> ScriptDirectory.load(config(
                "version_locations = %(here)s/other %(here)s/missing\n")));
        assertTrue(e.getMessage().endsWith(": version location " + dir.resolve("missing").toAbsolutePath()
                + " doesn't exist"), e.getMessage());
    }

    /** A location reached twice, through a link or as a subdirectory of a recursive one, is listed once. */
    @Test
    void aDirectoryReachedTwiceThroughALinkOrRecursionIsListedOnce() throws IOException {
        script("a.sql", header("a", ""));
        script("sub/b.sql", header("b", ""));
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("scripts/versions"));
        ScriptDirectory s = ScriptDirectory.load(config(
                "version_locations = %(here)s/scripts/versions %(here)s/link %(here)s/scripts/versions/sub\n"
                        + "recursive_version_locations = true\n"));
        assertEquals(List.of("a", "b"), s.revisions().stream().map(Revision::id).toList());
    }

    @Test
    void missingScriptLocationIsAlembicsError() throws IOException {
        Path ini = dir.resolve("retort.ini");
        Files.writeString(ini, "[retort]\nscript_location = nowhere\n");
        RetortConfig c = RetortConfig.load(ini, null, Map.of(), Map.of());
        RetortException e = assertThrows(RetortException.class, () -> ScriptDirectory.load(c));
        assertEquals("Path doesn't exist: " + dir.resolve("nowhere")
                + ".  Please use the 'init' command to create a new scripts folder.", e.getMessage());
    }

    @Test
    void missingRevisionIdNamesFile() throws IOException {
        Path f = script("a.sql", "-- just a message\n-- Revises:\n");
        assertEquals(f.toAbsolutePath() + ": no 'Revision ID:' line in the script header", error());
    }

    @Test
    void fileWithoutHeaderLacksRevisionId() throws IOException {
        Path f = script("a.sql", "CREATE TABLE t (id INT);\n-- Revision ID: abc\n");
        assertEquals(f.toAbsolutePath() + ": no 'Revision ID:' line in the script header", error());
    }

    @Test
    void illegalCharactersInIdNameFileLineAndChars() throws IOException {
        Path f = script("a.sql", "-- m\n--\n-- Revision ID: bad-id+x\n");
        assertEquals(f.toAbsolutePath() + ":3: Character(s) '+, -' not allowed in revision identifier 'bad-id+x'",
                error());
    }

    @Test
    void illegalCharactersInDownRevisionAreErrors() throws IOException {
        Path f = script("a.sql", "-- m\n-- Revision ID: abc\n-- Revises: x@head\n");
        assertEquals(f.toAbsolutePath() + ":3: Character(s) '@' not allowed in revision identifier 'x@head'", error());
    }

    @Test
    void emptyIdIsAnError() throws IOException {
        Path f = script("a.sql", "-- m\n-- Revision ID:\n");
        assertEquals(f.toAbsolutePath() + ":2: empty 'Revision ID:'", error());
    }

    @Test
    void repeatedHeaderKeyIsMalformed() throws IOException {
        Path f = script("a.sql", "-- m\n-- Revision ID: a\n-- Revises: b\n-- revises: c\n");
        assertEquals(f.toAbsolutePath() + ":4: 'revises:' appears twice in the script header", error());
    }

    @Test
    void emptyListEntryIsMalformed() throws IOException {
        Path f = script("a.sql", "-- m\n-- Revision ID: a\n-- Revises: b, , c\n");
        assertTrue(error().startsWith(f.toAbsolutePath() + ":3: empty entry in 'Revises"));
    }

    @Test
    void duplicateIdsNameBothFiles() throws IOException {
        Path a = script("a.sql", header("abc", ""));
        Path b = script("b.sql", header("abc", ""));
        assertEquals("Revision abc is defined twice: " + a.toAbsolutePath() + " and " + b.toAbsolutePath(), error());
    }

    @Test
    void bodyIsParsedOnDemandAndCached() throws IOException {
        script("a.sql", header("a", ""));
        ScriptDirectory s = load();
        Revision r = s.revisions().get(0);
        ScriptBody body = s.body(r);
        assertEquals("SELECT 1;", body.upgrade("sqlite").orElseThrow().sql());
        assertSame(body, s.body(r));
    }

    @Test
    void brokenBodyDoesNotBreakLoading() throws IOException {
        script("a.sql", header("a", "") + "-- retort:upgrade\nSELECT 2;\n");
        ScriptDirectory s = load();
        assertEquals(1, s.revisions().size());
        assertThrows(RetortException.class, () -> s.body(s.revisions().get(0)));
    }

    /** Bodies read ahead in parallel are the ones body() returns; a broken one still fails where it is asked for. */
    @Test
    void preloadReadsManyBodiesAheadAndLeavesABrokenOneToBody() throws IOException {
        for (int i = 0; i < 300; i++) {
            String id = String.format("r%03d", i);
            script(id + ".sql", header(id, "") + (i == 150 || i == 200 ? "-- retort:upgrade\nSELECT 2;\n" : ""));
        }
        ScriptDirectory s = load();
        s.preload(s.revisions());
        Files.writeString(dir.resolve("scripts/versions/r010.sql"), header("r010", "") + "SELECT 'changed';\n");
        assertTrue(s.body(s.revisions().get(10)).upgrade("sqlite").orElseThrow().sql().contains("SELECT 1"),
                "the body read ahead is the one used");
        RetortException first = assertThrows(RetortException.class, () -> s.body(s.revisions().get(150)));
        assertTrue(first.getMessage().contains("r150.sql"), first.getMessage());
        assertThrows(RetortException.class, () -> s.body(s.revisions().get(200)));
        assertSame(s.body(s.revisions().get(299)), s.body(s.revisions().get(299)));
    }

    @Test
    void unknownMarkerBreaksLoadingNamingFileAndLine() throws IOException {
        script("a.sql", header("a", "") + "-- retort:bogus\n");
        RetortException e = assertThrows(RetortException.class, this::load);
        assertTrue(e.getMessage().contains("a.sql:9: unknown marker '-- retort:bogus'"), e.getMessage());
    }
}
