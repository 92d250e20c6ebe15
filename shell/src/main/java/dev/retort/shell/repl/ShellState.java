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
     * @param partial       steps an earlier run left partly applied ({@code 2/3 a1b2c3}); empty when none or unknown
     */
    record Snapshot(String environment, String database, List<String> currentHeads, int pending,
            RevisionIndex revisions, List<String> partial) {

        public Snapshot {
            partial = List.copyOf(partial);
        }

        public Snapshot(String environment, String database, List<String> currentHeads, int pending,
                RevisionIndex revisions) {
            this(environment, database, currentHeads, pending, revisions, List.of());
        }

        public static Snapshot empty(String environment) {
            return new Snapshot(environment, "", null, -1, RevisionIndex.empty());
        }
    }
}
