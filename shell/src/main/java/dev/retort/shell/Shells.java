package dev.retort.shell;

import dev.retort.shell.cli.GlobalOptions;
import dev.retort.shell.cli.Session;

/** Opens the interactive shell for {@code retort} with no command. */
final class Shells {
    private Shells() {}

    static int open(Session session, GlobalOptions options) {
        session.err().println("retort: the interactive shell is not available in this build; run 'retort --help'");
        return 2;
    }
}
