package dev.retort.shell;

import dev.retort.shell.cli.GlobalOptions;
import dev.retort.shell.cli.Session;
import dev.retort.shell.repl.ReplLauncher;

/** Opens the interactive shell for {@code retort} with no command. */
final class Shells {
    private Shells() {}

    static int open(Session session, GlobalOptions options) {
        return ReplLauncher.open(session, options);
    }
}
