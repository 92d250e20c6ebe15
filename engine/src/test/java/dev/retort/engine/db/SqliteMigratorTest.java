package dev.retort.engine.db;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteMigratorTest extends MigratorContract {

    @TempDir
    Path dir;

    @Override
    DatabaseFamily family() {
        return DatabaseFamilies.named("sqlite").orElseThrow();
    }

    @Override
    String freshUrl(String hint) {
        return "sqlite:///" + dir.resolve(hint + ".db");
    }

    @Override
    String slowStatement() {
        return "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000000)"
                + " SELECT count(*) FROM c";
    }

    @Override
    String outsideTransactionOnly() {
        return "VACUUM";
    }
}
