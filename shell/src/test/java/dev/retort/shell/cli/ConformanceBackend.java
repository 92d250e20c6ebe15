package dev.retort.shell.cli;

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

/**
 * Where the online sequences of the conformance cases run: SQLite files, PostgreSQL schemas or
 * MariaDB/MySQL databases.
 */
interface ConformanceBackend {

    /** The state compared after each online command. */
    record State(boolean tableExists, List<String> rows, List<String> applied) {
        static final State NONE = new State(false, List.of(), List.of());
    }

    String name();

    /** URL for {@code -x db=NAME} in a case's project directory. */
    String url(String caseName, Path root, String db);

    State state(String caseName, Path root, String db);

    /** Drops what a case left behind. */
    default void cleanup(String caseName) {}

    ConformanceBackend SQLITE = new ConformanceBackend() {
        @Override
        public String name() {
            return "sqlite";
        }

        @Override
        public String url(String caseName, Path root, String db) {
            return "jdbc:sqlite:" + root + "/" + db + ".db";
        }

        @Override
        public State state(String caseName, Path root, String db) {
            Path file = root.resolve(db + ".db");
            if (!Files.exists(file)) {
                return State.NONE;
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                return read(c, "select name from sqlite_master where type='table'", "alembic_version");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    /**
     * A database server: every online command starts from the state Alembic recorded before it
     * ({@link #seed}), one namespace per case and database name.
     */
    interface Server extends ConformanceBackend {
        Connection connect() throws SQLException;

        void reset(String caseName, List<String> dbs);

        void seed(String caseName, String db, boolean tableExists, List<String> rows, List<String> applied);
    }

    /** The test PostgreSQL server (RETORT_TEST_PG_URL), one schema per case and database name. */
    final class Postgres implements Server {
        final String baseUrl;

        Postgres(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        static String schema(String caseName, String db) {
            return ("conf_" + caseName + "_" + db).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        }

        @Override
        public String name() {
            return "postgresql";
        }

        @Override
        public String url(String caseName, Path root, String db) {
            return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema(caseName, db);
        }

        @Override
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(baseUrl);
        }

        @Override
        public void reset(String caseName, List<String> dbs) {
            try (Connection c = connect(); Statement st = c.createStatement()) {
                for (String db : dbs) {
                    st.execute("DROP SCHEMA IF EXISTS " + schema(caseName, db) + " CASCADE");
                    st.execute("CREATE SCHEMA " + schema(caseName, db));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * Makes a schema hold exactly what Alembic's database held: the version table (when it
         * existed) with {@code rows} inserted in their recorded order, and a table t_REV per
         * applied revision.
         */
        @Override
        public void seed(String caseName, String db, boolean tableExists, List<String> rows, List<String> applied) {
            String s = schema(caseName, db);
            try (Connection c = connect(); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + s + " CASCADE");
                st.execute("CREATE SCHEMA " + s);
                if (tableExists) {
                    st.execute("CREATE TABLE " + s + ".alembic_version (version_num VARCHAR(32) NOT NULL, "
                            + "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
                    for (String r : rows) {
                        st.execute("INSERT INTO " + s + ".alembic_version (version_num) VALUES ('" + r + "')");
                    }
                }
                for (String a : applied) {
                    st.execute("CREATE TABLE " + s + ".t_" + a + " (id INTEGER)");
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void cleanup(String caseName) {
            try (Connection c = connect(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("select nspname from pg_namespace where nspname like 'conf\\_"
                            + caseName.toLowerCase(Locale.ROOT) + "\\_%'")) {
                List<String> names = new ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                for (String n : names) {
                    st.execute("DROP SCHEMA IF EXISTS " + n + " CASCADE");
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public State state(String caseName, Path root, String db) {
            try (Connection c = connect()) {
                String s = schema(caseName, db);
                return read(c, "select table_name from information_schema.tables where table_schema = '" + s + "'",
                        s + ".alembic_version");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The test MariaDB/MySQL server (RETORT_TEST_MYSQL_URL, default the local MariaDB as root):
     * one database per case and sequence, reached through Retort's own {@code mariadb://} URL.
     */
    final class MySql implements Server {
        final String baseUrl;

        MySql(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        static String database(String caseName, String db) {
            return ("conf_" + caseName + "_" + db).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        }

        @Override
        public String name() {
            return "mysql";
        }

        /** {@code mariadb://user@host:port/conf_case_db}: the Alembic-style URL a user would write. */
        @Override
        public String url(String caseName, Path root, String db) {
            java.net.URI u = java.net.URI.create(baseUrl.substring("jdbc:".length()));
            String user = "root";
            if (u.getQuery() != null) {
                for (String kv : u.getQuery().split("&")) {
                    if (kv.startsWith("user=")) {
                        user = kv.substring(5);
                    }
                }
            }
            return "mariadb://" + user + "@" + u.getHost() + ":" + (u.getPort() < 0 ? 3306 : u.getPort()) + "/"
                    + database(caseName, db);
        }

        @Override
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(baseUrl);
        }

        @Override
        public void reset(String caseName, List<String> dbs) {
            try (Connection c = connect(); Statement st = c.createStatement()) {
                for (String db : dbs) {
                    st.execute("DROP DATABASE IF EXISTS " + database(caseName, db));
                    st.execute("CREATE DATABASE " + database(caseName, db));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void seed(String caseName, String db, boolean tableExists, List<String> rows, List<String> applied) {
            String d = database(caseName, db);
            try (Connection c = connect(); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + d);
                st.execute("CREATE DATABASE " + d);
                if (tableExists) {
                    st.execute("CREATE TABLE " + d + ".alembic_version (version_num VARCHAR(32) NOT NULL, "
                            + "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
                    for (String r : rows) {
                        st.execute("INSERT INTO " + d + ".alembic_version (version_num) VALUES ('" + r + "')");
                    }
                }
                for (String a : applied) {
                    st.execute("CREATE TABLE " + d + ".t_" + a + " (id INTEGER)");
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void cleanup(String caseName) {
            try (Connection c = connect(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"
                            + " WHERE SCHEMA_NAME LIKE 'conf\\_" + caseName.toLowerCase(Locale.ROOT) + "\\_%'")) {
                List<String> names = new ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                for (String n : names) {
                    st.execute("DROP DATABASE IF EXISTS " + n);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public State state(String caseName, Path root, String db) {
            try (Connection c = connect()) {
                String d = database(caseName, db);
                return read(c, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + d + "'",
                        d + ".alembic_version");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static State read(Connection c, String tablesQuery, String versionTable) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(tablesQuery)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        boolean exists = names.contains("alembic_version");
        List<String> rows = new ArrayList<>();
        if (exists) {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("select version_num from " + versionTable)) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        List<String> applied = names.stream().filter(n -> n.startsWith("t_")).map(n -> n.substring(2)).sorted().toList();
        return new State(exists, rows, applied);
    }
}
