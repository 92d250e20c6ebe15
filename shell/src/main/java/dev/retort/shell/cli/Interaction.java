package dev.retort.shell.cli;

import dev.retort.engine.db.PreparedRun;

/**
 * How a front end takes part in a run: whether a prepared plan goes ahead (the shell shows it
 * and asks; the one-shot CLI applies, as Alembic does), and how Ctrl-C reaches the run.
 */
public interface Interaction {

    /**
     * Called with the lock held and the plan built from the database's real heads.
     *
     * @param run      the prepared run: its plan and exact SQL
     * @param database the database, password masked
     * @param yes      {@code --yes} was given
     * @return true to execute exactly this plan
     */
    boolean approve(PreparedRun run, String database, boolean yes);

    /**
     * Routes Ctrl-C to {@code onInterrupt} until the returned handle is closed.
     */
    AutoCloseable onInterrupt(Runnable onInterrupt);

    /** The one-shot CLI: no questions; Ctrl-C (SIGINT) cancels the run. */
    Interaction ONE_SHOT = new Interaction() {
        @Override
        public boolean approve(PreparedRun run, String database, boolean yes) {
            return true;
        }

        @Override
        public AutoCloseable onInterrupt(Runnable onInterrupt) {
            return Signals.onInterrupt(onInterrupt);
        }
    };
}
