package dev.retort.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.api.AuditLog;
import dev.retort.engine.api.HistoryEntry;
import dev.retort.engine.api.RevisionDetail;
import dev.retort.engine.api.Status;
import dev.retort.engine.db.PreparedRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine service as the front ends use it: the detail of a revision as data, the audit
 * log of one revision, the refusals the engine owns (missing script, {@code -N} from nothing),
 * a stamp's plan, and the one preview text.
 */
class RetortFrontEndServiceTest {

    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeEach
    void versions() throws Exception {
        Files.createDirectories(dir.resolve("versions"));
    }

    private void script(String id, String down, String upgrade, String downgrade) throws Exception {
        Files.writeString(dir.resolve("versions").resolve(id + "_step.sql"),
                "-- step " + id + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + down + "\n"
                        + "-- Create Date: 2026-02-24 12:00:00.000000\n\n-- retort:upgrade\n" + upgrade
                        + (downgrade == null ? "\n" : "\n\n-- retort:downgrade\n" + downgrade + "\n"));
    }

    private Retort load() throws Exception {
        return Retort.configure().url("jdbc:sqlite:" + dir.resolve("app.db"))
                .locations("filesystem:" + dir.resolve("versions")).load();
    }

    @Test
    void detailSplitsTheSectionsForTheDatabasesDialectWithTheUpgradesFindings() throws Exception {
        script("aaaa1111", "", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        script("bbbb2222", "aaaa1111", "CREATE TABLE b (id INTEGER);\nDELETE FROM a;", null);
        try (Retort retort = load()) {
            RevisionDetail d = retort.detail("bbbb");
            assertEquals("bbbb2222", d.revision().id());
            assertEquals("sqlite", d.dialect());
            RevisionDetail.SectionDetail up = d.upgrade().orElseThrow();
            assertEquals(List.of("CREATE TABLE b (id INTEGER)", "DELETE FROM a"),
                    up.statements().stream().map(s -> s.sql()).toList());
            assertEquals(List.of(), up.statementFindings().get(0));
            assertEquals("delete-all", up.statementFindings().get(1).get(0).rule().id());
            assertTrue(d.downgrade().isEmpty(), "irreversible");
        }
    }

    @Test
    void anUnknownRevisionHasAlembicsOneWording() throws Exception {
        script("aaaa1111", "", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        try (Retort retort = load()) {
            RevisionNotFound e = assertThrows(RevisionNotFound.class, () -> retort.detail("zzzz"));
            assertEquals("Can't locate revision identified by 'zzzz'", e.getMessage());
            assertEquals("zzzz", e.identifier());
        }
    }

    @Test
    void logOfOneRevisionIsNewestFirstAndFindsARevisionWhoseScriptIsGone() throws Exception {
        script("aaaa1111", "", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        script("bbbb2222", "aaaa1111", "CREATE TABLE b (id INTEGER);", "DROP TABLE b;");
        try (Retort retort = load()) {
            retort.upgrade("heads");
            retort.downgrade("aaaa1111");
            AuditLog log = retort.log("bbbb");
            assertEquals(java.util.Set.of("bbbb2222"), log.revisions());
            assertEquals(List.of("downgrade", "upgrade"), log.entries().stream().map(HistoryEntry::direction).toList());
            assertEquals(3, retort.log(null).entries().size());
        }
        Files.delete(dir.resolve("versions/bbbb2222_step.sql"));
        try (Retort retort = load()) {
            assertEquals(2, retort.log("bbbb").entries().size(), "the recorded id answers for a gone script");
            assertThrows(RevisionNotFound.class, () -> retort.log("cccc"));
        }
    }

    @Test
    void upgradeFromARowWithoutAScriptIsRefusedNamingTheWayOut() throws Exception {
        script("aaaa1111", "", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        script("bbbb2222", "aaaa1111", "CREATE TABLE b (id INTEGER);", "DROP TABLE b;");
        try (Retort retort = load()) {
            retort.upgrade("heads");
        }
        Files.delete(dir.resolve("versions/bbbb2222_step.sql"));
        try (Retort retort = load()) {
            RetortException e = assertThrows(RetortException.class, () -> retort.upgrade("heads"));
            assertTrue(e.getMessage().startsWith("Can't upgrade: the database is at bbbb2222, which has no script"),
                    e.getMessage());
            Status status = retort.status();
            assertEquals(List.of("bbbb2222"), status.missingScripts());
            assertTrue(status.pending().isEmpty());
        }
    }

    @Test
    void downgradeMinusOneFromAnEmptyDatabaseGetsAlembicsError() throws Exception {
        script("aaaa1111", "", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        try (Retort retort = load()) {
            RetortException e = assertThrows(RetortException.class, () -> retort.downgrade("-1"));
            assertEquals("Relative revision -1 didn't produce 1 migrations", e.getMessage());
        }
    }

    @Test
    void previewIsTheHeaderTheWarningsThenEveryStatementTheRunSends() throws Exception {
        script("aaaa1111", "", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        try (Retort retort = load();
                PreparedRun run = retort.prepare(Retort.Direction.UPGRADE, List.of("heads"), Retort.RunOptions.DEFAULT)) {
            String text = retort.preview(run, List.of("WARNING: look"));
            assertTrue(text.startsWith("-- Plan for sqlite:///" + dir.resolve("app.db") + ": 1 step(s), heads (none)"
                    + " -> aaaa1111\n-- WARNING: look\n\n"), text);
            List<String> shown = new ArrayList<>();
            for (String unit : text.split("\n\n")) {
                if (!unit.startsWith("--")) {
                    shown.add(unit.substring(0, unit.length() - 1));
                }
            }
            assertEquals(run.sql(), shown);
        }
    }

    @Test
    void stampPlansVersionRowsOnlyAndOfflineSqlNeedsNoConnection() throws Exception {
        script("aaaa1111", "", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        try (Retort retort = load()) {
            assertEquals(List.of("aaaa1111"), retort.stamp(false, "heads").headsAfter());
            assertTrue(retort.verification().ok());
            String sql = retort.offlineSql(Retort.Direction.STAMP, "base:heads");
            assertTrue(sql.contains("INSERT INTO retort_version"), sql);
            assertFalse(sql.contains("CREATE TABLE a"), sql);
        }
    }
}
