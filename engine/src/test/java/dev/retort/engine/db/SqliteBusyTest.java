package dev.retort.engine.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.RetortException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite during a long run: a reader waits as long as the lock timeout, then names the
 * migration that holds the database, never the driver's SQLITE_BUSY.
 */
class SqliteBusyTest {

    @TempDir
    Path dir;

    @Test
    void statusDuringALongWriteNamesTheHolderAfterTheLockTimeout() throws Exception {
        String url = "sqlite:///" + dir.resolve("busy.db");
        try (Database db = Database.open(url)) {
            Migrator m = new Migrator(db, MigrationSettings.defaults());
            LinearHistory h = new LinearHistory(1, TestDialect.of(db.family()), MigrationSettings.DEFAULT_VERSION_TABLE,
                    null, true);
            try (PreparedRun run = m.prepare(h.upgradeHeads())) {
                run.execute();
            }
            try (PreparedRun held = m.prepare(h.upgradeHeads());
                    Connection writer = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("busy.db"));
                    Statement st = writer.createStatement()) {
                st.execute("BEGIN EXCLUSIVE"); // what a long migration statement holds
                try (Database other = Database.open(url)) {
                    Migrator reader = new Migrator(other, MigrationSettings.defaults().withLockTimeout(Duration.ofSeconds(1)));
                    long t0 = System.nanoTime();
                    RetortException e = assertThrows(RetortException.class, reader::heads);
                    long took = System.nanoTime() - t0;
                    assertTrue(took < TimeUnit.SECONDS.toNanos(10), "waited the lock timeout, not 30 s: " + took);
                    assertTrue(e.getMessage().contains("the database is busy (a migration holds it: pid "
                            + ProcessHandle.current().pid()), e.getMessage());
                    assertFalse(e.getMessage().contains("SQLITE_BUSY"), e.getMessage());
                }
                st.execute("ROLLBACK");
            }
        }
    }
}
