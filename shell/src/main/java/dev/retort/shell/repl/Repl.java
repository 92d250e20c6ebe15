package dev.retort.shell.repl;

import dev.retort.shell.cli.GlobalOptions;
import dev.retort.shell.cli.Prompter;
import dev.retort.shell.cli.Session;
import dev.retort.shell.highlight.SqlRoles;
import dev.retort.themes.ColorMode;
import dev.retort.themes.ColorPolicy;
import dev.retort.themes.Role;
import dev.retort.themes.Styler;
import dev.retort.themes.ThemeCatalog;
import dev.retort.themes.ThemeException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.Status;

/**
 * The interactive shell on a JLine terminal: reads a line, runs it through the CLI's command
 * model ({@link Builder#dispatcher}), shows its output (SQL highlighted, long output paged),
 * and refreshes the prompt and status line. Each line means what the same one-shot command
 * means; the shell adds completion, highlighting, questions before changes, and its own
 * {@code connect}, {@code theme}, {@code help} and {@code exit}.
 *
 * <p>Ctrl-C at the prompt clears the line and while a command runs interrupts it; Ctrl-D or
 * {@code exit} leaves. Not thread-safe: one shell per terminal.
 */
public final class Repl {

    private final Terminal terminal;
    private final Session session;
    private final ToIntFunction<List<String>> dispatcher;
    private final CommandModel model;
    private final ShellState state;
    private final ThemeCatalog themes;
    private final ColorMode colorMode;
    private final Map<String, String> environment;
    private final Path historyFile;
    private final GlobalArgs globals;
    private final dev.retort.shell.cli.UserSettings settings;

    private Styler styler;
    private ShellState.Snapshot snapshot;
    private LineReader reader;
    private ShellOutput output;
    private GraphCommand graph;

    private Repl(Builder b) {
        this.terminal = Objects.requireNonNull(b.terminal, "terminal");
        this.session = Objects.requireNonNull(b.session, "session");
        this.dispatcher = Objects.requireNonNull(b.dispatcher, "dispatcher");
        this.model = Objects.requireNonNull(b.model, "model");
        this.globals = Objects.requireNonNull(b.globals, "globals");
        this.state = b.state != null ? b.state : new SessionShellState(session, globals::toOptions);
        this.themes = b.themes != null ? b.themes : new ThemeCatalog(null);
        this.colorMode = b.colorMode;
        this.environment = b.environment;
        this.historyFile = b.historyFile;
        this.settings = b.settings != null ? b.settings : dev.retort.shell.cli.UserSettings.load(Map.of());
        this.styler = new Styler(themes.load(b.theme), policy());
        this.snapshot = ShellState.Snapshot.empty("");
    }

    public static Builder builder() {
        return new Builder();
    }

    private ColorPolicy policy() {
        Integer max = terminal.getNumericCapability(org.jline.utils.InfoCmp.Capability.max_colors);
        return ColorPolicy.resolve(colorMode, environment, true, terminal.getType(), max == null ? -1 : max);
    }

    /** Runs until Ctrl-D or {@code exit}; returns the exit status for the process (0). */
    public int run() {
        reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("retort")
                .completer(new ReplCompleter(model, () -> snapshot.revisions(), themes::names, session::workingDirectory))
                .highlighter(new ReplHighlighter(model, () -> snapshot.revisions(), () -> styler))
                .history(new MaskingHistory())
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.HISTORY_FILE_SIZE, settings.historySize())
                .variable(LineReader.HISTORY_SIZE, settings.historySize())
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.AUTO_GROUP, false)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                .build();
        output = new ShellOutput(terminal, () -> styler, this::sqlDialect);
        session.shellStyler(() -> styler);
        session.width(terminal::getWidth);
        applyCompletionStyles();
        graph = new GraphCommand(terminal, session, globals::toOptions, () -> styler, output, this::refresh,
                reader::runMacro);
        refresh();
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(styler.ansi(prompt()));
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                if (!handle(line)) {
                    break;
                }
            }
        } finally {
            try {
                reader.getHistory().save();
            } catch (IOException e) {
                // history is a convenience; losing it must not fail the exit
            }
            Status status = Status.getExistingStatus(terminal).orElse(null);
            if (status != null) {
                status.update(List.of());
            }
            terminal.writer().flush();
        }
        return 0;
    }

    /** The configured database's dialect, for colouring SQL; PostgreSQL's rules while none is configured. */
    private dev.retort.engine.dialect.Dialect sqlDialect() {
        try {
            return session.config(globals.toOptions()).url().isEmpty() ? SqlRoles.dialect(null)
                    : session.retort(globals.toOptions()).dialect();
        } catch (RuntimeException e) {
            return SqlRoles.dialect(null);
        }
    }

    /** Handles one line; false to leave. */
    boolean handle(String line) {
        List<String> words = Words.split(line).stream().map(Words.Word::text).toList();
        if (words.isEmpty()) {
            return true;
        }
        LineAnalysis analysis = LineAnalysis.of(model, words);
        int ci = analysis.commandIndex();
        String command = ci < 0 ? "" : words.get(ci);
        List<String> rest = ci < 0 ? List.of() : words.subList(ci + 1, words.size());
        switch (command) {
            case "exit", "quit" -> {
                return false;
            }
            case "help" -> help(rest);
            case "theme" -> theme(rest);
            case "connect" -> connect(rest);
            case "graph" -> graph.run(rest);
            default -> {
                // --pager: this command's output through the pager, whatever the setting
                boolean paged = words.contains("--pager");
                List<String> args = paged ? words.stream().filter(w -> !w.equals("--pager")).toList() : words;
                output.pager(paged ? dev.retort.shell.cli.UserSettings.Pager.ALWAYS : settings.pager());
                try {
                    execute(globals.forLine(args, ci), CommandModel.printsSql(command, args));
                } finally {
                    output.pager(settings.pager());
                }
            }
        }
        refresh();
        return true;
    }

    private void execute(List<String> args, boolean sqlOutput) {
        StringWriter out = new StringWriter();
        session.redirect(new PrintWriter(out, true), new PrintWriter(output.live(out, sqlOutput), true));
        session.prompter(new ShellPrompter(reader, terminal, () -> styler, () -> output.showUnpaged(out, sqlOutput)));
        // Ctrl-C while a command runs: a migration routes it to its cancellation token (the
        // runner rolls back); anything else is interrupted
        Thread worker = Thread.currentThread();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, sig -> worker.interrupt());
        session.interrupts(action -> {
            Terminal.SignalHandler outer = terminal.handle(Terminal.Signal.INT, sig -> action.run());
            return () -> terminal.handle(Terminal.Signal.INT, outer);
        });
        try {
            dispatcher.applyAsInt(args);
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            Thread.interrupted();
            session.prompter(Prompter.NONE);
            output.show(out, sqlOutput);
        }
    }

    /**
     * {@code help [TOPIC]}: the CLI's own help pages (the same as {@code retort help}), in the
     * shell's theme and width, plus the shell's own commands.
     */
    private void help(List<String> rest) {
        String topic = rest.isEmpty() ? null : rest.get(0);
        if ("graph".equals(topic)) {
            output.print(new AttributedString(GraphCommand.HELP));
            return;
        }
        if (topic != null && model.command(topic).filter(CommandModel.Command::shellOnly).isPresent()
                && !topic.equals("help")) {
            output.print(new AttributedString("" + topic + ": " + model.command(topic).get().description() + "\n"));
            return;
        }
        execute(globals.forLine(topic == null ? List.of("help") : List.of("help", topic), 0), false);
        if (topic != null) {
            return;
        }
        AttributedStringBuilder sb = new AttributedStringBuilder();
        styler.append(sb, Role.HEADING, dev.retort.shell.cli.CommandHelp.Group.SHELL.title() + ":").append("\n");
        int width = model.commands().stream().mapToInt(c -> c.name().length()).max().orElse(8) + 4;
        for (CommandModel.Command c : model.commands()) {
            if (!c.shellOnly() || c.name().equals("help")) {
                continue;
            }
            sb.append("  ");
            styler.append(sb, Role.COMMAND, c.name());
            sb.append(" ".repeat(Math.max(2, width - 2 - c.name().length())));
            sb.append(c.description()).append("\n");
        }
        sb.append("\n");
        styler.append(sb, Role.MUTED, "Tab completes commands, options and revisions; "
                + "Ctrl-C clears the line or stops a command; Ctrl-D leaves.").append("\n");
        output.print(sb.toAttributedString());
    }

    private void theme(List<String> rest) {
        if (rest.isEmpty()) {
            AttributedStringBuilder sb = new AttributedStringBuilder();
            for (String name : themes.names()) {
                boolean current = name.equals(styler.theme().name());
                sb.append(current ? "* " : "  ");
                styler.append(sb, current ? Role.CURRENT : Role.MESSAGE, name).append("\n");
            }
            output.print(sb.toAttributedString());
            return;
        }
        try {
            styler = styler.withTheme(themes.load(rest.get(0)));
            applyCompletionStyles();
            output.print(styler.text(Role.SUCCESS, "theme " + styler.theme().name() + "\n"));
            rememberTheme(styler.theme().name());
        } catch (ThemeException e) {
            output.error("FAILED: " + e.getMessage());
        }
    }

    /** Offers to keep {@code name} in the user's settings.ini, unless it is what is kept already. */
    private void rememberTheme(String name) {
        if (settings.theme().orElse(ThemeCatalog.DEFAULT_THEME).equals(name) && !environment.containsKey("RETORT_THEME")) {
            return;
        }
        java.nio.file.Path file = dev.retort.shell.cli.UserSettings.file(environment);
        ShellPrompter ask = new ShellPrompter(reader, terminal, () -> styler, () -> { });
        if (ask.confirm("Use " + name + " from now on (theme = " + name + " in " + file + ")?")) {
            try {
                dev.retort.shell.cli.UserSettings.remember(environment, "theme", name);
                output.print(styler.text(Role.MUTED, "remembered in " + file + "\n"));
            } catch (RuntimeException e) {
                output.error("FAILED: " + e.getMessage());
            }
        }
    }

    private void connect(List<String> rest) {
        if (rest.size() != 1) {
            output.error("usage: connect URL");
            return;
        }
        globals.set("--url", rest.get(0));
        refresh();
        output.print(new AttributedStringBuilder().append("connected to ")
                .styled(styler.style(Role.PROMPT_ENVIRONMENT), snapshot.database()).append("\n").toAttributedString());
    }

    /** JLine's completion list in the theme's styles (and plain when colour is off). */
    private void applyCompletionStyles() {
        String starting = styler.styleSpec(Role.REVISION_ID);
        String description = styler.styleSpec(Role.MUTED);
        String group = styler.styleSpec(Role.HEADING);
        // the menu's selection stays visible (reverse video) even with colour off
        String selection = styler.policy().enabled() ? styler.styleSpec(Role.SELECTION) : "inverse";
        reader.setVariable(LineReader.COMPLETION_STYLE_STARTING, starting);
        reader.setVariable(LineReader.COMPLETION_STYLE_LIST_STARTING, starting);
        reader.setVariable(LineReader.COMPLETION_STYLE_DESCRIPTION, description);
        reader.setVariable(LineReader.COMPLETION_STYLE_LIST_DESCRIPTION, description);
        reader.setVariable(LineReader.COMPLETION_STYLE_GROUP, group);
        reader.setVariable(LineReader.COMPLETION_STYLE_LIST_GROUP, group);
        reader.setVariable(LineReader.COMPLETION_STYLE_SELECTION, selection);
        reader.setVariable(LineReader.COMPLETION_STYLE_LIST_SELECTION, selection);
        reader.setVariable(LineReader.COMPLETION_STYLE_BACKGROUND, "fg:default");
        reader.setVariable(LineReader.COMPLETION_STYLE_LIST_BACKGROUND, "fg:default");
    }

    /** Reads the state again and redraws the status line. */
    void refresh() {
        snapshot = state.refresh();
        Status status = Status.getStatus(terminal, true);
        if (status != null) {
            status.update(List.of(statusLine()));
        }
    }

    /** {@code retort sample-env (b26e0d4f8a31 f05e8a1c2b37)> }: environment and current heads. */
    AttributedString prompt() {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        styler.append(sb, Role.PROMPT, "retort ");
        styler.append(sb, Role.PROMPT_ENVIRONMENT, snapshot.environment());
        List<String> heads = snapshot.currentHeads();
        if (heads != null) {
            sb.append(' ');
            styler.append(sb, Role.PROMPT, "(");
            if (heads.isEmpty()) {
                styler.append(sb, Role.SYMBOL, "base");
            } else if (heads.size() > 3) {
                styler.append(sb, Role.CURRENT, heads.size() + " heads");
            } else {
                styler.append(sb, Role.CURRENT, String.join(" ", heads));
            }
            styler.append(sb, Role.PROMPT, ")");
        }
        styler.append(sb, Role.PROMPT, "> ");
        return sb.toAttributedString();
    }

    /** The status line: database (password masked), current heads, pending steps. */
    AttributedString statusLine() {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        sb.style(styler.style(Role.STATUS));
        sb.append(" db ").append(snapshot.database().isEmpty() ? "(none)" : snapshot.database());
        sb.append("  |  heads ");
        List<String> heads = snapshot.currentHeads();
        sb.append(heads == null ? "?" : heads.isEmpty() ? "base" : String.join(", ", heads));
        sb.append("  |  ");
        sb.append(snapshot.pending() < 0 ? "pending ?" : snapshot.pending() + " pending");
        if (!snapshot.partial().isEmpty()) {
            // a step an earlier run left half done: the next upgrade resumes it
            sb.append("  |  partly applied ").append(String.join(", ", snapshot.partial()));
        }
        sb.append(' ');
        return sb.toAttributedString();
    }

    Styler styler() {
        return styler;
    }

    /** Builds a {@link Repl}. */
    public static final class Builder {
        private Terminal terminal;
        private Session session;
        private ToIntFunction<List<String>> dispatcher;
        private CommandModel model;
        private ShellState state;
        private ThemeCatalog themes;
        private String theme = ThemeCatalog.DEFAULT_THEME;
        private ColorMode colorMode = ColorMode.AUTO;
        private Map<String, String> environment = Map.of();
        private Path historyFile;
        private GlobalArgs globals;
        private dev.retort.shell.cli.UserSettings settings;

        /** The user's settings (history size, pager); defaults when not given. */
        public Builder settings(dev.retort.shell.cli.UserSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder terminal(Terminal terminal) {
            this.terminal = terminal;
            return this;
        }

        /** The CLI session commands run in; the shell redirects its output and installs a prompter. */
        public Builder session(Session session) {
            this.session = session;
            return this;
        }

        /** Runs one command line (global options first) and returns its status: the CLI. */
        public Builder dispatcher(ToIntFunction<List<String>> dispatcher) {
            this.dispatcher = dispatcher;
            return this;
        }

        public Builder model(CommandModel model) {
            this.model = model;
            return this;
        }

        /** Defaults to reading the session. */
        public Builder state(ShellState state) {
            this.state = state;
            return this;
        }

        public Builder themes(ThemeCatalog themes, String initialTheme) {
            this.themes = themes;
            this.theme = initialTheme;
            return this;
        }

        public Builder color(ColorMode mode, Map<String, String> environment) {
            this.colorMode = mode;
            this.environment = Map.copyOf(environment);
            return this;
        }

        public Builder historyFile(Path historyFile) {
            this.historyFile = historyFile;
            return this;
        }

        /** The global options the shell started with; every line runs with them. */
        public Builder globalOptions(GlobalOptions options) {
            this.globals = GlobalArgs.of(options);
            return this;
        }

        Builder globals(GlobalArgs globals) {
            this.globals = globals;
            return this;
        }

        /** @throws ThemeException when the initial theme cannot be loaded */
        public Repl build() {
            return new Repl(this);
        }
    }
}
