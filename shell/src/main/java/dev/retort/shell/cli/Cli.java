package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import dev.retort.shell.json.ErrorView;
import dev.retort.shell.json.JsonReport;
import dev.retort.shell.json.JsonView;
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

    /** A fresh picocli model over this session, with every command (the shell completes from it). */
    public CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The model for running {@code args}: only the command they name is registered, when they
     * name one; all commands otherwise (help, unknown command, no command).
     */
    CommandLine commandLine(String[] args) {
        String name = args == null ? null : commandName(args);
        IFactory factory = Factory.over(session, shell);
        CommandLine cl = new CommandLine(RetortCommand.class, factory);
        boolean added = false;
        for (Class<?> c : RetortCommand.COMMANDS) {
            String cname = c.getAnnotation(picocli.CommandLine.Command.class).name();
            if (name == null || name.equals(cname)) {
                cl.addSubcommand(cname, new CommandLine(c, factory));
                added = true;
            }
        }
        if (!added) {
            for (Class<?> c : RetortCommand.COMMANDS) {
                cl.addSubcommand(c.getAnnotation(picocli.CommandLine.Command.class).name(), new CommandLine(c, factory));
            }
        }
        cl.setOut(session.out());
        cl.setErr(session.err());
        // "downgrade -1", "history -r -1:": a token that is no known option is a value
        cl.setUnmatchedOptionsArePositionalParams(true);
        cl.setAllowOptionsAsOptionParameters(true);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, rest) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            if (ex.getCommandLine().getCommandSpec().findOption("--json") != null
                    && java.util.Arrays.asList(rest).contains("--json")) {
                session.out().println(JsonReport.failure(ex.getCommandLine().getCommandName(), null,
                        ErrorView.usage(dev.retort.engine.dialect.Urls.maskText(ex.getMessage()))));
                session.out().flush();
            }
            // one line (the nearest match is in the message); the rejected word may be a URL with its password
            err.println("retort: error: " + dev.retort.engine.dialect.Urls.maskText(ex.getMessage()));
            err.flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            GlobalOptions options = cmd.getCommandSpec().root().userObject() instanceof RetortCommand root
                    ? root.options : null;
            String json = cmd.getCommandSpec().userObject() instanceof BaseCommand command && command.jsonRequested()
                    ? command.name() : null;
            return failure(ex, cmd.getErr(), options, json);
        });
        return cl;
    }

    /**
     * Makes the root command over the session. A class of its own so that verifying {@code Cli}
     * loads no picocli class: a line {@link DirectLine} parses runs without picocli at all.
     */
    private static final class Factory implements IFactory {
        private final IFactory defaults = CommandLine.defaultFactory();
        private final Session session;
        private final RetortCommand.ShellLauncher shell;

        private Factory(Session session, RetortCommand.ShellLauncher shell) {
            this.session = session;
            this.shell = shell;
        }

        static IFactory over(Session session, RetortCommand.ShellLauncher shell) {
            return new Factory(session, shell);
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == RetortCommand.class) {
                return cls.cast(new RetortCommand(session, shell));
            }
            return defaults.create(cls);
        }
    }

    /** Runs one command line and returns its exit status. */
    public int execute(String... args) {
        try {
            RetortCommand root = new RetortCommand(session, shell);
            BaseCommand direct = DirectLine.parse(args, root);
            if (direct != null) {
                return run(direct, root);
            }
        } finally {
            session.out().flush();
            session.err().flush();
        }
        args = hoistGlobalOptions(args);
        try {
            CommandLine cl = commandLine(args);
            Integer handled = new HelpRouter(session).route(args, cl);
            if (handled != null) {
                return handled;
            }
            return cl.execute(args);
        } finally {
            session.out().flush();
            session.err().flush();
        }
    }

    /** Runs a command {@link DirectLine} parsed, as picocli runs one (its exception handler: {@link #failure}). */
    private int run(BaseCommand command, RetortCommand root) {
        try {
            return command.call();
        } catch (Exception ex) {
            return failure(ex, session.err(), root.options, command.jsonRequested() ? command.name() : null);
        }
    }

    /** Global options that may also follow the command ({@code current --url URL}), as they may precede it. */
    private static final java.util.Set<String> MOVABLE = java.util.Set.of("--url", "-x", "-n", "--name", "-c",
            "--config");

    /**
     * Moves global options given after the command's name in front of it, so that
     * {@code current --url URL -x k=v} means {@code --url URL -x k=v current}, in the one-shot
     * CLI and in the shell alike. Nothing after {@code --} moves.
     */
    static String[] hoistGlobalOptions(String[] args) {
        String name = commandName(args);
        if (name == null) {
            return args;
        }
        int at = java.util.Arrays.asList(args).indexOf(name);
        java.util.List<String> globals = new java.util.ArrayList<>();
        java.util.List<String> rest = new java.util.ArrayList<>();
        for (int i = at + 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                rest.addAll(java.util.Arrays.asList(args).subList(i, args.length));
                break;
            }
            String key = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (ownsOption(name, key)) {
                // the command's own option wins: log -n N is a count, not a section
                rest.add(a);
            } else if (MOVABLE.contains(key) && a.contains("=") && key.startsWith("--")) {
                globals.add(a);
            } else if (MOVABLE.contains(a) && i + 1 < args.length) {
                globals.add(a);
                globals.add(args[++i]);
            } else {
                rest.add(a);
            }
        }
        if (globals.isEmpty()) {
            return args;
        }
        java.util.List<String> out = new java.util.ArrayList<>(java.util.Arrays.asList(args).subList(0, at));
        out.addAll(globals);
        out.add(name);
        out.addAll(rest);
        return out.toArray(String[]::new);
    }

    /** Whether the command named {@code command} declares {@code option} itself (read from its class, no model built). */
    private static boolean ownsOption(String command, String option) {
        for (Class<?> c : RetortCommand.COMMANDS) {
            if (!c.getAnnotation(picocli.CommandLine.Command.class).name().equals(command)) {
                continue;
            }
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (java.lang.reflect.Field f : k.getDeclaredFields()) {
                    picocli.CommandLine.Option o = f.getAnnotation(picocli.CommandLine.Option.class);
                    if (o != null && java.util.Arrays.asList(o.names()).contains(option)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The first argument that is not a global option or its value: the command's name, or null. */
    static String commandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                return i + 1 < args.length ? args[i + 1] : null;
            }
            if (a.startsWith("-")) {
                if (RetortCommand.VALUED_OPTIONS.contains(a)) {
                    i++;
                }
                continue;
            }
            return a;
        }
        return null;
    }

    /**
     * Reports a failed command: its JSON object on standard output when {@code jsonCommand}
     * names the command run with {@code --json}, and one {@code FAILED:} line on standard error.
     */
    int failure(Exception ex, PrintWriter err, GlobalOptions options, String jsonCommand) {
        JsonView reported = null;
        if (ex instanceof ReportingCommand.ReportedFailure rf) {
            reported = rf.view();
            ex = (Exception) rf.getCause();
        }
        if (jsonCommand != null) {
            session.out().println(JsonReport.failure(jsonCommand, reported, ex instanceof RetortException re
                    ? ErrorView.of(re) : ErrorView.internal(internalMessage(ex))));
        }
        session.out().flush();
        dev.retort.themes.Styler styler;
        try {
            styler = session.styler(options);
        } catch (RuntimeException e) {
            styler = dev.retort.themes.Styler.plain();
        }
        if (ex instanceof RetortException re) {
            err.println(styler.paint(dev.retort.themes.Role.ERROR, "FAILED: " + re.getMessage()));
            debug(ex, err);
            err.flush();
            return re.exitCode();
        }
        err.println("FAILED: " + internalMessage(ex));
        debug(ex, err);
        err.flush();
        return 1;
    }

    private static String internalMessage(Exception ex) {
        return "unexpected " + ex.getClass().getSimpleName()
                + (ex.getMessage() == null ? "" : " (" + firstLine(ex.getMessage()) + ")")
                + "; this is a bug in Retort, please report it (RETORT_DEBUG=1 shows details)";
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
