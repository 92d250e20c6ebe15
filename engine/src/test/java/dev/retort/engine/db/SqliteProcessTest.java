package dev.retort.engine.db;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteProcessTest extends ProcessContract {

    @TempDir
    Path dir;

    @Override
    String freshUrl() {
        return "jdbc:sqlite:" + dir.resolve("proc.db");
    }

    @Override
    String slowStatement() {
        return "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000) SELECT count(*) FROM c";
    }

    @Override
    String killedMode() {
        return "per";
    }
}
