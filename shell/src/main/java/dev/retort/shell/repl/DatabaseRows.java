package dev.retort.shell.repl;

import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.db.MigrationSettings;
import dev.retort.engine.db.Migrator;
import dev.retort.shell.cli.Session;
import java.util.List;
import java.util.Optional;

/**
 * The database's version-table rows for the prompt and status line, read through the
 * session's database (one pool for the whole shell). Reading never fails the prompt: an
 * unreachable database shows as unknown, and the next command reports why.
 */
final class DatabaseRows {
    private DatabaseRows() {}

    /** The rows in storage order, or null when they cannot be read. */
    static List<String> read(Session session, RetortConfig config) {
        try {
            if (config.url().isEmpty()) {
                return null;
            }
            return new Migrator(session.database(config), MigrationSettings.from(config, r -> Optional.empty())).heads();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
