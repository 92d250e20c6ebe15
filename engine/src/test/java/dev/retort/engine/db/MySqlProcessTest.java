package dev.retort.engine.db;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * Runners in separate JVMs on MariaDB/MySQL: one fresh database per test. Each step's
 * {@code CREATE TABLE} commits on its own, so a kill can leave a step partly applied; the
 * per-statement progress makes the next run resume after what completed.
 */
class MySqlProcessTest extends ProcessContract {

    private final List<String> urls = new ArrayList<>();

    @Override
    String freshUrl() {
        String url = TestDatabases.freshMysqlDatabaseUrl("p");
        urls.add(url);
        return url;
    }

    @AfterEach
    void drop() {
        urls.forEach(TestDatabases::dropMysqlDatabase);
    }

    @Override
    String slowStatement() {
        return "DO SLEEP(0.05)";
    }

    /** Stepwise, as Alembic runs where DDL is not transactional. */
    @Override
    String killedMode() {
        return "per";
    }
}
