package dev.retort.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.retort.engine.RetortException;
import dev.retort.engine.Retort;
import dev.retort.engine.api.RunResult;
import dev.retort.engine.db.DatabaseUrl;
import dev.retort.engine.db.TestDatabases;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application using only the public API (this package is outside the engine's): migrates
 * at start-up from scripts on its class path, inside a jar, with no configuration file; and
 * against PostgreSQL through a {@code DataSource} it created itself.
 */
class EmbeddingApiTest {

    @TempDir
    Path dir;

    static String script(String id, String down, String table) {
        return "-- create " + table + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + down
                + "\n-- Create Date: 2026-01-01 00:00:00.000000\n\n-- retort:upgrade\nCREATE TABLE " + table
                + " (id INTEGER);\n\n-- retort:downgrade\nDROP TABLE " + table + ";\n";
    }

    /** A jar holding {@code db/retort/} with two revisions, as an application would ship it. */
    private Path applicationJar() throws IOException {
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String d : List.of("db/", "db/retort/")) {
                out.putNextEntry(new JarEntry(d));
                out.closeEntry();
            }
            put(out, "db/retort/a1a1_first.sql", script("a1a1", "", "first_table"));
            put(out, "db/retort/b2b2_second.sql", script("b2b2", "a1a1", "second_table"));
        }
        return jar;
    }

    private static void put(OutputStream out, String name, String text) throws IOException {
        JarOutputStream jar = (JarOutputStream) out;
        jar.putNextEntry(new JarEntry(name));
        jar.write(text.getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME").toLowerCase());
            }
        }
        return out;
    }

    @Test
    void sqliteFileFromClassPathScriptsInsideAJarWithNoConfigFile() throws Exception {
        Path db = dir.resolve("app.db");
        try (URLClassLoader cl = new URLClassLoader(new URL[] {applicationJar().toUri().toURL()}, null);
                Retort retort = Retort.configure()
                        .url("jdbc:sqlite:" + db)
                        .locations("classpath:db/retort")
                        .classLoader(cl)
                        .load()) {
            RunResult result = retort.upgrade("heads");
            assertEquals(List.of("b2b2"), result.headsAfter());
            assertEquals(2, result.steps().size());
            assertEquals(List.of("b2b2"), retort.current());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertTrue(tables(c).containsAll(List.of("first_table", "second_table", "retort_version")), tables(c).toString());
        }
    }

    @Test
    void postgresThroughTheApplicationsOwnDataSourceWithScriptsInsideAJar() throws Exception {
        String url = TestDatabases.freshPgSchemaUrl("embed");
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(parsed.jdbcUrl());
        parsed.user().ifPresent(hc::setUsername);
        parsed.password().ifPresent(hc::setPassword);
        hc.setMaximumPoolSize(4);
        try (HikariDataSource ds = new HikariDataSource(hc);
                URLClassLoader cl = new URLClassLoader(new URL[] {applicationJar().toUri().toURL()}, null)) {
            try (Retort retort = Retort.configure().dataSource(ds).locations("classpath:db/retort").classLoader(cl)
                    .load()) {
                assertEquals(List.of("b2b2"), retort.upgrade("heads").headsAfter());
                assertEquals(List.of("a1a1"), retort.downgrade("-1").headsAfter());
            }
            assertTrue(!ds.isClosed(), "Retort never closes the application's pool");
            try (Connection c = ds.getConnection()) {
                List<String> t = tables(c);
                assertTrue(t.contains("first_table") && !t.contains("second_table"), t.toString());
            }
        } finally {
            TestDatabases.dropSchema(url);
        }
    }

    @Test
    void aPoolTooSmallForTheLockIsRefusedSayingWhy() {
        String url = TestDatabases.freshPgSchemaUrl("embedsmall");
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(parsed.jdbcUrl());
        parsed.user().ifPresent(hc::setUsername);
        parsed.password().ifPresent(hc::setPassword);
        hc.setMaximumPoolSize(1);
        try (HikariDataSource ds = new HikariDataSource(hc)) {
            RetortException e = assertThrows(RetortException.class,
                    () -> Retort.configure().dataSource(ds).locations("filesystem:" + dir).load());
            assertEquals("The DataSource allows 1 connection(s); Retort needs 2 on postgresql (one holds the migration"
                    + " lock while another migrates): raise maximumPoolSize, or give Retort a url() to open its own",
                    e.getMessage());
        } finally {
            TestDatabases.dropSchema(url);
        }
    }

    @Test
    void withNeitherUrlNorDataSourceTheErrorSaysWhatToCall() {
        RetortException e = assertThrows(RetortException.class,
                () -> Retort.configure().locations("filesystem:" + dir).load());
        assertEquals("No database URL: call url(...) or dataSource(...) before load()", e.getMessage());
    }

    @Test
    void missingClassPathLocationIsNamed() {
        RetortException e = assertThrows(RetortException.class,
                () -> Retort.configure().url("sqlite://").locations("classpath:no/such/dir").load());
        assertEquals("No scripts at classpath:no/such/dir: no such directory on the class path", e.getMessage());
    }
}
