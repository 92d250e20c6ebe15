package dev.retort.engine.db;

import dev.retort.engine.RetortException;
import dev.retort.engine.api.Cancellation;
import dev.retort.engine.api.HistoryEntry;
import dev.retort.engine.api.MigrationFailedException;
import dev.retort.engine.api.PartialStep;
import dev.retort.engine.api.RunListener;
import dev.retort.engine.api.RunResult;
import dev.retort.engine.api.StepResult;
import dev.retort.engine.dialect.Statement;
import dev.retort.engine.plan.Plan;
import dev.retort.engine.plan.PlannedStep;
import dev.retort.engine.revision.Step;
import dev.retort.engine.revision.VersionChange;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Executes one {@link PreparedRun}: the transaction discipline, failure and cancellation
 * handling, and history rows. One use.
 *
 * <p>Guarantees: a step's script statements, version-table changes and success history row
 * commit together or not at all (except statements of a {@code no-transaction} section, which
 * cannot be undone; the step is then not recorded). After a failure the connection is rolled
 * back, a failure row is appended on its own, and the version table is exactly as the last
 * commit left it.
 */
final class Runner {

    private final Migrator migrator;
    private final PreparedRun run;
    private final Plan plan;
    private final RunListener listener;
    private final Cancellation cancel;
    private final boolean oneTransaction;
    private final List<StepResult> committed = new ArrayList<>();
    private final List<StepResult> pendingCommit = new ArrayList<>();
    /** Success rows of the steps in the open transaction: written just before it commits. */
    private final List<HistoryEntry> pendingHistory = new ArrayList<>();
    private String dbUser;
    /** Of the step running now, when its statements commit on their own: why, else null. */
    private String selfCommitMode;
    /** Of that step: statements committed so far (counted from its first), and whether the next may have. */
    private int appliedInStep;
    private boolean inDoubt;
    /**
     * Of that step: the last statement that completed is still {@code running} in
     * {@code retort_progress}. Its {@code applied} mark is left to what comes next, to save a
     * commit per statement: the next statement's row implies it, the step's completion deletes
     * the rows, and a failure or a cancel marks it before saying what ran ({@link #markLastApplied}).
     */
    private boolean lastUnmarked;
    /**
     * Whether {@code retort_progress} held rows when the run began (an earlier run's partly
     * applied step); when it did not, the only rows are this run's, each step's deleted as it
     * completes, so a step that starts has none to clear.
     */
    private boolean progressRows;

    Runner(Migrator migrator, PreparedRun run, RunListener listener, Cancellation cancel) {
        this.migrator = migrator;
        this.run = run;
        this.plan = run.plan();
        this.listener = listener;
        this.cancel = cancel;
        this.oneTransaction = plan.dialect().transactionalDdl() && !plan.transactionPerMigration();
    }

    RunResult run() {
        long t0 = System.nanoTime();
        Database db = migrator.database();
        Connection c;
        try {
            c = migrator.connection();
        } catch (SQLException e) {
            throw new RetortException("Can't connect to " + db.url().masked() + ": " + Database.reason(e), e);
        }
        boolean healthy = true;
        try {
            bootstrap(c);
            c.setAutoCommit(false);
            if (run.purge()) {
                try (java.sql.Statement st = c.createStatement()) {
                    st.executeUpdate(run.purgeSql().orElseThrow());
                }
            }
            int total = plan.steps().size();
            for (int i = 0; i < total; i++) {
                PlannedStep step = plan.steps().get(i);
                if (cancel.isCancelled()) {
                    throw new Failure(step, null, null, true, null);
                }
                Instant started = Instant.now();
                long s0 = System.nanoTime();
                try {
                    selfCommitMode = null;
                    lock().check();
                    listener.stepStarted(i, total, step);
                    runStep(c, step);
                    Duration took = Duration.ofNanos(System.nanoTime() - s0);
                    pendingHistory.add(entry(step, started, took, HistoryEntry.SUCCESS, null));
                    pendingCommit.add(new StepResult(i, revision(step), step.step().describe(), took));
                    if (!oneTransaction) {
                        commit(c);
                    }
                    listener.stepFinished(i, total, step, took);
                } catch (LockLost e) {
                    Failure f = new Failure(step, null, null, false, e.getMessage());
                    healthy = fail(c, f, started, Duration.ofNanos(System.nanoTime() - s0));
                    throw exception(f, healthy ? c : null, t0);
                } catch (Failure f) {
                    healthy = fail(c, f, started, Duration.ofNanos(System.nanoTime() - s0));
                    throw exception(f, healthy ? c : null, t0);
                } catch (SQLException e) {
                    Failure f = new Failure(step, null, e, cancel.isCancelled(), null);
                    healthy = fail(c, f, started, Duration.ofNanos(System.nanoTime() - s0));
                    throw exception(f, healthy ? c : null, t0);
                }
            }
            commit(c);
            return result(c, t0);
        } catch (SQLException e) {
            healthy = false;
            rollbackQuietly(c);
            throw new RetortException("Can't migrate " + db.url().masked() + ": " + Database.reason(e), e);
        } finally {
            if (healthy) {
                try {
                    autoCommit(c);
                    c.close();
                } catch (SQLException e) {
                    db.discard(c);
                }
            } else {
                db.discard(c);
            }
        }
    }

    /** Creates the version and history tables when missing, and checks the heads did not move. */
    private void bootstrap(Connection c) throws SQLException {
        c.setAutoCommit(false);
        VersionStore versions = migrator.versions();
        if (!versions.exists(c)) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute(plan.dialect().versionTableDdl(plan.versionTable(), plan.versionTableSchema()));
            }
        }
        HistoryStore history = migrator.historyStore();
        if (!versions.tableExists(c, history.table())) {
            history.create(c);
        } else {
            history.ensureColumns(c);
        }
        ProgressStore progress = migrator.progressStore();
        if (!versions.tableExists(c, progress.table())) {
            progress.create(c);
        }
        if (run.forgetPartial()) {
            progress.clearAll(c);
            progressRows = false;
        } else {
            progressRows = !progress.read(c, versions).isEmpty();
        }
        List<String> now = versions.heads(c);
        if (!now.equals(run.heads())) {
            c.rollback();
            throw new RetortException("The version table of " + migrator.database().url().masked()
                    + " changed since the plan was made (it was " + run.heads() + ", now " + now
                    + "); nothing was run. Plan again.");
        }
        dbUser = migrator.database().family().currentUser(c).orElse(null);
        c.commit();
    }

    private void runStep(Connection c, PlannedStep step) throws SQLException {
        selfCommitMode = selfCommitMode(step);
        appliedInStep = step.resumeAt();
        inDoubt = false;
        lastUnmarked = false;
        if (selfCommitMode != null) {
            if (!pendingHistory.isEmpty() || !pendingCommit.isEmpty()) {
                commit(c); // the steps before it, with their history rows, before autocommit
            }
            c.setAutoCommit(true);
            try {
                if (step.resumeAt() == 0 && progressRows) {
                    // a restart: what an earlier run recorded no longer holds
                    migrator.progressStore().clear(c, revision(step), step.direction());
                }
                runStatements(c, step);
                if (oneTransaction) {
                    // the step's completion commits with later steps: until then its rows must say it all
                    markLastApplied(c, revision(step), step.direction());
                }
            } finally {
                c.setAutoCommit(false);
            }
            migrator.progressStore().clear(c, revision(step), step.direction());
        } else {
            runStatements(c, step);
        }
        List<VersionChange> changes = step.versionChanges();
        for (int j = 0; j < step.versionSql().size(); j++) {
            String sql = step.versionSql().get(j);
            int n;
            try (java.sql.Statement st = c.createStatement()) {
                n = affectedRows(st, sql);
            } catch (SQLException e) {
                throw new Failure(step, null, e, false, sql);
            }
            VersionChange change = j < changes.size() ? changes.get(j) : null;
            if (n != 1 && change != null) {
                String table = plan.versionTable();
                String msg;
                if (change instanceof VersionChange.Update u) {
                    msg = "Online migration expected to match one row when updating '" + u.from() + "' to '"
                            + u.to() + "' in '" + table + "'; " + n + " found";
                } else if (change instanceof VersionChange.Delete d) {
                    msg = "Online migration expected to match one row when deleting '" + d.revision() + "' in '"
                            + table + "'; " + n + " found";
                } else {
                    msg = "Online migration expected to insert one row for '"
                            + ((VersionChange.Insert) change).revision() + "' in '" + table + "'; " + n + " inserted";
                }
                throw new Failure(step, null, null, false, msg);
            }
        }
    }

    /** Rows an INSERT/UPDATE/DELETE touched, also when it has a RETURNING clause (PostgreSQL INSERT). */
    private static int affectedRows(java.sql.Statement st, String sql) throws SQLException {
        if (!st.execute(sql)) {
            return st.getUpdateCount();
        }
        int rows = 0;
        try (ResultSet rs = st.getResultSet()) {
            while (rs.next()) {
                rows++;
            }
        }
        return rows;
    }

    /**
     * Why {@code step}'s statements commit one by one (and are recorded so): a no-transaction
     * section, or a dialect whose DDL commits implicitly; null when the step is transactional.
     */
    private String selfCommitMode(PlannedStep step) {
        if (step.statements().isEmpty()) {
            return null;
        }
        if (step.noTransaction()) {
            return "no-transaction";
        }
        for (Statement s : step.statements()) {
            if (plan.dialect().commitsImplicitly(s)) {
                return "implicit-commit";
            }
        }
        return null;
    }

    private void runStatements(Connection c, PlannedStep step) throws SQLException {
        ProgressStore progress = migrator.progressStore();
        String rev = revision(step);
        for (int j = step.resumeAt(); j < step.statements().size(); j++) {
            Statement s = step.statements().get(j);
            if (selfCommitMode != null) {
                if (j > step.resumeAt()) { // the first was checked with the step, moments ago
                    lock().check(s);
                }
                progress.running(c, step, rev, selfCommitMode, j); // also says statement j-1 is applied
                lastUnmarked = false;
            }
            try (java.sql.Statement st = c.createStatement();
                    Cancellation.Registration reg = cancel.whileRunning(() -> cancelQuietly(st))) {
                if (cancel.isCancelled()) {
                    throw new Failure(step, s, null, true, null);
                }
                st.execute(s.sql());
            } catch (SQLException e) {
                if (selfCommitMode != null) {
                    forget(c, rev, step.direction(), j);
                }
                throw new Failure(step, s, e, cancel.isCancelled(), null);
            } catch (Failure f) {
                if (selfCommitMode != null) {
                    forget(c, rev, step.direction(), j);
                }
                throw f;
            }
            if (selfCommitMode != null) {
                appliedInStep = j + 1;
                lastUnmarked = true;
            }
        }
    }

    /** A self-committing statement failed or was cancelled: it did not commit; unknown when that can't be recorded. */
    private void forget(Connection c, String rev, String direction, int index) {
        try {
            if (index > 0) { // its row goes, so the row before it must say applied on its own
                migrator.progressStore().applied(c, rev, direction, index - 1);
            }
            migrator.progressStore().notApplied(c, rev, direction, index);
        } catch (SQLException | RuntimeException e) {
            inDoubt = true;
        }
    }

    /**
     * Marks the step's last completed statement {@code applied} when nothing after it has said
     * so yet (see {@link #lastUnmarked}); before a failure or cancel is reported, so the rows
     * left behind say exactly what committed.
     */
    private void markLastApplied(Connection c, String rev, String direction) throws SQLException {
        if (lastUnmarked) {
            migrator.progressStore().applied(c, rev, direction, appliedInStep - 1);
            lastUnmarked = false;
        }
    }

    /** The run's lock, checked before each step and each self-committing statement. */
    private LockCheck lock() {
        return new LockCheck(run.lock());
    }

    /** Turns a lost lock into a stop before the next statement. */
    private record LockCheck(MigrationLock lock) {
        void check() {
            check(null);
        }

        void check(Statement next) {
            try {
                lock.check();
            } catch (RetortException e) {
                throw new LockLost(e.getMessage(), next);
            }
        }
    }

    private static void cancelQuietly(java.sql.Statement st) {
        try {
            st.cancel();
        } catch (SQLException | RuntimeException ignored) {
            // the runner sees the flag after the statement
        }
    }

    private void commit(Connection c) throws SQLException {
        migrator.historyStore().insertAll(c, pendingHistory, e -> run.extras(e.revision(), e.direction()));
        pendingHistory.clear();
        c.commit();
        committed.addAll(pendingCommit);
        pendingCommit.clear();
    }

    /** Rolls back and appends the failure row; false when the connection is no longer usable. */
    private boolean fail(Connection c, Failure f, Instant started, Duration took) {
        pendingCommit.clear();
        pendingHistory.clear();
        rollbackQuietly(c);
        try {
            autoCommit(c);
            if (selfCommitMode != null && lastUnmarked) {
                try {
                    markLastApplied(c, revision(f.step), f.step.direction());
                } catch (SQLException e) {
                    inDoubt = true; // it committed, but the record says "running": the next run will ask
                }
            }
            migrator.historyStore().insert(c, entry(f.step, started, took,
                    f.cancelled ? HistoryEntry.CANCELLED : HistoryEntry.FAILED, message(f)));
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Back to autocommit after a rollback. SQLite ends the transaction itself when a statement
     * in it is interrupted, so the driver's COMMIT then fails with "no transaction is active"
     * although the driver is in autocommit and sound: that is not a broken connection. (The
     * pool's proxy keeps its own flag, so the driver's is asked.)
     */
    private static void autoCommit(Connection c) throws SQLException {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            if (!c.unwrap(Connection.class).getAutoCommit()) {
                throw e;
            }
            c.setAutoCommit(true); // the driver is in autocommit already; this tells the pool
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is discarded by the caller
        }
    }

    /** @param c the run's connection, in autocommit, or null when it is broken */
    private MigrationFailedException exception(Failure f, Connection c, long t0) {
        RunResult done;
        try {
            if (c == null) {
                throw new SQLException("connection lost");
            }
            done = new RunResult(run.heads(), migrator.versions().heads(c), committed,
                    Duration.ofNanos(System.nanoTime() - t0));
        } catch (SQLException | RuntimeException e) {
            done = new RunResult(run.heads(), committed.isEmpty() ? run.heads()
                    : plan.steps().get(committed.get(committed.size() - 1).index()).headsAfter(), committed,
                    Duration.ofNanos(System.nanoTime() - t0));
        }
        String sqlState = f.cause == null ? null : f.cause.getSQLState();
        return new MigrationFailedException(message(f), f.cancelled ? cancel.exitCode() : 1, f.cause, revision(f.step),
                f.step.script(), f.statement == null ? 0 : f.statement.line(),
                f.statement != null ? f.statement.sql() : f.detail, sqlState, done);
    }

    private String message(Failure f) {
        String where = where(f);
        String partial = selfCommitMode == null ? null : partialText(f);
        if (f.cancelled) {
            String cancelled = cancel.signal() == null ? "Cancelled at " : "Cancelled by " + cancel.signal() + " at ";
            if (partial != null) {
                return cancelled + where + "; " + partial;
            }
            return cancelled + where + "; " + rolledBack(f);
        }
        String reason = f.cause != null ? Database.reason(f.cause) : f.detail;
        String msg = (f.step.step() instanceof Step.Migration ? "Revision " : "Stamp ") + where + " failed: " + reason;
        if (partial != null) {
            msg += "; " + partial;
        }
        return msg;
    }

    /** What a cancel undid: only what had not committed. */
    private String rolledBack(Failure f) {
        if (oneTransaction && !committed.isEmpty()) {
            return "the steps since " + committed.get(committed.size() - 1).revision() + " were rolled back ("
                    + committed.size() + " step(s) before stay applied)";
        }
        return oneTransaction ? "the run was rolled back" : "the step was rolled back";
    }

    /**
     * {@code 2 of 3 statements of a1b2 (no-transaction) applied; the 3rd was cancelled}, and how
     * the next run goes on: exactly what committed, never a rollback that did not happen.
     */
    private String partialText(Failure f) {
        String rev = revision(f.step);
        int total = f.step.statements().size();
        String next = PartialStep.ordinal(appliedInStep + 1);
        String s = appliedInStep + " of " + total + " statements of " + rev + " (" + selfCommitMode + ") applied";
        if (appliedInStep == total) {
            return s + "; its version change was not recorded; `" + f.step.direction() + "` completes the step";
        }
        if (f.statement == null) {
            return s + "; the " + next + " did not start" + (appliedInStep == 0 ? ""
                    : "; `" + f.step.direction() + "` resumes at the " + next);
        }
        if (inDoubt) {
            return s + "; the " + next + " was running and may have committed (the outcome could not be recorded);"
                    + " check it, then `" + f.step.direction() + " --restart-step`, or complete the step by hand and"
                    + " `stamp`";
        }
        return s + "; the " + next + (f.cancelled ? " was cancelled" : " failed") + resumeHint(f, next);
    }

    private String resumeHint(Failure f, String next) {
        if (appliedInStep == 0) {
            return "";
        }
        return "; `" + f.step.direction() + "` resumes at the " + next + (f.cancelled ? "" : " once it is fixed");
    }

    private static String where(Failure f) {
        String rev = revision(f.step);
        Path script = f.step.script();
        if (script == null) {
            return rev;
        }
        return rev + " (" + display(script) + (f.statement == null ? "" : ":" + f.statement.line()) + ")";
    }

    private static String display(Path script) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = script.toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    private static String revision(PlannedStep s) {
        if (s.step() instanceof Step.Migration m) {
            return m.revision().id();
        }
        Step.Stamp st = (Step.Stamp) s.step();
        return String.join(", ", st.to().isEmpty() ? st.from() : st.to());
    }

    private HistoryEntry entry(PlannedStep s, Instant started, Duration took, String outcome, String error) {
        String direction = s.step() instanceof Step.Migration m ? (m.upgrade() ? "upgrade" : "downgrade") : "stamp";
        String checksum = s.step() instanceof Step.Migration m ? run.checksum(m.revision().id()).orElse(null) : null;
        Identity me = migrator.identity();
        return new HistoryEntry(0, revision(s), direction, s.step().describe(),
                s.script() == null ? null : s.script().toString(), checksum, dbUser, me.osUser(), me.host(), started,
                took, outcome, error);
    }

    private RunResult result(Connection c, long t0) throws SQLException {
        List<String> after = migrator.versions().heads(c);
        c.commit();
        return new RunResult(run.heads(), after, committed, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** The migration lock was found lost before a statement; nothing more may run. */
    private static final class LockLost extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Statement statement;

        LockLost(String message, Statement statement) {
            super(message, null, false, false);
            this.statement = statement;
        }
    }

    /** A step that could not complete; carried to the one place that rolls back. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient PlannedStep step;
        final transient Statement statement;
        final SQLException cause;
        final boolean cancelled;
        final String detail;

        Failure(PlannedStep step, Statement statement, SQLException cause, boolean cancelled, String detail) {
            super(null, null, false, false);
            this.step = step;
            this.statement = statement;
            this.cause = cause;
            this.cancelled = cancelled;
            this.detail = detail;
        }
    }
}
