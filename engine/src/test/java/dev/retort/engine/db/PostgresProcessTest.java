package dev.retort.engine.db;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

class PostgresProcessTest extends ProcessContract {

    private final List<String> urls = new ArrayList<>();

    @Override
    String freshUrl() {
        String url = TestDatabases.freshPgSchemaUrl("p");
        urls.add(url);
        return url;
    }

    @AfterEach
    void drop() {
        urls.forEach(TestDatabases::dropSchema);
    }

    @Override
    String slowStatement() {
        return "SELECT pg_sleep(0.05)";
    }

    /** One transaction for the run: a kill must leave nothing behind. */
    @Override
    String killedMode() {
        return "one";
    }
}
