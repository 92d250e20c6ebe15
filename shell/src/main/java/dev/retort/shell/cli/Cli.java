package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * The command model shared by the one-shot CLI and the shell: parses a command line, runs the
 * command against a {@link Session}, prints user errors as {@code FAILED: <message>} on
 * standard error, and returns the exit status (0 ok, 1 command error, 2 usage, 130 interrupted).
 */
public final class Cli {

    private final Session session;
    private final RetortCommand.ShellLauncher shell;

    public Cli(Session session, RetortCommand.ShellLauncher shell) {
        this.session = session;
        this.shell = shell;
    }

    /** A fresh picocli model over this session (for running, and for the shell's completion). */
    public CommandLine commandLine() {
        IFactory defaults = CommandLine.defaultFactory();
        IFactory factory = new IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == RetortCommand.class) {
                    return cls.cast(new RetortCommand(session, shell));
                }
                return defaults.create(cls);
            }
        };
        CommandLine cl = new CommandLine(RetortCommand.class, factory);
        cl.setOut(session.out());
        cl.setErr(session.err());
        // "downgrade -1", "history -r -1:": a token that is no known option is a value
        cl.setUnmatchedOptionsArePositionalParams(true);
        cl.setAllowOptionsAsOptionParameters(true);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("retort: error: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            return failure(ex, cmd.getErr());
        });
        return cl;
    }

    /** Runs one command line and returns its exit status. */
    public int execute(String... args) {
        try {
            return commandLine().execute(args);
        } finally {
            session.out().flush();
            session.err().flush();
        }
    }

    int failure(Exception ex, PrintWriter err) {
        session.out().flush();
        if (ex instanceof RetortException re) {
            err.println("FAILED: " + re.getMessage());
            debug(ex, err);
            err.flush();
            return re.exitCode();
        }
        err.println("FAILED: unexpected " + ex.getClass().getSimpleName()
                + (ex.getMessage() == null ? "" : " (" + firstLine(ex.getMessage()) + ")")
                + "; this is a bug in Retort, please report it (RETORT_DEBUG=1 shows details)");
        debug(ex, err);
        err.flush();
        return 1;
    }

    private void debug(Exception ex, PrintWriter err) {
        if (session.environment().containsKey("RETORT_DEBUG")) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
