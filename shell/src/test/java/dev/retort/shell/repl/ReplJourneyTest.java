package dev.retort.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.shell.cli.GlobalOptions;
import dev.retort.shell.cli.Session;
import dev.retort.themes.ColorMode;
import dev.retort.themes.ThemeCatalog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell driven as a person would, through JLine's dumb terminal on piped streams: keys in
 * (Tab, Enter, Ctrl-C, Ctrl-D), screen text out. The CLI behind it is a recording fake that
 * asks questions the way upgrade does, so these tests pin the shell, not the engine.
 */
@Timeout(20)
class ReplJourneyTest {

    @TempDir
    Path dir;

    /** What the fake CLI saw and answered. */
    private final List<List<String>> dispatched = new ArrayList<>();
    private final List<Boolean> answers = new ArrayList<>();

    private Session session;
    private dev.retort.shell.cli.UserSettings settings = new dev.retort.shell.cli.UserSettings(Path.of("none"),
            java.util.Optional.empty(), dev.retort.shell.cli.UserSettings.Pager.NEVER, 100, java.util.Optional.empty(), List.of());

    /**
     * Types {@code keys} into a shell on a terminal of {@code type}: {@code ansi} is a capable
     * terminal on piped streams (as JLine's own tests use), {@code dumb} is TERM=dumb.
     */
    private String run(String keys, Map<String, String> env, String type) throws IOException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        session = new Session(dir, env, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), true);
        try (DumbTerminal terminal = PipedTerminals.of(type, keys, screen, 160, 40)) {
            Repl repl = Repl.builder()
                    .terminal(terminal)
                    .session(session)
                    .dispatcher(this::fakeCli)
                    .model(ReplCompleterTest.model())
                    .state(SampleGraph.state("postgresql://ann:***@db/shop"))
                    .themes(new ThemeCatalog(dir.resolve("themes")), "dark")
                    .color(ColorMode.AUTO, env)
                    .historyFile(dir.resolve("history"))
                    .globalOptions(new GlobalOptions())
                    .settings(settings)
                    .build();
            assertEquals(0, repl.run());
        }
        Files.writeString(dir.resolve("screen"), screen.toString(StandardCharsets.UTF_8));
        return plain(screen.toString(StandardCharsets.UTF_8));
    }

    /** The screen without control sequences (JLine styles completion lists its own way). */
    private static String plain(String screen) {
        return screen.replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").replace("\r", "");
    }

    /** A capable terminal with NO_COLOR set, so the screen reads as plain text. */
    private String run(String keys) throws IOException {
        return run(keys, Map.of("NO_COLOR", "1"), "ansi");
    }

    private int fakeCli(List<String> args) {
        dispatched.add(List.copyOf(args));
        if (args.contains("upgrade") && !args.contains("--yes")) {
            session.out().println("-- Running upgrade 9d0c6e3a21f7 -> 5c4a8e2f1b90");
            session.out().println("CREATE TABLE payment (id INTEGER PRIMARY KEY);");
            boolean yes = session.prompter().confirm("Apply 1 step(s) to postgresql://ann:***@db/shop?");
            answers.add(yes);
            if (yes) {
                session.out().println("applied");
            }
        } else if (args.contains("boom")) {
            session.err().println("FAILED: Can't locate revision identified by 'boom'");
            return 1;
        } else {
            session.out().println("ran " + String.join(" ", args));
        }
        return 0;
    }

    @Test
    void tabCompletesAUniquePrefixBeforeTheLineRuns() throws IOException {
        run("show a1f37\t\n");
        assertEquals(List.of(List.of("show", "a1f37be04c51")), dispatched);
    }

    @Test
    void tabOnASharedPrefixListsBothCandidatesWithTheirMessages() throws IOException {
        String screen = run("show f05e\t\t\n");
        assertTrue(screen.contains("f05e2b8c4d19") && screen.contains("f05e8a1c2b37"), screen);
        assertTrue(screen.contains("add carriers"), screen);
        String raw = Files.readString(dir.resolve("screen"));
        assertFalse(raw.matches("(?s).*\u001b\\[[0-9;]*(3[0-9]|9[0-7]|4[0-9])m.*"), "NO_COLOR: no colour in the completion list either: " + raw);
    }

    @Test
    void yesAppliesThePlanShownBeforeTheQuestion() throws IOException {
        String screen = run("upgrade payments@head\ny\n");
        assertEquals(List.of(true), answers);
        int plan = screen.indexOf("CREATE TABLE payment");
        int question = screen.indexOf("Apply 1 step(s) to postgresql://ann:***@db/shop? [y/N]");
        assertTrue(plan >= 0 && question > plan, screen);
        assertTrue(screen.indexOf("applied") > question, screen);
    }

    @Test
    void enterOrNoAppliesNothing() throws IOException {
        String screen = run("upgrade heads\n\nupgrade heads\nno\n");
        assertEquals(List.of(false, false), answers);
        assertFalse(screen.lines().anyMatch("applied"::equals), screen);
    }

    @Test
    void ctrlCAtTheQuestionCancels() throws IOException {
        String screen = run("upgrade heads\n\u0003heads\n");
        assertEquals(List.of(false), answers);
        assertTrue(screen.contains("cancelled"), screen);
        assertEquals(List.of("heads"), dispatched.get(1), "the shell goes on after a cancelled question");
    }

    @Test
    void yesOptionSkipsTheQuestion() throws IOException {
        run("upgrade heads --yes\n");
        assertEquals(List.of(), answers);
        assertEquals(List.of("upgrade", "heads", "--yes"), dispatched.get(0));
    }

    @Test
    void ctrlCAtThePromptClearsTheLine() throws IOException {
        run("histo\u0003heads\n");
        assertEquals(List.of(List.of("heads")), dispatched);
    }

    @Test
    void ctrlDLeaves() throws IOException {
        run("heads\n\u0004history\n");
        assertEquals(List.of(List.of("heads")), dispatched);
    }

    @Test
    void exitLeaves() throws IOException {
        run("exit\nheads\n");
        assertEquals(List.of(), dispatched);
    }

    @Test
    void promptShowsEnvironmentAndCurrentHeads() throws IOException {
        String screen = run("");
        assertTrue(screen.contains("retort sample-env (9d0c6e3a21f7)> "), screen);
    }

    @Test
    void dumbTerminalGetsNoEscapeCodes() throws IOException {
        String screen = run("show a1f3\nshow boom\ntheme\n", Map.of(), "dumb");
        assertFalse(screen.contains("\u001b["), screen);
        assertTrue(screen.contains("FAILED: Can't locate revision identified by 'boom'"), screen);
    }

    @Test
    void themeSwitchesAndUnknownThemesAreRefused() throws IOException {
        String screen = run("theme mono\nn\ntheme\ntheme solarized\n");
        assertTrue(screen.contains("theme mono"), screen);
        assertTrue(screen.contains("* mono"), screen);
        assertTrue(screen.contains("FAILED: unknown theme 'solarized'"), screen);
    }

    @Test
    void connectReplacesTheUrlForLaterCommandsAndHistoryKeepsNoPassword() throws IOException {
        run("connect postgresql://ann:hunter2@db/shop\nheads\n");
        assertEquals(List.of("--url", "postgresql://ann:hunter2@db/shop", "heads"), dispatched.get(0));
        String history = Files.readString(dir.resolve("history"));
        assertTrue(history.contains("connect postgresql://ann:***@db/shop"), history);
        assertFalse(history.contains("hunter2"), history);
    }

    @Test
    void aLinesOwnGlobalOptionReplacesTheShells() throws IOException {
        run("connect sqlite:///a.db\n--url sqlite:///b.db heads\n");
        assertEquals(List.of("--url", "sqlite:///b.db", "heads"), dispatched.get(0));
    }

    @Test
    void helpListsCommandsAndHelpCommandAsksTheCli() throws IOException {
        String screen = run("help\nhelp history\n");
        assertTrue(screen.contains("In the shell:") && screen.contains("connect") && screen.contains("Ctrl-D leaves"), screen);
        assertEquals(List.of(List.of("help"), List.of("help", "history")), dispatched);
    }

    @Test
    void statusLineShowsMaskedDatabaseHeadsAndPendingCount() throws IOException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        session = new Session(dir, Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), true);
        try (DumbTerminal terminal = new DumbTerminal("test", "dumb", new ByteArrayInputStream(new byte[0]), screen, StandardCharsets.UTF_8)) {
            Repl repl = Repl.builder().terminal(terminal).session(session).dispatcher(this::fakeCli)
                    .model(ReplCompleterTest.model()).state(SampleGraph.state("postgresql://ann:***@db/shop"))
                    .globalOptions(new GlobalOptions()).historyFile(dir.resolve("h")).build();
            repl.refresh();
            assertEquals(" db postgresql://ann:***@db/shop  |  heads 9d0c6e3a21f7  |  11 pending ", repl.statusLine().toString());
        }
    }

    @Test
    void answersToQuestionsAreNotHistory() throws IOException {
        run("upgrade payments@head\ny\nheads\n");
        List<String> lines = Files.readAllLines(dir.resolve("history"));
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith("upgrade payments@head") && lines.get(1).endsWith("heads"), lines.toString());
    }

    @Test
    void passwordsNeverReachTheHistoryFile() throws IOException {
        run("upgrade heads --url \"postgresql://u:Typed Secret13@h/db\"\nn\n"
                + "connect postgresql://u:Typed/Secret4@h/db\n"
                + "connect postgresql://u:Typed?Secret5@h/db\n"
                + "connect postgresql://u:Typed#Secret17@h/db\n"
                + "connect 'jdbc:postgresql://h/db?user=u&password=Typed Secret9'\n"
                + "-x url=postgresql://u:Typed-Secret21@h/db heads\n");
        String bytes = new String(Files.readAllBytes(dir.resolve("history")), StandardCharsets.UTF_8);
        for (String secret : List.of("Secret13", "Secret4", "Secret5", "Secret17", "Secret9", "Secret21", "Typed")) {
            assertFalse(bytes.contains(secret), secret + " in the history file:\n" + bytes);
        }
        assertTrue(bytes.contains("connect postgresql://u:***@h/db"), bytes);
        // the three masked connect lines are one line now (consecutive duplicates are kept once)
        assertEquals(4, bytes.lines().count(), bytes);
    }

    @Test
    void historyFileKeepsAtMostTheConfiguredNumberOfLines() throws IOException {
        settings = new dev.retort.shell.cli.UserSettings(Path.of("none"), java.util.Optional.empty(),
                dev.retort.shell.cli.UserSettings.Pager.NEVER, 3, java.util.Optional.empty(), List.of());
        run("heads\nbranches\nhistory\ncurrent\nstatus\n");
        List<String> lines = Files.readAllLines(dir.resolve("history"));
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(2).endsWith("status"), lines.toString());
    }

    @Test
    void pagerIsOffByDefaultSoLongOutputStaysOnTheScreen() throws IOException {
        String screen = run("history\nheads\n");
        assertTrue(screen.contains("ran history") && screen.contains("ran heads"), screen);
        assertEquals(List.of(List.of("history"), List.of("heads")), dispatched);
    }

    @Test
    void historyFilesAreOnePerEnvironmentUnderTheStateDirectoryFromTheEnvironment() {
        Path a = HistoryFiles.forEnvironment(Map.of("XDG_STATE_HOME", "/state", "HOME", "/home/u"), Path.of("/p/one/retort.ini"));
        Path b = HistoryFiles.forEnvironment(Map.of("XDG_STATE_HOME", "/state", "HOME", "/home/u"), Path.of("/q/one/retort.ini"));
        assertTrue(a.startsWith(Path.of("/state/retort/history")) && a.getFileName().toString().startsWith("one-"), a.toString());
        assertFalse(a.equals(b));
        Path home = HistoryFiles.forEnvironment(Map.of("HOME", "/home/u"), Path.of("/p/one/retort.ini"));
        assertTrue(home.startsWith(Path.of("/home/u/.local/state/retort/history")), home.toString());
        assertEquals(Path.of("/x/h"), HistoryFiles.forEnvironment(Map.of("RETORT_HISTORY", "/x/h"), Path.of("/p/retort.ini")));
    }

    @Test
    void themeOffersToRememberItInTheUserSettings() throws IOException {
        Map<String, String> env = Map.of("NO_COLOR", "1", "XDG_CONFIG_HOME", dir.resolve("cfg").toString());
        String screen = run("theme light\ny\n", env, "ansi");
        assertTrue(screen.contains("Use light from now on"), screen);
        assertEquals("[retort]\ntheme = light\n", Files.readString(dir.resolve("cfg/retort/settings.ini")));
        assertEquals("light", dev.retort.shell.cli.UserSettings.load(env).theme().orElseThrow());
        List<String> history = Files.readAllLines(dir.resolve("history"));
        assertEquals(1, history.size(), history.toString());
    }
}
