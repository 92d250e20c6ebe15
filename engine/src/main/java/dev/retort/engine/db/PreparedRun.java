package dev.retort.engine.db;

import dev.retort.engine.api.Cancellation;
import dev.retort.engine.api.RunListener;
import dev.retort.engine.api.RunResult;
import dev.retort.engine.dialect.Statement;
import dev.retort.engine.plan.Plan;
import dev.retort.engine.plan.PlannedStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan made under the migration lock, ready to show and to run. The lock is held until
 * {@link #close()}; {@link #execute} runs once, and runs exactly {@link #sql()}. Not
 * thread-safe, except that a {@link Cancellation} passed to {@code execute} may be cancelled
 * from any thread.
 */
public final class PreparedRun implements AutoCloseable {

    private final Migrator migrator;
    private final Plan plan;
    private final List<String> heads;
    private final boolean createVersionTable;
    private final boolean purge;
    private final Map<String, String> checksums;
    private final MigrationLock lock;
    private final List<String> notes;
    private final boolean forgetPartial;
    private boolean executed;
    private boolean closed;

    PreparedRun(Migrator migrator, Plan plan, List<String> heads, boolean createVersionTable, boolean purge,
            Map<String, String> checksums, MigrationLock lock, List<String> notes, boolean forgetPartial) {
        this.migrator = migrator;
        this.plan = plan;
        this.heads = List.copyOf(heads);
        this.createVersionTable = createVersionTable;
        this.purge = purge;
        this.checksums = Map.copyOf(checksums);
        this.lock = lock;
        this.notes = List.copyOf(notes);
        this.forgetPartial = forgetPartial;
    }

    /**
     * What the plan does about steps an earlier run left partly applied ("Resuming a1b2 at its
     * 3rd statement ..."), one line each, for the preview and the run's output.
     */
    public List<String> notes() {
        return notes;
    }

    /** Whether this run ({@code stamp}) forgets the records of partly applied steps. */
    boolean forgetPartial() {
        return forgetPartial;
    }

    /** Stops the run before its next statement when the migration lock is no longer held. */
    MigrationLock lock() {
        return lock;
    }

    public Plan plan() {
        return plan;
    }

    /** The version-table rows read under the lock (before any purge), storage order. */
    public List<String> heads() {
        return heads;
    }

    /** Whether the version table does not exist yet and will be created first. */
    public boolean createsVersionTable() {
        return createVersionTable;
    }

    /** {@code DELETE FROM <version table>} when this is a {@code stamp --purge}. */
    public Optional<String> purgeSql() {
        return purge ? Optional.of("DELETE FROM " + migrator.versions().table().sql(migrator.database().family().dialect())) : Optional.empty();
    }

    /**
     * Every statement {@link #execute} will send for the migration itself, in order: the
     * version table's CREATE when missing, the purge, then per step its script statements and
     * version-table changes. (Retort's own bookkeeping, {@code retort_history} and lookups, is
     * not part of the plan.)
     */
    public List<String> sql() {
        List<String> out = new ArrayList<>();
        if (createVersionTable) {
            out.add(plan.dialect().versionTableDdl(plan.versionTable(), plan.versionTableSchema()));
        }
        purgeSql().ifPresent(out::add);
        for (PlannedStep s : plan.steps()) {
            for (Statement st : s.statementsToRun()) {
                out.add(st.sql());
            }
            out.addAll(s.versionSql());
        }
        return out;
    }

    /**
     * Runs the plan. Each step's statements, its version-table changes and its history row
     * commit together; the whole run is one transaction where DDL is transactional and the
     * plan is not per-migration. A {@code no-transaction} step commits what ran before it,
     * runs its statements in autocommit, then records itself.
     *
     * @throws dev.retort.engine.api.MigrationFailedException when a statement fails or the
     *         run is cancelled (exit code 130); what was committed is in the exception
     * @throws IllegalStateException on a second call, or after close
     */
    public RunResult execute(RunListener listener, Cancellation cancel) {
        if (executed || closed) {
            throw new IllegalStateException(closed ? "prepared run is closed" : "a prepared run executes once");
        }
        executed = true;
        return new Runner(migrator, this, listener, cancel).run();
    }

    public RunResult execute() {
        return execute(RunListener.NONE, Cancellation.none());
    }

    boolean createVersionTable() {
        return createVersionTable;
    }

    boolean purge() {
        return purge;
    }

    private final Map<String, String> appliedTexts = new java.util.HashMap<>();
    private final Map<String, String> historyNotes = new java.util.HashMap<>();

    /**
     * A note for {@code revision}'s history row when it runs: the {@code lint-ignore} excuses
     * of its statements ({@code rule: reason; ...}), as the front end's lint found them.
     */
    public void note(String revision, String note) {
        if (note != null) {
            historyNotes.put(revision, note);
        }
    }

    void appliedText(String revision, String text) {
        appliedTexts.put(revision, text);
    }

    HistoryStore.Extras extras(String revision, String direction) {
        return new HistoryStore.Extras("upgrade".equals(direction) ? appliedTexts.get(revision) : null,
                historyNotes.get(revision));
    }

    Optional<String> checksum(String revision) {
        return Optional.ofNullable(checksums.get(revision));
    }

    /** Releases the migration lock. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            lock.close();
        }
    }
}
