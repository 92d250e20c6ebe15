package dev.retort.shell.repl;

import dev.retort.shell.cli.Cli;
import dev.retort.shell.cli.GlobalOptions;
import dev.retort.shell.cli.Session;
import dev.retort.themes.ColorMode;
import dev.retort.themes.ThemeCatalog;
import dev.retort.themes.ThemeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Starts the shell for {@code retort} with no command: on the terminal when there is one,
 * else in {@link ScriptMode}. Each line goes to a {@link Cli} over the same {@link Session},
 * so the shell runs exactly the one-shot commands.
 *
 * <p>Environment: {@code RETORT_THEME} picks the starting theme (else the user settings');
 * {@code RETORT_HISTORY} moves the history file (default: one per environment, see
 * {@link HistoryFiles}). With no configuration file where the
 * options point and none named explicitly, the shell opens the bundled sample environment.
 */
public final class ReplLauncher {
    private ReplLauncher() {}

    /** Runs the shell to its end and returns the process exit status. */
    public static int open(Session oneShot, GlobalOptions options) {
        // the shell's own session: interactive, so that moves show their plan and ask
        Session session = new Session(oneShot.workingDirectory(), oneShot.environment(), oneShot.out(), oneShot.err(), true);
        oneShot.home().ifPresent(session::home);
        try (session) {
            return run(session, options);
        }
    }

    private static int run(Session session, GlobalOptions options) {
        Cli cli = new Cli(session, (s, o) -> {
            s.err().println("retort: already in the shell");
            return 2;
        });
        CommandModel model = CommandModel.of(cli.commandLine());
        GlobalArgs globals = GlobalArgs.of(options);
        Map<String, String> env = session.environment();
        sampleFallback(session, globals, env);
        java.util.function.ToIntFunction<List<String>> dispatcher = args -> cli.execute(args.toArray(String[]::new));

        if (System.console() == null) {
            try {
                return new ScriptMode(session, dispatcher, model, globals)
                        .run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                session.err().println("FAILED: cannot read standard input: " + e.getMessage());
                return 1;
            }
        }
        Path home = dev.retort.shell.cli.UserSettings.home(env);
        dev.retort.shell.cli.UserSettings settings = dev.retort.shell.cli.UserSettings.load(env);
        settings.warnings().forEach(w -> session.err().println("retort: " + w));
        ThemeCatalog themes = ThemeCatalog.forUser(env, home);
        String theme = env.getOrDefault("RETORT_THEME", settings.theme().orElse(ThemeCatalog.DEFAULT_THEME));
        ColorMode color;
        try {
            color = ColorMode.parse(globals.get("--color") != null ? globals.get("--color") : settings.color().orElse("auto"));
        } catch (IllegalArgumentException e) {
            session.err().println("retort: error: " + e.getMessage());
            return 2;
        }
        Path history = HistoryFiles.forEnvironment(env, session.configFile(globals.toOptions()));
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("retort").build()) {
            Repl repl;
            try {
                repl = build(terminal, session, dispatcher, model, globals, themes, theme, color, env, history, settings);
            } catch (ThemeException e) {
                session.err().println("retort: " + e.getMessage() + "; using " + ThemeCatalog.DEFAULT_THEME);
                repl = build(terminal, session, dispatcher, model, globals, themes, ThemeCatalog.DEFAULT_THEME, color, env, history,
                        settings);
            }
            return repl.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Repl build(Terminal terminal, Session session, java.util.function.ToIntFunction<List<String>> dispatcher,
            CommandModel model, GlobalArgs globals, ThemeCatalog themes, String theme, ColorMode color,
            Map<String, String> env, Path history, dev.retort.shell.cli.UserSettings settings) {
        return Repl.builder().terminal(terminal).session(session).dispatcher(dispatcher).model(model)
                .globals(globals).themes(themes, theme).color(color, env).historyFile(history).settings(settings).build();
    }

    /**
     * With no {@code -c}, no {@code RETORT_CONFIG} and no {@code retort.ini} here, opens the
     * sample environment shipped beside the jar ({@link Session#sampleConfig()}), and says so.
     */
    static void sampleFallback(Session session, GlobalArgs globals, Map<String, String> env) {
        if (globals.get("--config") != null || env.containsKey("RETORT_CONFIG")
                || Files.exists(session.workingDirectory().resolve("retort.ini"))) {
            return;
        }
        java.util.Optional<Path> found = session.sampleConfig();
        if (found.isPresent()) {
            Path sample = found.get();
            globals.set("--config", sample.toString());
            session.err().println("retort: no retort.ini here; opening the sample environment " + sample);
            session.err().flush();
        }
    }
}
