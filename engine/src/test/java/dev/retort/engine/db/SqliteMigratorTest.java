package dev.retort.engine.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.api.MigrationFailedException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
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

    /**
     * SQLite rolls the whole transaction back itself when a writing statement in it is
     * interrupted; the driver's COMMIT on the way back to autocommit then fails ("no transaction
     * is active"). That must not cost the history row, nor the pool its connection.
     */
    @Test
    void aCancelledWriteInATransactionIsRecordedAndTheConnectionStaysUsable() throws Exception {
        Migrator m = migrator();
        LinearHistory h = history(3, true).upgrade(1, "CREATE TABLE big (n INTEGER)", "INSERT INTO big SELECT count(*)"
                + " FROM (" + slowStatement().replace("SELECT count(*) FROM c", "SELECT x FROM c") + ")");
        MigrationFailedException e = cancelledInSecondStep(m, h, 400);
        assertTrue(e.getMessage().endsWith("; the step was rolled back"), e.getMessage());
        assertEquals(List.of("r001:success", "r002:cancelled"),
                m.history().stream().map(x -> x.revision() + ":" + x.outcome()).toList());
        assertEquals(List.of("r001"), m.heads());
        run(m, history(3, true).upgradeHeads());
        assertEquals(List.of("r003"), m.heads());
    }

    /**
     * Step 10 of SQLite's table-rebuild procedure: {@code PRAGMA foreign_key_check} answers with
     * rows, so Retort fails the step on any, naming them, before the version table moves.
     */
    @Test
    void foreignKeyCheckWithViolationsFailsTheStep() throws Exception {
        Migrator m = migrator();
        LinearHistory h = history(2, true).upgrade(1, "CREATE TABLE parent (id INTEGER PRIMARY KEY)",
                "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id))",
                "INSERT INTO child VALUES (7, 99)", "PRAGMA foreign_key_check").noTransaction(1);
        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> run(m, h.upgradeHeads()));
        assertTrue(e.getMessage().contains(" failed: PRAGMA foreign_key_check found 1 foreign key violation (child row 7 -> parent);"),
                e.getMessage());
        assertEquals(List.of("r001"), m.heads());
    }
}
