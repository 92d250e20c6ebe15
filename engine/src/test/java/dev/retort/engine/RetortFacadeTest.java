package dev.retort.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retort.engine.api.ChangedScript;
import dev.retort.engine.api.MigrationFailedException;
import dev.retort.engine.api.RunResult;
import dev.retort.engine.revision.RevisionMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetortFacadeTest {

    @TempDir
    Path dir;

    @BeforeEach
    void requireRevisionMap() {
        boolean available;
        try {
            RevisionMap.of(List.of());
            available = true;
        } catch (UnsupportedOperationException e) {
            available = false;
        }
        if (!available) {
            System.err.println("RetortFacadeTest SKIPPED: RevisionMap is not implemented on this branch yet");
        }
        assumeTrue(available, "RevisionMap is not implemented on this branch yet");
    }

    private void script(String id, String down, String upgrade, String downgrade) throws Exception {
        Files.writeString(dir.resolve("versions").resolve(id + "_step.sql"),
                "-- step " + id + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + down + "\n"
                        + "-- Create Date: 2026-02-24 12:00:00.000000\n\n-- retort:upgrade\n" + upgrade
                        + "\n\n-- retort:downgrade\n" + downgrade + "\n");
    }

    private Retort.Builder configured() throws Exception {
        Files.createDirectories(dir.resolve("versions"));
        Path ini = dir.resolve("retort.ini");
        Files.writeString(ini, "[retort]\nscript_location = %(here)s\nurl = sqlite:///%(here)s/app.db\n");
        return Retort.configure().configFile(ini);
    }

    @Test
    void upgradeAtStartUpReturnsWhatRanAndVerifyReportsEditedScripts() throws Exception {
        Retort.Builder b = configured();
        script("aaaa1111", "", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        script("bbbb2222", "aaaa1111", "CREATE TABLE b (id INTEGER);", "DROP TABLE b;");
        try (Retort retort = b.load()) {
            RunResult r = retort.upgrade("heads");
            assertEquals(List.of("bbbb2222"), r.headsAfter());
            assertEquals(2, r.steps().size());
            assertEquals(List.of("bbbb2222"), retort.current());
            assertTrue(retort.status().pending().isEmpty());
            assertEquals(List.of(), retort.verify());
        }
        script("aaaa1111", "", "CREATE TABLE a (id INTEGER, name TEXT);", "DROP TABLE a;");
        try (Retort retort = b.load()) {
            List<ChangedScript> changed = retort.verify();
            assertEquals(List.of("aaaa1111"), changed.stream().map(ChangedScript::revision).toList());
            assertEquals(List.of("aaaa1111"), retort.downgrade("aaaa1111").headsAfter());
        }
    }

    @Test
    void downgradeThroughRevisionWithoutDowngradeIsRefusedBeforeAnythingRuns() throws Exception {
        Retort.Builder b = configured();
        script("aaaa1111", "", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        Files.writeString(dir.resolve("versions").resolve("bbbb2222_step.sql"),
                "-- b\n--\n-- Revision ID: bbbb2222\n-- Revises: aaaa1111\n\n-- retort:upgrade\nCREATE TABLE b (id INTEGER);\n");
        try (Retort retort = b.load()) {
            retort.upgrade("heads");
            RetortException e = assertThrows(RetortException.class, () -> retort.downgrade("base"));
            assertTrue(e.getMessage().contains("has no downgrade section"), e.getMessage());
            assertEquals(List.of("bbbb2222"), retort.current());
            assertEquals(2, retort.history().size());
        }
    }

    @Test
    void failingScriptNamesRevisionFileAndLine() throws Exception {
        Retort.Builder b = configured();
        script("aaaa1111", "", "CREATE TABLE a (id INTEGER);\nINSERT INTO nowhere VALUES (1);", "DROP TABLE a;");
        try (Retort retort = b.load()) {
            MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> retort.upgrade("heads"));
            assertTrue(e.getMessage().matches("Revision aaaa1111 \\(.*aaaa1111_step\\.sql:9\\) failed: .*nowhere.*"),
                    e.getMessage());
            assertEquals(List.of(), retort.current());
        }
    }
}
