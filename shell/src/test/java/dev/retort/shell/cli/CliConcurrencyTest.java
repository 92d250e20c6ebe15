package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight {@code retort upgrade heads} processes started together on one database: the migration
 * lock lets one apply everything and the others find nothing left to do; every revision is
 * applied exactly once (one successful upgrade row each in {@code retort_history}) and every
 * process exits 0.
 */
class CliConcurrencyTest {

    private static final int PROCESSES = 8;
    private static final int REVISIONS = 12;

    @TempDir
    Path dir;

    private void project(String url) throws Exception {
        Map<String, String> scripts = new LinkedHashMap<>();
        String down = "";
        for (int i = 1; i <= REVISIONS; i++) {
            String id = String.format("rev%04d", i);
            scripts.put(id + "_step.sql", CliHarness.script(id, down, "step " + i,
                    "CREATE TABLE t_" + id + " (id INTEGER);\nINSERT INTO t_" + id + " VALUES (" + i + ");",
                    "DROP TABLE t_" + id + ";"));
            down = id;
        }
        CliHarness.project(dir, scripts);
        Files.writeString(dir.resolve("retort.ini"), "[retort]\nscript_location = %(here)s/migrations\nurl = " + url
                + "\nlock_timeout = 120\n");
    }

    private List<Process> startAll() throws Exception {
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            ps.add(new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.retort.shell.Main",
                    "upgrade", "heads")).directory(dir.toFile()).redirectErrorStream(true).start());
        }
        return ps;
    }

    private static void allExitZero(List<Process> ps) throws Exception {
        for (Process p : ps) {
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), "a runner did not finish");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), out);
        }
    }

    private static void appliedOnce(Connection c, String prefix) throws SQLException {
        Map<String, Integer> upgrades = new HashMap<>();
        try (var rs = c.createStatement().executeQuery("select revision, direction, outcome from " + prefix
                + "retort_history")) {
            while (rs.next()) {
                if ("upgrade".equals(rs.getString(2)) && rs.getString(3).startsWith("succ")) {
                    upgrades.merge(rs.getString(1), 1, Integer::sum);
                }
            }
        }
        assertEquals(REVISIONS, upgrades.size(), upgrades.toString());
        assertTrue(upgrades.values().stream().allMatch(n -> n == 1), upgrades.toString());
        try (var rs = c.createStatement().executeQuery("select version_num from " + prefix + "retort_version")) {
            assertTrue(rs.next());
            assertEquals(String.format("rev%04d", REVISIONS), rs.getString(1));
        }
    }

    @Test
    void eightRunnersOnOneSqliteFileApplyEveryRevisionOnce() throws Exception {
        project("sqlite:///%(here)s/app.db");
        allExitZero(startAll());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"))) {
            appliedOnce(c, "");
        }
    }

    @Test
    void eightRunnersOnOnePostgresSchemaApplyEveryRevisionOnce() throws Exception {
        String base = System.getenv().getOrDefault("RETORT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        String schema = "cli_concurrency_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(base)) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw e;
            }
            System.err.println("NOTICE: PostgreSQL not reachable (" + e.getMessage() + "); test skipped");
            Assumptions.abort("no PostgreSQL");
        }
        try {
            project(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            allExitZero(startAll());
            try (Connection c = DriverManager.getConnection(base)) {
                appliedOnce(c, schema + ".");
            }
        } finally {
            try (Connection c = DriverManager.getConnection(base)) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /** The same through {@code mariadb://} URLs on one fresh MariaDB/MySQL database (RETORT_TEST_MYSQL_URL). */
    @Test
    void eightRunnersOnOneMariaDbDatabaseApplyEveryRevisionOnce() throws Exception {
        String base = System.getenv().getOrDefault("RETORT_TEST_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
        String database = "rt_cli_concurrency_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(base)) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + database);
            c.createStatement().execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw e;
            }
            System.err.println("NOTICE: MariaDB not reachable (" + e.getMessage() + "); test skipped");
            Assumptions.abort("no MariaDB");
        }
        try {
            java.net.URI u = java.net.URI.create(base.substring("jdbc:".length()));
            String user = u.getQuery() != null && u.getQuery().contains("user=")
                    ? u.getQuery().replaceAll(".*user=([^&]*).*", "$1") : "root";
            project("mariadb://" + user + "@" + u.getHost() + ":" + (u.getPort() < 0 ? 3306 : u.getPort()) + "/" + database);
            allExitZero(startAll());
            try (Connection c = DriverManager.getConnection(base)) {
                appliedOnce(c, database + ".");
            }
        } finally {
            try (Connection c = DriverManager.getConnection(base)) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }
}
