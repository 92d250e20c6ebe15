package dev.retort.engine.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.api.HistoryEntry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Runners in separate JVMs: killed mid-run, and racing each other. */
abstract class ProcessContract {

    abstract String freshUrl();

    abstract String slowStatement();

    /** Transaction mode of the killed run. */
    abstract String killedMode();

    static Process spawn(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                RunnerMain.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    static String readAll(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void killDashNineMidRunThenStatusAndUpgradeRecoverCleanly() throws Exception {
        String url = freshUrl();
        int n = 40;
        Process p = spawn(url, Integer.toString(n), killedMode(), "60", slowStatement());
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("step 8")) {
            // wait until the run is well under way
        }
        assertEquals("step 8", line, "the child runner got going");
        p.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback from the runner
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));

        try (Database db = Database.open(url)) {
            Migrator m = new Migrator(db, MigrationSettings.defaults().withChecksums(id -> Optional.of("sum-" + id)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (m.lockHolder().isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(100); // the server notices the dead session within moments
            }
            assertEquals(Optional.empty(), m.lockHolder(), "a killed runner leaves no lock");
            List<String> applied = m.history().stream().filter(HistoryEntry::succeeded).map(HistoryEntry::revision)
                    .collect(Collectors.toList());
            List<String> heads = m.heads();
            if (applied.isEmpty()) {
                assertEquals(List.of(), heads);
            } else {
                assertEquals(List.of(applied.get(applied.size() - 1)), heads, "version table agrees with history");
                for (int i = 0; i < applied.size(); i++) {
                    assertEquals(LinearHistory.id(i), applied.get(i));
                }
            }
            assertTrue(applied.size() <= 9, "killed during step 8: " + applied);
            assertEquals(n - applied.size(), m.status(h(db, n).upgradeHeads()).pending().size());

            dev.retort.engine.api.PartialStepPolicy policy = dev.retort.engine.api.PartialStepPolicy.RESUME;
            try {
                m.prepare(h(db, n).upgradeHeads()).close();
            } catch (dev.retort.engine.RetortException inDoubt) {
                // Where DDL commits on its own (MySQL), the kill can land inside a statement: Retort
                // refuses to guess whether it committed and says what to do. Do it as a user would:
                // look, undo the statement by hand if it did commit, then restart the step.
                String killed = LinearHistory.id(applied.size());
                assertTrue(inDoubt.getMessage().contains("Can't resume " + killed)
                        && inDoubt.getMessage().contains("may have committed")
                        && inDoubt.getMessage().contains("--restart-step"), inDoubt.getMessage());
                String table = "t" + (applied.size() + 1);
                try (java.sql.Connection c = db.connection();
                        java.sql.ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, table, null)) {
                    if (rs.next()) {
                        try (java.sql.Statement st = c.createStatement()) {
                            st.execute("DROP TABLE " + table);
                        }
                    }
                }
                policy = dev.retort.engine.api.PartialStepPolicy.RESTART_STEP;
            }
            try (PreparedRun run = m.prepare(h(db, n).upgradeHeads(), false, dev.retort.engine.api.RunListener.NONE,
                    dev.retort.engine.api.Cancellation.none(), policy)) {
                assertEquals(n - applied.size(), run.execute().steps().size());
            }
            assertEquals(List.of(LinearHistory.id(n - 1)), m.heads());
            assertEquals(n, m.history().stream().filter(HistoryEntry::succeeded).count());
        }
    }

    private static LinearHistory h(Database db, int n) {
        return new LinearHistory(n, TestDialect.of(db.family()), MigrationSettings.DEFAULT_VERSION_TABLE, null, true);
    }

    @Test
    void eightConcurrentRunnersApplyEveryRevisionExactlyOnceAndAllExitCleanly() throws Exception {
        String url = freshUrl();
        int n = 25;
        List<Process> procs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            procs.add(spawn(url, Integer.toString(n), "per", "180", "-"));
        }
        int appliedTotal = 0;
        for (Process p : procs) {
            String output = readAll(p);
            assertTrue(p.waitFor(240, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), output);
            String done = output.lines().filter(l -> l.startsWith("done applied=")).findFirst().orElseThrow();
            appliedTotal += Integer.parseInt(done.substring("done applied=".length()));
        }
        assertEquals(n, appliedTotal);
        try (Database db = Database.open(url)) {
            Migrator m = new Migrator(db, MigrationSettings.defaults());
            assertEquals(List.of(LinearHistory.id(n - 1)), m.heads());
            Map<String, Long> perRevision = m.history().stream()
                    .collect(Collectors.groupingBy(e -> e.revision() + ":" + e.outcome(), Collectors.counting()));
            for (int i = 0; i < n; i++) {
                assertEquals(1L, perRevision.get(LinearHistory.id(i) + ":success"), perRevision.toString());
            }
            assertEquals(n, perRevision.size(), "no failed rows: " + perRevision);
        }
    }

    @Test
    void lockTimeoutAcrossProcessesNamesTheHoldingProcess() throws Exception {
        String url = freshUrl();
        try (Database db = Database.open(url)) {
            Migrator m = new Migrator(db, MigrationSettings.defaults());
            try (PreparedRun held = m.prepare(h(db, 1).upgradeHeads())) {
                Process p = spawn(url, "1", "per", "1", "-");
                String output = readAll(p);
                assertTrue(p.waitFor(60, TimeUnit.SECONDS));
                assertEquals(1, p.exitValue(), output);
                assertTrue(output.contains("FAILED: Timed out after 1s waiting for the migration lock on "
                        + DatabaseUrl.mask(url) + "; it is held by pid " + ProcessHandle.current().pid() + " on host "),
                        output);
                assertTrue(output.contains("waiting pid " + ProcessHandle.current().pid()), output);
            }
        }
    }
}
