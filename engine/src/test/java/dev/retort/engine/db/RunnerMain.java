package dev.retort.engine.db;

import dev.retort.engine.RetortException;
import dev.retort.engine.api.Cancellation;
import dev.retort.engine.api.LockHolder;
import dev.retort.engine.api.RunListener;
import dev.retort.engine.api.RunResult;
import dev.retort.engine.plan.PlannedStep;
import java.time.Duration;
import java.util.Optional;

/**
 * A runner in its own JVM, for the process-level tests: {@code upgrade heads} over a
 * {@link LinearHistory} of {@code n} revisions, each optionally followed by a slow statement.
 * Prints {@code step <i>} as each step starts and {@code done applied=<k>} at the end.
 *
 * <p>Arguments: url, n, per|one (transaction mode), lock timeout seconds, slow SQL or "-".
 */
public final class RunnerMain {
    private RunnerMain() {}

    public static void main(String[] args) {
        String url = args[0];
        int n = Integer.parseInt(args[1]);
        boolean perMigration = args[2].equals("per");
        Duration timeout = Duration.ofSeconds(Long.parseLong(args[3]));
        String slow = args.length > 4 && !args[4].equals("-") ? args[4] : null;
        try (Database db = Database.open(url)) {
            LinearHistory h = new LinearHistory(n, TestDialect.of(db.family()), MigrationSettings.DEFAULT_VERSION_TABLE,
                    null, perMigration);
            if (slow != null) {
                for (int i = 0; i < n; i++) {
                    h.upgrade(i, "CREATE TABLE t" + (i + 1) + " (id INTEGER)", slow);
                }
            }
            Migrator m = new Migrator(db, MigrationSettings.defaults().withLockTimeout(timeout)
                    .withChecksums(id -> Optional.of("sum-" + id)));
            RunListener progress = new RunListener() {
                @Override
                public void waitingForLock(LockHolder holder) {
                    System.out.println("waiting " + holder.describe());
                    System.out.flush();
                }

                @Override
                public void stepStarted(int index, int total, PlannedStep step) {
                    System.out.println("step " + index);
                    System.out.flush();
                }
            };
            try (PreparedRun run = m.prepare(h.upgradeHeads(), false, progress, Cancellation.none())) {
                RunResult r = run.execute(progress, Cancellation.none());
                System.out.println("done applied=" + r.steps().size());
            }
        } catch (RetortException e) {
            System.out.println("FAILED: " + e.getMessage());
            System.exit(e.exitCode());
        }
        System.exit(0);
    }
}
