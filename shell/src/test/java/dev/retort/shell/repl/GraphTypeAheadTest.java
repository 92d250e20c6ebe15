package dev.retort.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.shell.cli.Cli;
import dev.retort.shell.cli.GlobalOptions;
import dev.retort.shell.cli.Session;
import dev.retort.shell.cli.UserSettings;
import dev.retort.themes.ColorMode;
import dev.retort.themes.ThemeCatalog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The panel's {@code q} followed at once by a command, as a fast typist (or a paste) sends
 * them: one burst of keys on piped streams into the real shell and the real commands, on a
 * copy of the sample environment. The terminal is JLine's external terminal on those streams
 * (as JLine's own tests use), presenting itself as xterm so that {@code graph} opens the
 * panel on it. Its reader holds the whole burst at once, as a system terminal's does after
 * one read of a paste, so the panel's input pump reads past {@code q} before {@code q} is
 * handled: exactly the case in which the keys after {@code q} used to be lost.
 */
@Timeout(60)
class GraphTypeAheadTest {

    @TempDir
    Path dir;

    private String type(String keys) throws Exception {
        Path env = SessionPanelActionsTest.copySampleEnv(dir);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        GlobalOptions options = CommandLine.populateCommand(new GlobalOptions(), "-c", env.resolve("retort.ini").toString());
        try (Session session = new Session(env, Map.of("NO_COLOR", "1"), new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true), true);
                ExternalTerminal terminal = new ExternalTerminal("test", "xterm-256color",
                        new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            terminal.setSize(new Size(120, 40));
            Cli cli = new Cli(session, (s, o) -> 2);
            Repl repl = Repl.builder().terminal(terminal).session(session)
                    .dispatcher(args -> cli.execute(args.toArray(String[]::new)))
                    .model(CommandModel.of(cli.commandLine()))
                    .globals(GlobalArgs.of(options))
                    .themes(new ThemeCatalog(dir.resolve("themes")), "dark")
                    .color(ColorMode.NEVER, Map.of("NO_COLOR", "1"))
                    .historyFile(dir.resolve("history"))
                    .settings(new UserSettings(dir.resolve("settings.ini"), Optional.empty(), UserSettings.Pager.NEVER, 100,
                            Optional.empty(), List.of()))
                    .build();
            assertEquals(0, repl.run());
        }
        return screen.toString(StandardCharsets.UTF_8).replaceAll("\u001b(\\[[0-9;?]*[A-Za-z]|[=>78])", "").replace("\r", "");
    }

    @Test
    void aCommandTypedRightAfterQRunsAtThePrompt() throws Exception {
        String screen = type("graph\nqheads\n");
        int panel = screen.indexOf("Retort graph");
        assertTrue(panel >= 0, "the panel opened: " + screen);
        int typed = screen.indexOf("(base)> heads", panel);
        assertTrue(typed > panel, "heads reached the prompt after the panel closed: " + screen.substring(panel));
        String output = screen.substring(typed);
        assertTrue(output.contains("\nf05e8a1c2b37 (shipping) (head)\n") && output.contains("\nb26e0d4f8a31 (payments) (head)\n"),
                "and ran: " + output);
    }

    @Test
    void keysHandledByThePanelStayThereAndOnlyWhatFollowsQReachesThePrompt() throws Exception {
        // j moves in the panel; had the panel given back more than what followed q, the
        // prompt would read 'jjqcurrent', which is no command
        String screen = type("graph\njjqcurrent\n");
        int panel = screen.indexOf("Retort graph");
        assertTrue(panel >= 0, screen);
        String after = screen.substring(panel);
        assertTrue(after.contains("(base)> current\n"), "current reached the prompt alone: " + after);
        assertFalse(after.contains("Unknown command"), after);
    }
}
