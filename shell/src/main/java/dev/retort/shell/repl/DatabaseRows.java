package dev.retort.shell.repl;

import dev.retort.engine.revision.RevisionMap;
import dev.retort.shell.cli.GlobalOptions;
import dev.retort.shell.cli.Session;
import dev.retort.shell.cli.ShellActions;
import java.util.List;

/**
 * The database's version-table rows for the prompt and status line, read as {@code current}
 * reads them (through {@link ShellActions}, on the session's cached connection pool). A
 * database that cannot be reached leaves the rows unknown rather than failing the prompt; the
 * next command that needs it reports the real error.
 */
final class DatabaseRows {
    private DatabaseRows() {}

    /** The rows in storage order, or null when they cannot be read. */
    static List<String> read(Session session, GlobalOptions options, RevisionMap map) {
        try {
            return new ShellActions(session, options).currentRows();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
