package dev.retort.engine.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.api.Cancellation;
import dev.retort.engine.api.MigrationFailedException;
import dev.retort.engine.api.RunListener;
import dev.retort.engine.plan.PlannedStep;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
        Cancellation cancel = new Cancellation();
        CompletableFuture<Void> started = new CompletableFuture<>();
        RunListener listener = new RunListener() {
            @Override
            public void stepStarted(int index, int total, PlannedStep step) {
                if (index == 1) {
                    started.complete(null);
                }
            }
        };
        CompletableFuture<Void> canceller = started.thenRunAsync(() -> {
            sleep(400);
            cancel.cancel();
        });
        MigrationFailedException e;
        try (PreparedRun run = m.prepare(h.upgradeHeads())) {
            e = assertThrows(MigrationFailedException.class, () -> run.execute(listener, cancel));
        }
        canceller.get(5, TimeUnit.SECONDS);
        assertTrue(e.getMessage().endsWith("; the step was rolled back"), e.getMessage());
        assertEquals(List.of("r001:success", "r002:cancelled"),
                m.history().stream().map(x -> x.revision() + ":" + x.outcome()).toList());
        assertEquals(List.of("r001"), m.heads());
        run(m, history(3, true).upgradeHeads());
        assertEquals(List.of("r003"), m.heads());
    }
}
