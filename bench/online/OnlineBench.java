import dev.retort.engine.db.Database;
import dev.retort.engine.db.MigrationSettings;
import dev.retort.engine.db.Migrator;
import dev.retort.engine.db.PreparedRun;
import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.dialect.Statement;
import dev.retort.engine.plan.Plan;
import dev.retort.engine.plan.PlannedStep;
import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.Step;
import dev.retort.engine.revision.VersionChange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Retort's online runner applying N one-statement migrations ({@code CREATE TABLE t<i>}) from
 * an empty database, through Migrator.prepare + execute (lock, version table, history rows).
 * Prints {@code retort <n> <millis>}. Args: url n.
 */
public final class OnlineBench {
    public static void main(String[] args) {
        String url = args[0];
        int n = Integer.parseInt(args[1]);
        try (Database db = Database.open(url)) {
            Dialect dialect = db.family().dialect();
            Migrator m = new Migrator(db, MigrationSettings.defaults().withChecksums(id -> Optional.of("0".repeat(64))));
            long t0 = System.nanoTime();
            try (PreparedRun run = m.prepare(heads -> plan(dialect, n, heads))) {
                run.execute();
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("retort " + n + " " + ms);
        }
    }

    static Plan plan(Dialect dialect, int n, List<String> heads) {
        List<PlannedStep> steps = new ArrayList<>();
        String table = MigrationSettings.DEFAULT_VERSION_TABLE;
        for (int i = 0; i < n; i++) {
            String id = String.format("r%06d", i);
            String prev = i == 0 ? null : String.format("r%06d", i - 1);
            Revision r = new Revision(id, prev == null ? List.of() : List.of(prev), List.of(), List.of(), "",
                    Path.of("versions", id + ".sql").toAbsolutePath());
            VersionChange ch = prev == null ? new VersionChange.Insert(id) : new VersionChange.Update(prev, id);
            steps.add(new PlannedStep(new Step.Migration(r, true, r.downRevisions()), r.path(),
                    List.of(new Statement("CREATE TABLE t" + i + " (id INTEGER)", 8)), false, i == 0, List.of(ch),
                    List.of(dialect.versionChangeSql(ch, table, null)), List.of(id)));
        }
        return new Plan(dialect, table, null, false, heads, steps);
    }
}
