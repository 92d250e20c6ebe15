package dev.retort.engine.schema;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh, isolated databases for schema tests: a SQLite file, a PostgreSQL schema
 * ({@code RETORT_TEST_PG_URL}, default the local server), a MariaDB database
 * ({@code RETORT_TEST_MARIADB_URL}, default root on 127.0.0.1:3306). A missing server skips
 * the test with a notice, and fails it under {@code CI=true}.
 */
final class CorpusDatabases {
    private CorpusDatabases() {}

    static final String PG_URL = System.getenv().getOrDefault("RETORT_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    static final String MARIADB_URL = System.getenv().getOrDefault("RETORT_TEST_MARIADB_URL",
            "jdbc:mariadb://127.0.0.1:3306/test?user=root");
    private static final AtomicInteger SEQ = new AtomicInteger();

    static String name(String hint) {
        return ("rt_" + hint + "_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet())
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    static void require(String family) {
        String url = family.equals("postgresql") ? PG_URL : MARIADB_URL;
        if (family.equals("sqlite")) {
            return;
        }
        try (Connection c = SchemaConnections.target(url).open()) {
            c.isValid(2);
        } catch (RuntimeException | SQLException e) {
            String msg = family + " schema tests SKIPPED: no server (" + e.getMessage() + ")";
            System.err.println(msg);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg);
            }
            assumeTrue(false, msg);
        }
    }

    /** A URL of a fresh, empty database (or PostgreSQL schema) of {@code family}. */
    static String fresh(String family, String hint) {
        String n = name(hint);
        try {
            switch (family) {
                case "sqlite" -> {
                    Path dir = Files.createTempDirectory("rt-schema");
                    return "jdbc:sqlite:" + dir.resolve(n + ".db");
                }
                case "postgresql" -> {
                    exec(PG_URL, "CREATE SCHEMA " + n);
                    return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + n;
                }
                default -> {
                    exec(MARIADB_URL, "CREATE DATABASE " + n);
                    return MARIADB_URL.replaceFirst("/test\\?", "/" + n + "?");
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void drop(String url) {
        try {
            if (url.startsWith("jdbc:postgresql")) {
                exec(PG_URL, "DROP SCHEMA IF EXISTS " + url.substring(url.indexOf("currentSchema=") + 14) + " CASCADE");
            } else if (url.startsWith("jdbc:mariadb")) {
                String db = url.substring(url.indexOf("3306/") + 5, url.indexOf('?'));
                exec(MARIADB_URL, "DROP DATABASE IF EXISTS " + db);
            } else {
                Files.deleteIfExists(Path.of(url.substring("jdbc:sqlite:".length())));
            }
        } catch (RuntimeException | java.io.IOException e) {
            // best effort
        }
    }

    static void exec(String url, String... sql) {
        SchemaConnections.Target t = SchemaConnections.target(url);
        try (Connection c = t.open(); Statement st = c.createStatement()) {
            if (t.schema() != null) {
                st.execute("SET search_path TO " + t.schema());
            }
            for (String s : sql) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static Connection open(String url) throws SQLException {
        SchemaConnections.Target t = SchemaConnections.target(url);
        Connection c = t.open();
        if (t.schema() != null) {
            try (Statement st = c.createStatement()) {
                st.execute("SET search_path TO " + t.schema());
            }
        }
        return c;
    }

    static void dropIgnoring(String url) {
        drop(url);
    }

    static String driverClassCheck() throws ClassNotFoundException {
        return DriverManager.class.getName();
    }
}
