package dev.retort.shell.cli;

/**
 * Help pages of the shell's own commands that the one-shot CLI shows as well: a newcomer
 * reading the README's command table types {@code retort graph --help} before ever opening
 * the shell.
 */
public final class ShellHelp {
    private ShellHelp() {}

    /** {@code help graph} in the shell, {@code retort graph --help} one-shot. */
    public static final String GRAPH = """
            graph [REVISION]

            Opens the revision graph full screen, in lanes like git log --graph: heads,
            branch points and merge points marked, the database's current heads
            highlighted. Starts at REVISION (id, prefix or branch label) when given, else
            at the first current head.

              j/k, arrows, PgUp/PgDn, g/G   move
              Enter                         show the revision's script and SQL (Tab hides)
              / n N, c                      search; jump to a current head
              u d s                         upgrade, downgrade or stamp to the revision:
                                            shows the plan and its SQL, y applies it
              space, then m                 mark heads, then merge them (asks a message)
              h/l, J/K                      scroll the lanes; scroll the detail pane
              ?                             every key, with what it does
              q, Esc                        back to the prompt (keys typed after q go there)

            The detail pane shows the revision's header, its SQL and its last
            applications to the database (from retort_history).

            Needs a full-screen terminal: not on a dumb terminal, nor when the shell reads
            commands from a pipe.
            """;

    /** The line under a shell command's help page when it is asked for one-shot. */
    static String shellOnly(String command) {
        return "'" + command + "' is a command of the shell: start it with 'retort' (no command) and type " + command
                + " there.\n";
    }
}
