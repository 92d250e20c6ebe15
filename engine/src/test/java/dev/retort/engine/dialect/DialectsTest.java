package dev.retort.engine.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.RetortException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DialectsTest {

    @ParameterizedTest
    @CsvSource({
        "jdbc:sqlite:/tmp/x.db, sqlite",
        "jdbc:sqlite::memory:, sqlite",
        "sqlite:///relative/app.db, sqlite",
        "sqlite:////abs/app.db, sqlite",
        "sqlite://, sqlite",
        "sqlite+pysqlite:///app.db, sqlite",
        "jdbc:postgresql://localhost:5432/test, postgresql",
        "jdbc:postgresql:test, postgresql",
        "postgresql://u:p@localhost/test, postgresql",
        "postgres://localhost/test, postgresql",
        "postgresql+psycopg2://u@h/db, postgresql",
        "postgresql+asyncpg://u@h/db, postgresql",
        "POSTGRESQL://h/db, postgresql",
    })
    void recognisesUrls(String url, String dialect) {
        assertEquals(dialect, Dialects.forUrl(url).name());
    }

    @Test
    void dialectPropertiesDiffer() {
        assertTrue(Dialects.forName("postgresql").transactionalDdl());
        assertFalse(Dialects.forName("sqlite").transactionalDdl());
        assertEquals(new PostgresDialect(), Dialects.forName("postgres"));
    }

    @Test
    void unsupportedUrlIsRefusedWithPasswordMasked() {
        RetortException e = assertThrows(RetortException.class,
                () -> Dialects.forUrl("oracle://root:hunter2@db/app"));
        assertEquals("Unsupported database URL 'oracle://root:***@db/app'", e.getMessage());
        RetortException jdbc = assertThrows(RetortException.class,
                () -> Dialects.forUrl("jdbc:oracle:thin:@host:1521?user=a&password=hunter2"));
        assertEquals("Unsupported database URL 'jdbc:oracle:thin:@host:1521?user=a&password=***'", jdbc.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost/db", "sqlite", "jdbc:h2:mem:x"})
    void nonsenseIsUnsupported(String url) {
        RetortException e = assertThrows(RetortException.class, () -> Dialects.forUrl(url));
        assertEquals("Unsupported database URL '" + url + "'", e.getMessage());
    }

    @Test
    void unknownDialectName() {
        RetortException e = assertThrows(RetortException.class, () -> Dialects.forName("oracle"));
        assertEquals("Unknown dialect 'oracle'; known dialects: sqlite, postgresql, mysql", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "postgresql://user:secret@host/db | postgresql://user:***@host/db",
        "postgresql://user:p@ss:w/rd@host:5432/db?sslmode=require | postgresql://user:***@host:5432/db?sslmode=require",
        "postgresql://user@host/db | postgresql://user@host/db",
        "postgresql://:secret@host/db | postgresql://:***@host/db",
        "jdbc:postgresql://h/db?user=u&password=secret&ssl=true | jdbc:postgresql://h/db?user=u&password=***&ssl=true",
        "jdbc:postgresql://h/db?PASSWORD=secret | jdbc:postgresql://h/db?PASSWORD=***",
        "jdbc:postgresql://h/db?sslpassword=k&password=s | jdbc:postgresql://h/db?sslpassword=***&password=***",
        "jdbc:sqlite:/tmp/a.db | jdbc:sqlite:/tmp/a.db",
        "sqlite:///C:/data/a.db | sqlite:///C:/data/a.db",
        "postgresql://u:pw@h/db?email=a@b | postgresql://u:***@h/db?email=a@b",
    })
    void masksPasswords(String url, String masked) {
        assertEquals(masked, Urls.mask(url));
    }

    @Test
    void maskOfNullIsEmpty() {
        assertEquals("", Urls.mask(null));
    }
}
