package dev.retort.engine.db;

import dev.retort.engine.RetortException;
import dev.retort.engine.api.Cancellation;
import dev.retort.engine.api.ChangedScript;
import dev.retort.engine.api.HistoryEntry;
import dev.retort.engine.api.LockHolder;
import dev.retort.engine.api.PartialStep;
import dev.retort.engine.api.PartialStepPolicy;
import dev.retort.engine.api.RunListener;
import dev.retort.engine.api.Status;
import dev.retort.engine.plan.Plan;
import dev.retort.engine.revision.Step;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Online migrations against one {@link Database}: read its state, and prepare runs under the
 * migration lock. Thread-safe; cheap to create.
 *
 * <p>A run has two phases so that a front end can show a plan and ask before anything is
 * written: {@link #prepare} takes the lock, reads the real heads, builds the plan from them
 * and returns a {@link PreparedRun}; its {@link PreparedRun#execute execute} runs exactly that
 * plan; closing it releases the lock. Planning under the lock means no other runner can move
 * the heads between what was shown and what runs.
 */
public final class Migrator {

    private final Database db;
    private final MigrationSettings settings;
    private final VersionStore versions;
    private final HistoryStore history;
    private final ProgressStore progress;
    private final Identity me;

    public Migrator(Database db, MigrationSettings settings) {
        this.db = Objects.requireNonNull(db, "db");
        this.settings = Objects.requireNonNull(settings, "settings");
        TableName table = new TableName(settings.versionTableSchema(), settings.versionTable());
        this.versions = new VersionStore(db.family(), table);
        this.history = new HistoryStore(db.family(), table);
        this.progress = new ProgressStore(db.family(), table);
        this.me = Identity.current();
    }

    public Database database() {
        return db;
    }

    public MigrationSettings settings() {
        return settings;
    }

    /** The version table's rows, storage order (reference §8.4); empty when it does not exist. */
    public List<String> heads() {
        try (Connection c = connection()) {
            return versions.heads(c);
        } catch (SQLException e) {
            throw readFailure("the version table " + versions.table(), e);
        }
    }

    /** {@code retort_history}, oldest first; empty when it does not exist yet. */
    public List<HistoryEntry> history() {
        try (Connection c = connection()) {
            return history.read(c, versions);
        } catch (SQLException e) {
            throw readFailure(history.table().toString(), e);
        }
    }

    /** Steps an earlier run left partly applied (self-committing statements recorded one by one). */
    public List<PartialStep> partialSteps() {
        try (Connection c = connection()) {
            return progress.read(c, versions);
        } catch (SQLException e) {
            throw readFailure(progress.table().toString(), e);
        }
    }

    /** The runner holding the migration lock now, if any. */
    public Optional<LockHolder> lockHolder() {
        return db.family().lockHolder(db, versions.table());
    }

    /** {@link #prepare(Function, boolean, RunListener, Cancellation)} without purge, listener or token. */
    public PreparedRun prepare(Function<List<String>, Plan> planner) {
        return prepare(planner, false, RunListener.NONE, Cancellation.none());
    }

    /**
     * Takes the migration lock (waiting up to the lock timeout, telling {@code listener} who
     * holds it), reads the heads and calls {@code planner} with them: with none when
     * {@code purge} ({@code stamp --purge}: every row is deleted first). The caller must close
     * the result to release the lock.
     *
     * @throws RetortException on lock timeout (naming the holder), cancellation (exit 130), or
     *                         a plan that does not match the database
     */
    public PreparedRun prepare(Function<List<String>, Plan> planner, boolean purge, RunListener listener,
            Cancellation cancel) {
        return prepare(planner, purge, listener, cancel, PartialStepPolicy.RESUME);
    }

    /**
     * As {@link #prepare(Function, boolean, RunListener, Cancellation)}, deciding with
     * {@code partial} what happens to a step an earlier run left partly applied: by default the
     * plan resumes it at the first statement that did not complete (see
     * {@link PreparedRun#notes()}).
     *
     * @throws RetortException also when a partly applied step cannot be resumed: the plan does
     *         not include it, its next statement may have committed, or an applied statement
     *         changed in the script (the message shows the diff)
     */
    public PreparedRun prepare(Function<List<String>, Plan> planner, boolean purge, RunListener listener,
            Cancellation cancel, PartialStepPolicy partial) {
        MigrationLock lock = db.family().acquireLock(db, versions.table(), me, settings.lockTimeout(), listener,
                cancel);
        try {
            List<String> heads;
            boolean tableExists;
            List<PartialStep> partials;
            try (Connection c = connection()) {
                tableExists = versions.exists(c);
                heads = tableExists ? versions.heads(c) : List.of();
                partials = progress.read(c, versions);
            }
            Plan plan = planner.apply(purge ? List.of() : heads);
            check(plan, purge ? List.of() : heads);
            refuseChangedScripts(plan, listener);
            Resumption.Fitted fitted = Resumption.fit(plan, partials, partial);
            plan = fitted.plan();
            Map<String, String> sums = new LinkedHashMap<>();
            for (var ps : plan.steps()) {
                if (ps.step() instanceof Step.Migration m) {
                    settings.checksums().apply(m.revision().id()).ifPresent(s -> sums.put(m.revision().id(), s));
                }
            }
            PreparedRun prepared = new PreparedRun(this, plan, heads, !tableExists, purge, sums, lock, fitted.notes(),
                    partial == PartialStepPolicy.FORGET && !partials.isEmpty());
            for (var ps : plan.steps()) {
                if (ps.step() instanceof Step.Migration m && m.upgrade()) {
                    prepared.appliedText(m.revision().id(), normalisedText(ps.statements()));
                }
            }
            return prepared;
        } catch (SQLException e) {
            lock.close();
            throw readFailure("the version table " + versions.table(), e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * An upgrade checks the applied scripts first: when one changed since it ran, it is refused
     * (naming the scripts) unless {@code on_changed_script = warn}. Stamps and downgrades are
     * not held up: they are how a changed history is repaired.
     */
    private void refuseChangedScripts(Plan plan, RunListener listener) {
        boolean upgrades = plan.steps().stream().anyMatch(s -> s.step() instanceof Step.Migration m && m.upgrade());
        if (!upgrades) {
            return;
        }
        List<ChangedScript> changed = changedScripts();
        if (!changed.isEmpty() && !settings.refuseChangedScripts()) {
            listener.changedScripts(changed);
        } else if (!changed.isEmpty()) {
            throw new RetortException("Applied script(s) changed since they ran: " + String.join(", ",
                    changed.stream().map(c -> c.revision() + (c.missing() ? " (script is gone)" : "")).toList())
                    + "; 'verify --diff' shows the change, 'verify --accept REV --reason TEXT' accepts it"
                    + " (or set on_changed_script = warn)");
        }
    }

    private void check(Plan plan, List<String> heads) {
        if (!plan.versionTable().equals(settings.versionTable())
                || !Objects.equals(plan.versionTableSchema(), settings.versionTableSchema())) {
            throw new IllegalArgumentException("plan is for version table " + plan.versionTable()
                    + ", this migrator for " + versions.table());
        }
        if (!plan.dialect().name().equals(db.family().name())) {
            throw new IllegalArgumentException("plan is for " + plan.dialect().name() + ", database is "
                    + db.family().name());
        }
        if (!plan.startHeads().equals(heads)) {
            throw new IllegalArgumentException("plan starts from " + plan.startHeads() + ", database has " + heads);
        }
    }

    /**
     * Current heads, the steps {@code pendingPlanner} (usually "upgrade heads") gives from them,
     * the lock holder, and changed applied scripts. Takes no lock and writes nothing.
     */
    public Status status(Function<List<String>, Plan> pendingPlanner) {
        List<String> heads = heads();
        Plan pending = pendingPlanner.apply(heads);
        return new Status(heads, pending.steps(), lockHolder(), changedScripts(), partialSteps(), List.of(), pending);
    }

    /**
     * Applied revisions whose script changed (or is gone) since they ran: those whose latest
     * successful upgrade or downgrade in {@code retort_history} is an upgrade with a recorded
     * checksum different from the script's now. {@code verify} fails when this is not empty.
     */
    public List<ChangedScript> changedScripts() {
        Map<String, HistoryEntry> last = new LinkedHashMap<>();
        for (HistoryEntry e : history()) {
            if (e.succeeded() && !"stamp".equals(e.direction())) { // upgrade, downgrade, accept
                last.remove(e.revision());
                last.put(e.revision(), e);
            }
        }
        List<ChangedScript> changed = new ArrayList<>();
        for (HistoryEntry e : last.values()) {
            if (!("upgrade".equals(e.direction()) || "accept".equals(e.direction())) || e.checksum() == null) {
                continue;
            }
            String now = settings.checksums().apply(e.revision()).orElse(null);
            if (e.checksum().equals(now)) {
                continue; // the old way of checksumming is asked only when the new one differs
            }
            String legacy = settings.legacyChecksums().apply(e.revision()).orElse(null);
            if (!e.checksum().equals(legacy)) {
                changed.add(new ChangedScript(e.revision(), e.checksum(), now, e.startedAt()));
            }
        }
        return changed;
    }

    /** What is stored as a section's applied text: its statements, each ended by {@code ;} and a blank line. */
    public static String normalisedText(List<dev.retort.engine.dialect.Statement> statements) {
        StringBuilder b = new StringBuilder();
        for (var st : statements) {
            b.append(st.sql()).append(";\n\n");
        }
        return b.toString();
    }

    /** The statements {@code revision}'s upgrade ran (or was last accepted with), when stored. */
    public Optional<String> appliedText(String revision) {
        try (Connection c = db.connection()) {
            return history.appliedText(c, versions, revision);
        } catch (SQLException e) {
            throw readFailure(history.table().toString(), e);
        }
    }

    /**
     * Records that {@code revision}'s changed script is accepted as it is now: a history row
     * (direction {@code accept}) with the current checksum, the current statements, who (OS
     * user, host, database user) and why. {@link #changedScripts()} compares with it from then on.
     *
     * @throws RetortException when the revision's script has not changed, or is gone
     */
    public void accept(String revision, String reason, String currentText) {
        ChangedScript changed = changedScripts().stream().filter(c -> c.revision().equals(revision)).findFirst()
                .orElseThrow(() -> new RetortException("Revision " + revision + " has no applied script that changed;"
                        + " nothing to accept"));
        if (changed.missing()) {
            throw new RetortException("The script of revision " + revision + " is gone; restore it before accepting");
        }
        try (Connection c = db.connection()) {
            c.setAutoCommit(true);
            if (!versions.tableExists(c, history.table())) {
                history.create(c);
            } else {
                history.ensureColumns(c);
            }
            String dbUser;
            try {
                dbUser = c.getMetaData().getUserName();
            } catch (SQLException e) {
                dbUser = null;
            }
            String why = reason == null || reason.isBlank() ? "no reason given" : reason.strip();
            HistoryEntry row = new HistoryEntry(0, revision, "accept", "accept changed script " + revision + ": " + why,
                    null, changed.currentChecksum(), dbUser, me.osUser(), me.host(), java.time.Instant.now(),
                    java.time.Duration.ZERO, HistoryEntry.SUCCESS, null);
            history.insertAll(c, List.of(row), e -> new HistoryStore.Extras(currentText, "accepted: " + why));
        } catch (SQLException e) {
            throw new RetortException("Can't write " + history.table() + " in " + db.url().masked() + ": "
                    + Database.reason(e), e);
        }
    }

    VersionStore versions() {
        return versions;
    }

    HistoryStore historyStore() {
        return history;
    }

    ProgressStore progressStore() {
        return progress;
    }

    Identity identity() {
        return me;
    }

    /** A pooled connection that waits on a locked database as long as for the migration lock. */
    Connection connection() throws SQLException {
        Connection c = db.connection();
        try {
            db.family().waitTimeout(c, settings.lockTimeout());
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private RetortException readFailure(String what, SQLException e) {
        if (db.family().busy(e)) {
            // say who keeps the database locked, not the driver's SQLITE_BUSY
            String holder;
            try {
                holder = lockHolder().map(h -> "a migration holds it: " + h.describe())
                        .orElse("another connection holds a write lock on it");
            } catch (RuntimeException ignored) {
                holder = "another connection holds a write lock on it";
            }
            return new RetortException("Can't read " + what + " in " + db.url().masked() + ": the database is busy ("
                    + holder + "); waited " + settings.lockTimeout().toSeconds() + "s (lock_timeout)", e);
        }
        return new RetortException("Can't read " + what + " in " + db.url().masked() + ": " + Database.reason(e), e);
    }
}
