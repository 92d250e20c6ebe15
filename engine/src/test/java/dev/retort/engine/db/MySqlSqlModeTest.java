package dev.retort.engine.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.Retort;
import dev.retort.engine.dialect.MySqlDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scripts are split as the server will read them: the session's {@code sql_mode} is read from
 * MySQL/MariaDB before planning, so under {@code NO_BACKSLASH_ESCAPES} a string ending in a
 * backslash ends there (under the default mode the same text would swallow the next statement).
 */
class MySqlSqlModeTest {

    @TempDir
    Path dir;

    private final List<String> urls = new ArrayList<>();

    @AfterEach
    void drop() {
        urls.forEach(TestDatabases::dropMysqlDatabase);
    }

    private String fresh(String sessionVariables) {
        String url = TestDatabases.freshMysqlDatabaseUrl("mode");
        urls.add(url);
        return url + (url.contains("?") ? "&" : "?") + "sessionVariables=" + sessionVariables;
    }

    @Test
    void theDialectFollowsTheSessionsSqlMode() {
        try (Database plain = Database.open(fresh("sql_mode=STRICT_TRANS_TABLES"));
                Database noEscapes = Database.open(fresh("sql_mode=NO_BACKSLASH_ESCAPES"));
                Database ansi = Database.open(fresh("sql_mode=ANSI"))) {
            MySqlDialect p = (MySqlDialect) plain.dialect();
            assertFalse(p.noBackslashEscapes() || p.ansiQuotes());
            assertTrue(((MySqlDialect) noEscapes.dialect()).noBackslashEscapes());
            assertFalse(((MySqlDialect) noEscapes.dialect()).ansiQuotes());
            assertTrue(((MySqlDialect) ansi.dialect()).ansiQuotes(), "ANSI implies ANSI_QUOTES");
        }
    }

    @Test
    void aStringEndingInABackslashSplitsAsTheServerReadsItUnderNoBackslashEscapes() throws Exception {
        Path versions = Files.createDirectories(dir.resolve("versions"));
        Files.writeString(versions.resolve("aaaa00000001_paths.sql"), """
                -- paths
                --
                -- Revision ID: aaaa00000001
                -- Revises:
                -- Create Date: 2026-12-02 08:00:00

                -- retort:upgrade
                CREATE TABLE paths (p VARCHAR(50));
                INSERT INTO paths VALUES ('C:\\');
                INSERT INTO paths VALUES ('D:\\');

                -- retort:downgrade
                DROP TABLE paths;
                """);
        String url = fresh("sql_mode=NO_BACKSLASH_ESCAPES");
        try (Retort retort = Retort.configure().url(url).locations("filesystem:" + versions).load();
                PreparedRun run = retort.prepare(Retort.Direction.UPGRADE, "heads")) {
            assertEquals(3, run.plan().steps().get(0).statements().size(), "three statements, as the server reads them");
        }
        try (Retort retort = Retort.configure().url(url).locations("filesystem:" + versions).load()) {
            retort.upgrade("heads");
            try (Database db = Database.open(url); Connection c = db.connection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT p FROM paths ORDER BY p")) {
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
                assertEquals(List.of("C:\\", "D:\\"), rows);
            }
        }
    }
}
