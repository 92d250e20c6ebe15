package dev.retort.engine.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.RetortException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseUrlTest {

    private static final Map<String, String> NO_ENV = Map.of("HOME", "/nonexistent");

    @Test
    void alembicPostgresUrlBecomesJdbcWithPasswordKeptApart() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://scott:tiger@db.example:6543/shop?sslmode=require", NO_ENV);
        assertEquals("postgresql", u.family().name());
        assertEquals("jdbc:postgresql://db.example:6543/shop?sslmode=require", u.jdbcUrl());
        assertEquals(Optional.of("scott"), u.user());
        assertEquals(Optional.of("tiger"), u.password());
        assertEquals("postgresql://scott:***@db.example:6543/shop?sslmode=require", u.masked());
        assertEquals(u.masked(), u.toString());
    }

    @Test
    void percentEncodedPasswordIsDecodedAndMasked() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql+psycopg2://me:p%40ss%3Aword@h/db", NO_ENV);
        assertEquals(Optional.of("p@ss:word"), u.password());
        assertEquals("jdbc:postgresql://h:5432/db", u.jdbcUrl());
        assertFalse(u.masked().contains("p%40ss"), u.masked());
    }

    @Test
    void jdbcPostgresPasswordParameterIsRemovedFromDriverUrlAndMasked() {
        ServerUrl u = (ServerUrl) DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=s3cret&ssl=false",
                NO_ENV);
        assertEquals("jdbc:postgresql://127.0.0.1:5432/test?user=postgres&ssl=false", u.jdbcUrl());
        assertEquals(Optional.of("s3cret"), u.password());
        assertEquals("jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=***&ssl=false", u.masked());
        assertEquals("127.0.0.1", u.host());
        assertEquals("test", u.database());
    }

    @Test
    void passwordFromEnvironmentWhenUrlHasNone() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://app@h/db", Map.of("PGPASSWORD", "fromenv", "HOME", "/x"));
        assertEquals(Optional.of("fromenv"), u.password());
        assertFalse(u.masked().contains("fromenv"));
    }

    @Test
    void passwordFromPgpassMatchingHostPortDatabaseUser(@TempDir Path dir) throws Exception {
        Path pgpass = dir.resolve("pgpass");
        Files.writeString(pgpass, "# comment\nother:5432:db:app:wrong\nh:5432:db:app:pa\\:ss\n*:*:*:*:fallback\n");
        DatabaseUrl u = DatabaseUrl.parse("postgresql://app@h/db", Map.of("PGPASSFILE", pgpass.toString()));
        assertEquals(Optional.of("pa:ss"), u.password());
        DatabaseUrl v = DatabaseUrl.parse("jdbc:postgresql://zz:1/other?user=x", Map.of("PGPASSFILE", pgpass.toString()));
        assertEquals(Optional.of("fallback"), v.password());
    }

    @Test
    void sqliteForms(@TempDir Path dir) {
        FileUrl rel = (FileUrl) DatabaseUrl.parse("sqlite:///data/app.db", NO_ENV);
        assertEquals("jdbc:sqlite:data/app.db", rel.jdbcUrl());
        assertEquals(Path.of("data/app.db").toAbsolutePath(), rel.file().orElseThrow());
        Path abs = dir.resolve("x.db");
        FileUrl a = (FileUrl) DatabaseUrl.parse("sqlite:///" + abs, NO_ENV);
        assertEquals("jdbc:sqlite:" + abs, a.jdbcUrl());
        assertEquals(abs, a.file().orElseThrow());
        assertEquals(abs, ((FileUrl) DatabaseUrl.parse("jdbc:sqlite:" + abs, NO_ENV)).file().orElseThrow());
        assertTrue(((FileUrl) DatabaseUrl.parse("sqlite://", NO_ENV)).file().isEmpty());
    }

    @Test
    void maskWorksOnAnyText() {
        assertEquals("can't reach postgresql://u:***@h/db (timeout)",
                DatabaseUrl.mask("can't reach postgresql://u:secret@h/db (timeout)"));
        assertEquals("jdbc:postgresql://h/db?password=***", DatabaseUrl.mask("jdbc:postgresql://h/db?password=x%20y"));
        assertEquals("sqlite:///a.db", DatabaseUrl.mask("sqlite:///a.db"));
    }

    @Test
    void unsupportedUrlErrorDoesNotLeakPassword() {
        RetortException e = assertThrows(RetortException.class,
                () -> DatabaseUrl.parse("mssql://root:hunter2@h/db", NO_ENV));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(e.getMessage().startsWith("Unsupported database URL mssql://root:***@h/db"), e.getMessage());
    }

    @Test
    void connectionFailureMessageShowsMaskedUrlOnly() {
        RetortException e = assertThrows(RetortException.class,
                () -> Database.open(DatabaseUrl.parse("postgresql://u:hunter2@127.0.0.1:1/db", NO_ENV)).close());
        assertTrue(e.getMessage().startsWith("Can't connect to postgresql://u:***@127.0.0.1:1/db: Connection to"),
                e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void anUnclosedIpv6BracketIsOneErrorNamingTheMaskedUrlAndTheHostInEveryForm() {
        Map<String, String> expected = Map.of(
                "mariadb://root:pw@[::1:3306/db", "Bad database URL mariadb://root:***@[::1:3306/db: unclosed '[' in host '[::1:3306'",
                "mariadb://[::1:3306/db", "Bad database URL mariadb://[::1:3306/db: unclosed '[' in host '[::1:3306'",
                "postgresql://u:pw@[::1:5432/db", "Bad database URL postgresql://u:***@[::1:5432/db: unclosed '[' in host '[::1:5432'",
                "jdbc:mariadb://[::1:3306/db?user=root&password=pw",
                "Bad database URL jdbc:mariadb://[::1:3306/db?user=root&password=***: unclosed '[' in host '[::1:3306'",
                "postgresql://u@h1,[::1:5432/db", "Bad database URL postgresql://u@h1,[::1:5432/db: unclosed '[' in host '[::1:5432'");
        expected.forEach((url, message) -> {
            RetortException e = assertThrows(RetortException.class, () -> DatabaseUrl.parse(url, NO_ENV), url);
            assertTrue(e.getMessage().startsWith(message + " (an IPv6 address is written in brackets"), e.getMessage());
            assertFalse(e.getMessage().contains("pw@") || e.getMessage().contains("=pw"), e.getMessage());
        });
        assertEquals("::1", ((ServerUrl) DatabaseUrl.parse("mariadb://root:pw@[::1]:3306/db", NO_ENV)).host().replaceAll("[\\[\\]]", ""));
    }
}
