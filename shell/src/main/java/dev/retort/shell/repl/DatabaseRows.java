package dev.retort.shell.repl;

import dev.retort.engine.config.RetortConfig;
import dev.retort.shell.cli.GlobalOptions;
import dev.retort.shell.cli.Session;
import java.util.List;

/**
 * The database's version-table rows for the prompt and status line, read through the
 * session's engine service (one pool for the whole shell). Reading never fails the prompt: an
 * unreachable database shows as unknown, and the next command reports why.
 */
final class DatabaseRows {
    private DatabaseRows() {}

    /** Partly applied steps as {@code 2/3 a1b2c3}; empty when none or when they cannot be read. */
    static List<String> partial(Session session, GlobalOptions options, RetortConfig config) {
        try {
            if (config.url().isEmpty()) {
                return List.of();
            }
            return session.retort(options).partialSteps().stream()
                    .map(p -> p.applied() + "/" + p.total() + " " + p.revision()).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The rows in storage order, or null when they cannot be read. */
    static List<String> read(Session session, GlobalOptions options, RetortConfig config) {
        try {
            if (config.url().isEmpty()) {
                return null;
            }
            return session.retort(options).current();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
