package dev.retort.shell.repl;

import java.util.List;

/**
 * Where the shell stands, refreshed after every command: for the prompt, the status line,
 * completion and highlighting.
 */
public interface ShellState {

    /** Reads the current state; never throws for an unreachable database (it says so). */
    Snapshot refresh();

    /**
     * @param environment   short name of the environment (the config file's directory)
     * @param database      the database URL with any password masked, or empty when none
     * @param currentHeads  the database's current heads; null when unknown (unreachable)
     * @param pending       steps {@code upgrade heads} would run; -1 when unknown
     * @param revisions     the graph for completion and highlighting
     */
    record Snapshot(String environment, String database, List<String> currentHeads, int pending,
            RevisionIndex revisions) {

        public static Snapshot empty(String environment) {
            return new Snapshot(environment, "", null, -1, RevisionIndex.empty());
        }
    }
}
