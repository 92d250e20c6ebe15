package dev.retort.engine.db;

import org.junit.jupiter.api.AfterEach;

class PostgresMigratorTest extends MigratorContract {

    @Override
    DatabaseFamily family() {
        return DatabaseFamilies.named("postgresql").orElseThrow();
    }

    @Override
    String freshUrl(String hint) {
        return TestDatabases.freshPgSchemaUrl("m");
    }

    @AfterEach
    void dropSchema() {
        TestDatabases.dropSchema(url);
    }

    @Override
    String slowStatement() {
        return "SELECT pg_sleep(30)";
    }

    @Override
    String outsideTransactionOnly() {
        return "CREATE INDEX CONCURRENTLY t1_id ON t1 (id)";
    }
}
