package dev.retort.engine.db;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the tests' databases live. PostgreSQL: {@code RETORT_TEST_PG_URL} (default the local
 * server), one fresh schema per test; skipped with a notice when no server answers, failed
 * under {@code CI=true}. MySQL/MariaDB: {@code RETORT_TEST_MYSQL_URL} (default the local
 * MariaDB as root), one fresh database per test, likewise skipped or failed.
 */
public final class TestDatabases {
    private TestDatabases() {}

    public static final String PG_URL = System.getenv().getOrDefault("RETORT_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private static final AtomicInteger SEQ = new AtomicInteger();

    /** Skips (or under CI fails) the calling test when PostgreSQL is not reachable. */
    public static void requirePostgres() {
        String why = null;
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(DatabaseUrl.parse(PG_URL).jdbcUrl(), props())) {
            c.isValid(2);
        } catch (SQLException e) {
            why = e.getMessage();
        }
        if (why != null) {
            String msg = "PostgreSQL tests SKIPPED: no server at " + DatabaseUrl.mask(PG_URL) + " (" + why + ")";
            System.err.println(msg);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg);
            }
            assumeTrue(false, msg);
        }
    }

    private static java.util.Properties props() {
        DatabaseUrl u = DatabaseUrl.parse(PG_URL);
        java.util.Properties p = new java.util.Properties();
        u.user().ifPresent(v -> p.setProperty("user", v));
        u.password().ifPresent(v -> p.setProperty("password", v));
        return p;
    }

    /** Creates a fresh schema and returns a URL whose default schema it is. */
    public static String freshPgSchemaUrl(String hint) {
        requirePostgres();
        String schema = ("rt_" + hint + "_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet())
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection c = DriverManager.getConnection(DatabaseUrl.parse(PG_URL).jdbcUrl(), props());
                Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static String schemaOf(String url) {
        return url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
    }

    public static void dropSchema(String url) {
        try (Connection c = DriverManager.getConnection(DatabaseUrl.parse(PG_URL).jdbcUrl(), props());
                Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schemaOf(url) + " CASCADE");
        } catch (SQLException ignored) {
            // best effort
        }
    }

    public static final String MYSQL_URL = System.getenv().getOrDefault("RETORT_TEST_MYSQL_URL",
            "jdbc:mariadb://127.0.0.1:3306/test?user=root");

    /** Skips (or under CI fails) the calling test when the MySQL/MariaDB server is not reachable. */
    public static void requireMysql() {
        String why = null;
        try (Connection c = mysqlAdmin()) {
            c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            why = e.getMessage();
        }
        if (why != null) {
            String msg = "MySQL/MariaDB tests SKIPPED: no server at " + DatabaseUrl.mask(MYSQL_URL) + " (" + why + ")";
            System.err.println(msg);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg);
            }
            assumeTrue(false, msg);
        }
    }

    private static Connection mysqlAdmin() throws SQLException {
        DatabaseUrl u = DatabaseUrl.parse(MYSQL_URL, java.util.Map.of());
        java.util.Properties p = new java.util.Properties();
        u.user().ifPresent(v -> p.setProperty("user", v));
        u.password().ifPresent(v -> p.setProperty("password", v));
        p.setProperty("connectTimeout", "3000");
        return DriverManager.getConnection(u.jdbcUrl(), p);
    }

    /** Creates a fresh database (unique name) and returns the same server's URL for it. */
    public static String freshMysqlDatabaseUrl(String hint) {
        requireMysql();
        String name = ("rt_" + hint + "_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet())
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection c = mysqlAdmin(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS `" + name + "`");
            st.execute("CREATE DATABASE `" + name + "`");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        DatabaseUrl u = DatabaseUrl.parse(MYSQL_URL, java.util.Map.of());
        return MYSQL_URL.replaceFirst("/" + java.util.regex.Pattern.quote(u.database()) + "(?=\\?|$)", "/" + name);
    }

    public static void dropMysqlDatabase(String url) {
        String name = DatabaseUrl.parse(url, java.util.Map.of()).database();
        if (!name.startsWith("rt_")) {
            return; // never drop what the tests did not create
        }
        try (Connection c = mysqlAdmin(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS `" + name + "`");
        } catch (SQLException ignored) {
            // best effort
        }
    }
}
