package dev.retort.shell.faults;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A project on a fresh PostgreSQL schema (or a SQLite file) whose {@code retort} runs in its own
 * JVM, for the process-level fault tests: signals, kills, a second runner.
 */
final class PgProject implements AutoCloseable {

    static final String BASE = System.getenv().getOrDefault("RETORT_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    final Path root;
    /** The PostgreSQL schema, or null for a SQLite project. */
    final String schema;
    /** A database of its own ({@link #database}), dropped at the end; else null. */
    private String database;
    /** Where the test reads rows: the server, or the SQLite file. */
    private final String dataUrl;

    private PgProject(Path root, String schema, String dataUrl) {
        this.root = root;
        this.schema = schema;
        this.dataUrl = dataUrl;
    }

    /** A project on the SQLite file {@code root/app.db}. */
    static PgProject sqlite(Path root) throws IOException {
        Files.createDirectories(root.resolve("migrations/versions"));
        Files.writeString(root.resolve("retort.ini"), "[retort]\nscript_location = %(here)s/migrations\n"
                + "url = sqlite:///app.db\n");
        return new PgProject(root, null, "jdbc:sqlite:" + root.resolve("app.db"));
    }

    /** Runs {@code ddl} on the server; skips loudly, or fails under {@code CI=true}, when no server answers. */
    private static void createOnServer(String ddl) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(ddl);
        } catch (SQLException e) {
            String msg = "PostgreSQL fault tests SKIPPED: no server at 127.0.0.1:5432 (" + e.getMessage() + ")";
            System.err.println(msg);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg);
            }
            assumeTrue(false, msg);
        }
    }

    /** Skips loudly, or fails under {@code CI=true}, when no server answers. */
    static PgProject create(Path root, String hint) throws IOException {
        String schema = ("rt_faults_" + hint + "_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000)
                .toLowerCase(Locale.ROOT);
        createOnServer("CREATE SCHEMA " + schema);
        Files.createDirectories(root.resolve("migrations/versions"));
        Files.writeString(root.resolve("retort.ini"), "[retort]\nscript_location = %(here)s/migrations\nurl = "
                + BASE + (BASE.contains("?") ? "&" : "?") + "currentSchema=" + schema + "\n");
        return new PgProject(root, schema, BASE);
    }

    /**
     * A project on a fresh database of its own (its {@code public} schema), for settings that
     * belong to a database, such as {@code ALTER DATABASE d SET idle_session_timeout}.
     */
    static PgProject database(Path root, String hint) throws IOException {
        String name = ("rt_faults_db_" + hint + "_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000)
                .toLowerCase(Locale.ROOT);
        createOnServer("CREATE DATABASE " + name);
        String url = BASE.replaceFirst("(//[^/]+/)[^?]*", "$1" + name);
        Files.createDirectories(root.resolve("migrations/versions"));
        Files.writeString(root.resolve("retort.ini"), "[retort]\nscript_location = %(here)s/migrations\nurl = "
                + url + "\n");
        PgProject p = new PgProject(root, "public", url);
        p.database = name;
        return p;
    }

    /** Runs {@code sql} on the server, outside the project's schema (ALTER DATABASE, pg_terminate_backend). */
    static void admin(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** The JDBC URL the test reads rows through. */
    String url() {
        return dataUrl;
    }

    String databaseName() {
        return database;
    }

    static Connection connect() throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection(BASE);
    }

    void script(String id, String down, String upgrade) throws IOException {
        Files.writeString(root.resolve("migrations/versions/" + id + "_step.sql"), "-- step " + id + "\n--\n"
                + "-- Revision ID: " + id + "\n-- Revises: " + down + "\n-- Create Date: 2026-01-01 00:00:00.000000\n\n"
                + "-- retort:upgrade\n" + upgrade + "\n\n-- retort:downgrade\nSELECT 1;\n");
    }

    /** {@code retort ARGS} in its own JVM, in the project directory, output and errors merged. */
    Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.retort.shell.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true);
        pb.environment().put("NO_COLOR", "1");
        return pb.start();
    }

    /** Reads {@code p}'s output until it contains {@code text}; what it read. */
    static String awaitOutput(Process p, String text, int seconds) throws IOException {
        StringBuilder seen = new StringBuilder();
        InputStream in = p.getInputStream();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!seen.toString().contains(text) && System.nanoTime() < deadline) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            seen.append((char) b);
        }
        return seen.toString();
    }

    static String rest(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    static void signal(Process p, String sig) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + sig + " failed");
        }
    }

    private Connection data() throws SQLException {
        if (schema == null) {
            Connection c = DriverManager.getConnection(dataUrl);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout = 20000");
            }
            return c;
        }
        Connection c = DriverManager.getConnection(dataUrl);
        try (Statement st = c.createStatement()) {
            st.execute("SET search_path TO " + schema);
        }
        return c;
    }

    long scalar(String sql) throws SQLException {
        try (Connection c = data(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = data(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Backends still running a statement that contains {@code marker} (other than this query). */
    long running(String marker) throws SQLException {
        return scalar("SELECT count(*) FROM pg_stat_activity WHERE state <> 'idle' AND pid <> pg_backend_pid()"
                + " AND query LIKE '%" + marker + "%'");
    }

    /** {@code retort ARGS} to its end: exit status and output. */
    Done run(String... args) throws Exception {
        Process p = start(args);
        String out = rest(p);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("retort " + String.join(" ", args) + " did not finish: " + out);
        }
        return new Done(p.exitValue(), out);
    }

    record Done(int exit, String out) {}

    @Override
    public void close() {
        if (schema == null) {
            return; // the SQLite file goes with the test's directory
        }
        if (database != null) {
            try {
                admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (SQLException ignored) {
                // best effort
            }
            return;
        }
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException ignored) {
            // best effort
        }
    }
}
