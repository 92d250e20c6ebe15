package dev.retort.engine.schema;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh, isolated databases for schema tests: a SQLite file, a PostgreSQL schema
 * ({@code RETORT_TEST_PG_URL}, default the local server), a MariaDB database
 * ({@code RETORT_TEST_MARIADB_URL}, default root on 127.0.0.1:3306), each dropped when closed.
 * Server families share one connection per test class run (switching schema or database), as
 * connecting is the slow part on a loaded machine. A missing server skips the test with a
 * notice, and fails it under {@code CI=true}.
 */
final class CorpusDatabases {
    private CorpusDatabases() {}

    static final String PG_URL = System.getenv().getOrDefault("RETORT_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    static final String MARIADB_URL = System.getenv().getOrDefault("RETORT_TEST_MARIADB_URL",
            "jdbc:mariadb://127.0.0.1:3306/test?user=root");
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Map<String, Connection> SHARED = new HashMap<>();

    static String name(String hint) {
        return ("rt_" + hint + "_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet())
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    static String serverUrl(String family) {
        return family.equals("postgresql") ? PG_URL : MARIADB_URL;
    }

    static void require(String family) {
        if (family.equals("sqlite")) {
            return;
        }
        try {
            shared(family).isValid(2);
        } catch (RuntimeException | SQLException e) {
            String msg = family + " schema tests SKIPPED: no server (" + e.getMessage() + ")";
            System.err.println(msg);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg);
            }
            assumeTrue(false, msg);
        }
    }

    static synchronized Connection shared(String family) {
        return SHARED.computeIfAbsent(family, f -> SchemaConnections.target(serverUrl(f)).open());
    }

    /** One fresh database: {@link #use()} points the connection at it; {@link #close()} drops it. */
    static final class Db implements AutoCloseable {
        private final SchemaFamily family;
        private final String name;
        private final Connection connection;
        private final Path file;
        private final boolean whole;

        Db(SchemaFamily family, String name, Connection connection, Path file) {
            this(family, name, connection, file, false);
        }

        Db(SchemaFamily family, String name, Connection connection, Path file, boolean whole) {
            this.family = family;
            this.name = name;
            this.connection = connection;
            this.file = file;
            this.whole = whole;
        }

        /** A whole PostgreSQL database (every schema, extensions), not one schema of the shared one. */
        boolean whole() {
            return whole;
        }

        SchemaFamily family() {
            return family;
        }

        String name() {
            return name;
        }

        /** The URL of this database, as a user would pass it. */
        String url() {
            return switch (family.name()) {
                case "sqlite" -> "jdbc:sqlite:" + file;
                case "postgresql" -> PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
                default -> MARIADB_URL.replaceFirst("/test\\?", "/" + name + "?");
            };
        }

        Connection use() throws SQLException {
            if (file == null && !whole) {
                try (Statement st = connection.createStatement()) {
                    st.execute(family.name().equals("postgresql") ? "SET search_path TO " + name : "USE " + name);
                }
            }
            return connection;
        }

        SchemaModel.DbSchema read() throws SQLException {
            Connection c = use();
            return family.read(c, file == null && !whole && family.name().equals("postgresql") ? Scope.all().withSchema(name) : Scope.all());
        }

        @Override
        public void close() throws SQLException {
            if (whole) {
                connection.close();
                try (Statement st = shared(family.name()).createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
                return;
            }
            if (file != null) {
                connection.close();
                try {
                    Files.deleteIfExists(file);
                } catch (java.io.IOException ignored) {
                    // best effort
                }
                return;
            }
            try (Statement st = connection.createStatement()) {
                st.execute(family.name().equals("postgresql") ? "DROP SCHEMA IF EXISTS " + name + " CASCADE"
                        : "DROP DATABASE IF EXISTS " + name);
                if (family.name().equals("mariadb")) {
                    st.execute("USE test");
                }
            }
        }
    }

    /** A fresh PostgreSQL database of its own, for pairs about schemas and extensions. */
    static Db wholePostgres(String hint) throws SQLException {
        String n = name(hint);
        try (Statement st = shared("postgresql").createStatement()) {
            st.execute("CREATE DATABASE " + n);
        }
        String url = PG_URL.replaceFirst("/test(\\?|$)", "/" + n + "$1");
        return new Db(SchemaConnections.family("postgresql"), n, SchemaConnections.target(url).open(), null, true);
    }

    static Db db(String family, String hint) throws SQLException {
        String n = name(hint);
        SchemaFamily f = SchemaConnections.family(family);
        if (family.equals("sqlite")) {
            try {
                Path file = Files.createTempDirectory("rt-schema").resolve(n + ".db");
                Connection c = SchemaConnections.target("jdbc:sqlite:" + file).open();
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA foreign_keys = ON"); // as an application runs: rebuilds must keep rows all the same
                }
                return new Db(f, n, c, file);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        Connection c = shared(family);
        if (!c.getAutoCommit()) {
            c.setAutoCommit(true);
        }
        try (Statement st = c.createStatement()) {
            st.execute(family.equals("postgresql") ? "CREATE SCHEMA " + n : "CREATE DATABASE " + n);
        }
        return new Db(f, n, c, null);
    }
}
