package dev.retort.shell.repl;

import dev.retort.engine.revision.RevisionMap;
import dev.retort.shell.cli.GlobalOptions;
import dev.retort.shell.cli.Session;
import java.util.List;

/**
 * The database's version-table rows for the prompt and status line. The CLI's online access
 * is not part of the command model's public surface yet, so this reads nothing and reports
 * the rows as unknown; the prompt then shows the environment alone.
 */
final class DatabaseRows {
    private DatabaseRows() {}

    /** The rows in storage order, or null when they cannot be read. */
    static List<String> read(Session session, GlobalOptions options, RevisionMap map) {
        return null;
    }
}
