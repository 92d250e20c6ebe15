package dev.retort.engine.db;

import org.junit.jupiter.api.AfterEach;

/** The migrator contract on MySQL/MariaDB: one fresh database per test. */
class MySqlMigratorTest extends MigratorContract {

    @Override
    DatabaseFamily family() {
        return DatabaseFamilies.named("mysql").orElseThrow();
    }

    @Override
    String freshUrl(String hint) {
        return TestDatabases.freshMysqlDatabaseUrl("m");
    }

    @AfterEach
    void dropDatabase() {
        TestDatabases.dropMysqlDatabase(url);
    }

    @Override
    String slowStatement() {
        return "SELECT SLEEP(30)";
    }

    /** MySQL has no statement that refuses a transaction; one that commits on its own stands in. */
    @Override
    String outsideTransactionOnly() {
        return "CREATE INDEX t1_id ON t1 (id)";
    }
}
