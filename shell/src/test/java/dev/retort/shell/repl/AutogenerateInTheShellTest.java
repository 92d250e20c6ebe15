package dev.retort.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.retort.shell.cli.Cli;
import dev.retort.shell.cli.GlobalOptions;
import dev.retort.shell.cli.Session;
import dev.retort.shell.panel.GraphPanel;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code revision --autogenerate} in the shell, with the real CLI behind it on a SQLite file:
 * the candidate is shown coloured as a plan is, then asked about; the revision written is in
 * the {@code graph} panel of the same session at once (issue 12).
 */
@Timeout(60)
class AutogenerateInTheShellTest {

    @TempDir
    Path dir;

    private static String script(String id, String down, String message, String upgrade, String downgrade) {
        return "-- " + message + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + down
                + "\n-- Create Date: 2026-01-01 00:00:00.000000\n\n-- retort:upgrade\n" + upgrade + "\n\n-- retort:downgrade\n"
                + downgrade + "\n";
    }

    @BeforeEach
    void environment() throws Exception {
        Files.createDirectories(dir.resolve("migrations/versions"));
        Files.writeString(dir.resolve("retort.ini"), "[retort]\nscript_location = %(here)s/migrations\n"
                + "url = sqlite:///%(here)s/app.db\nschema = %(here)s/schema.sql\n");
        Files.writeString(dir.resolve("migrations/versions/aaaa1111_users.sql"), script("aaaa1111", "", "users",
                "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);", "DROP TABLE users;"));
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT);\n");
        try (Session s = new Session(dir, Map.of("NO_COLOR", "1"), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false)) {
            assertEquals(0, new Cli(s, (x, o) -> 2).execute("upgrade", "heads"));
        }
    }

    private GlobalOptions options() {
        return CommandLine.populateCommand(new GlobalOptions(), "-c", dir.resolve("retort.ini").toString());
    }

    /** Types {@code keys} into the real shell on {@code session} (colour forced unless NO_COLOR); the raw screen. */
    private static String repl(Session session, Map<String, String> env, GlobalOptions options, Path history, String keys)
            throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (DumbTerminal terminal = PipedTerminals.of("ansi", keys, screen, 200, 50)) {
            Cli cli = new Cli(session, (s, o) -> 2);
            Repl repl = Repl.builder().terminal(terminal).session(session)
                    .dispatcher(args -> cli.execute(args.toArray(String[]::new)))
                    .model(CommandModel.of(cli.commandLine())).globals(GlobalArgs.of(options))
                    .themes(new dev.retort.themes.ThemeCatalog(history.resolveSibling("themes")), "dark")
                    .color(env.containsKey("NO_COLOR") ? dev.retort.themes.ColorMode.AUTO : dev.retort.themes.ColorMode.ALWAYS, env).historyFile(history)
                    .settings(new dev.retort.shell.cli.UserSettings(Path.of("none"), java.util.Optional.empty(),
                            dev.retort.shell.cli.UserSettings.Pager.NEVER, 100, java.util.Optional.empty(), List.of()))
                    .build();
            assertEquals(0, repl.run());
        }
        return screen.toString(StandardCharsets.UTF_8);
    }

    private static String plain(String screen) {
        return screen.replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").replace("\r", "");
    }

    /** The panel of {@code session} on Lanterna's virtual terminal, as {@code graph} opens it: its screen. */
    private String panel(Session session) throws Exception {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(160, 40));
        try (SessionPanelActions actions = new SessionPanelActions(session, options())) {
            GraphPanel panel = GraphPanel.builder().terminal(terminal).model(actions.model()).actions(actions).build();
            panel.open();
            StringBuilder sb = new StringBuilder();
            for (int r = 0; r < terminal.getTerminalSize().getRows(); r++) {
                for (int c = 0; c < terminal.getTerminalSize().getColumns(); c++) {
                    TextCharacter ch = terminal.getCharacter(c, r);
                    sb.append(ch == null ? " " : ch.getCharacterString());
                }
                sb.append('\n');
            }
            panel.close();
            return sb.toString();
        }
    }

    private List<Path> scripts() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("migrations/versions"))) {
            return files.sorted().toList();
        }
    }

    @Test
    void theRevisionWrittenInTheShellIsInThePanelAtOnce() throws Exception {
        Map<String, String> env = Map.of("NO_COLOR", "1");
        try (Session session = new Session(dir, env, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                true)) {
            // the session has read the graph (heads, and the panel once) before the revision is written
            assertTrue(panel(session).contains("aaaa1111"));
            String screen = plain(repl(session, env, options(), dir.resolve("history"),
                    "heads\nrevision --autogenerate -m 'add email' --rev-id cccc3333\ny\n"));
            int candidate = screen.indexOf("ALTER TABLE users ADD COLUMN email TEXT;");
            int question = screen.indexOf("Write this revision? [y/N] y");
            assertTrue(candidate > 0 && question > candidate, "the candidate, then the question:\n" + screen);
            assertTrue(screen.indexOf("Generating ") > question, screen);
            assertEquals(2, scripts().size(), scripts().toString());

            String after = panel(session);
            assertTrue(after.lines().anyMatch(l -> l.contains("cccc3333") && l.contains("(head)") && l.contains("add email")),
                    "the new revision is the panel's head at once:\n" + after);
            assertTrue(after.contains("Retort graph │ 2 revisions"), after);
        }
    }

    @Test
    void theCandidateIsColouredAsAPlanIsAndNoWritesNothing() throws Exception {
        Map<String, String> env = Map.of();
        try (Session session = new Session(dir, env, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                true)) {
            String raw = repl(session, env, options(), dir.resolve("history"), "revision --autogenerate -m 'add email'\nn\n");
            String screen = plain(raw);
            assertTrue(screen.contains("ALTER TABLE users ADD COLUMN email TEXT;"), screen);
            assertTrue(screen.contains("Nothing written"), screen);
            // each keyword styled on its own, as SqlRoles styles a plan (the terminal's palette decides the colour)
            assertTrue(raw.matches("(?s).*\n\u001b\\[[0-9;]+mALTER\u001b\\[0?m \u001b\\[[0-9;]+mTABLE\u001b\\[0?m users .*"),
                    "the candidate's keywords styled as SQL:\n" + raw);
            assertEquals(1, scripts().size(), "no: nothing written");
        }
    }

    @Test
    void ctrlCAtTheQuestionWritesNothingAndTheShellGoesOn() throws Exception {
        Map<String, String> env = Map.of("NO_COLOR", "1");
        try (Session session = new Session(dir, env, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                true)) {
            String screen = plain(repl(session, env, options(), dir.resolve("history"),
                    "revision --autogenerate -m 'add email'\n\u0003heads\n"));
            int question = screen.indexOf("Write this revision? [y/N]");
            int nothing = screen.indexOf("Nothing written (answer yes, or pass --yes).");
            assertTrue(question > 0 && nothing > question, screen);
            assertTrue(screen.indexOf("aaaa1111 (head)", nothing) > nothing, "the next command runs:\n" + screen);
            assertEquals(1, scripts().size(), "Ctrl-C: nothing written");
        }
    }
}
