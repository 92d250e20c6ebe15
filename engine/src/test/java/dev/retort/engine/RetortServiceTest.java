package dev.retort.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.db.PreparedRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine service's shown-then-run plan and offline SQL, for front ends and applications. */
class RetortServiceTest {

    @TempDir
    Path dir;

    private Retort retort() throws Exception {
        Path versions = Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(versions.resolve("aaaa1111_a.sql"), "-- a\n--\n-- Revision ID: aaaa1111\n-- Revises: \n\n"
                + "-- retort:upgrade\nCREATE TABLE a (id INTEGER);\n\n-- retort:downgrade\nDROP TABLE a;\n");
        Files.writeString(versions.resolve("bbbb2222_b.sql"), "-- b\n--\n-- Revision ID: bbbb2222\n-- Revises: aaaa1111\n\n"
                + "-- retort:upgrade\nCREATE TABLE b (id INTEGER);\n\n-- retort:downgrade\nDROP TABLE b;\n");
        return Retort.configure().url("jdbc:sqlite:" + dir.resolve("app.db")).locations("filesystem:" + versions).load();
    }

    @Test
    void preparedRunShowsThePlanThenRunsExactlyIt() throws Exception {
        try (Retort r = retort()) {
            try (PreparedRun run = r.prepare(Retort.Direction.UPGRADE, "heads")) {
                assertEquals(2, run.plan().steps().size());
                assertTrue(run.sql().contains("CREATE TABLE a (id INTEGER)"), run.sql().toString());
                assertTrue(r.current().isEmpty(), "nothing written before execute");
                run.execute();
            }
            assertEquals(List.of("bbbb2222"), r.current());
            try (PreparedRun back = r.prepare(Retort.Direction.DOWNGRADE, "-1")) {
                assertEquals(1, back.plan().steps().size());
            }
            assertEquals(List.of("bbbb2222"), r.current(), "closing without execute writes nothing");
        }
    }

    @Test
    void offlineSqlNeedsNoDatabaseRows() throws Exception {
        try (Retort r = retort()) {
            String sql = r.offlineSql(Retort.Direction.UPGRADE, "heads");
            assertTrue(sql.contains("-- Running upgrade  -> aaaa1111"), sql);
            assertTrue(sql.contains("-- Running upgrade aaaa1111 -> bbbb2222"), sql);
            assertTrue(r.current().isEmpty());
        }
    }
}
