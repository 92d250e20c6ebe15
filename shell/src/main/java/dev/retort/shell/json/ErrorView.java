package dev.retort.shell.json;

import dev.retort.engine.RetortException;
import dev.retort.engine.api.MigrationFailedException;
import java.util.List;

/**
 * The {@code "error"} member of a failed run's object: the same message as the {@code FAILED:}
 * line, the exit status, a kind to branch on without parsing the message, and for a failed or
 * cancelled migration where it stopped and what stayed applied.
 *
 * @param message   the {@code FAILED:} line's text
 * @param exitCode  the process's exit status
 * @param kind      {@code usage} (exit 2), {@code migration_failed}, {@code cancelled}, {@code error}
 *                  (any other user error), {@code internal} (a bug in Retort)
 * @param migration where a run stopped, or null when the failure was not a migration's
 */
public record ErrorView(String message, int exitCode, String kind, Migration migration) {

    /**
     * @param revision  the revision whose step failed
     * @param file      its script, or null
     * @param line      line of the failing statement in the script, 0 when not a script statement
     * @param sqlState  the database's SQLSTATE, or null
     * @param headsAfter version-table rows after the failure (what stayed applied)
     */
    public record Migration(String revision, String file, int line, String sqlState, List<String> headsAfter) {}

    public static ErrorView of(RetortException e) {
        if (e instanceof MigrationFailedException m) {
            Migration where = new Migration(m.revision(), m.script().map(p -> p.toAbsolutePath().toString()).orElse(null),
                    m.line(), m.sqlState().orElse(null),
                    m.committed() == null ? List.of() : m.committed().headsAfter());
            return new ErrorView(e.getMessage(), e.exitCode(), m.cancelled() ? "cancelled" : "migration_failed", where);
        }
        return new ErrorView(e.getMessage(), e.exitCode(), e.exitCode() == 2 ? "usage" : "error", null);
    }

    public static ErrorView usage(String message) {
        return new ErrorView(message, 2, "usage", null);
    }

    public static ErrorView internal(String message) {
        return new ErrorView(message, 1, "internal", null);
    }
}
