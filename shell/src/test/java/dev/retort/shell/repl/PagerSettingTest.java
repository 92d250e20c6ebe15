package dev.retort.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.shell.cli.GlobalOptions;
import dev.retort.shell.cli.Session;
import dev.retort.shell.cli.UserSettings;
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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jline.terminal.Size;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code pager} setting as a user meets it: written in {@code settings.ini} under
 * {@code XDG_CONFIG_HOME}, read as the launcher reads it ({@link UserSettings#load}), and the
 * shell driven through JLine's dumb terminal on piped streams (a capable terminal type, so
 * that it can page). Whether a command's output went through the pager shows in what happens
 * to the {@code q} typed after it: the pager takes it and closes; without a pager it is the
 * next command line. The CLI is a fake whose {@code history} prints 100 lines (taller than
 * the 40-row screen) and whose {@code heads} prints 2.
 */
@Timeout(30)
class PagerSettingTest {

    private static final String LONG = IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i + "\n")
            .collect(Collectors.joining());

    /** JLine's less shows the source's name in reverse video on its prompt line. */
    private static final String PAGER_PROMPT = "\u001b[7moutput";

    @TempDir
    Path dir;

    private final List<List<String>> dispatched = new ArrayList<>();
    private final List<Boolean> answers = new ArrayList<>();
    private Session session;

    /** Types {@code keys} into a shell whose user settings file holds {@code settings}. */
    private String run(String settings, String keys) throws IOException {
        Map<String, String> env = Map.of("NO_COLOR", "1", "XDG_CONFIG_HOME", dir.resolve("cfg").toString(),
                "HOME", dir.toString());
        if (settings != null) {
            Files.createDirectories(dir.resolve("cfg/retort"));
            Files.writeString(dir.resolve("cfg/retort/settings.ini"), "[retort]\n" + settings + "\n");
        }
        UserSettings loaded = UserSettings.load(env);
        assertEquals(List.of(), loaded.warnings());
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        session = new Session(dir, env, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), true);
        try (DumbTerminal terminal = new DumbTerminal("test", "ansi",
                new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            terminal.setSize(new Size(160, 40));
            Repl repl = Repl.builder().terminal(terminal).session(session).dispatcher(this::fakeCli)
                    .model(ReplCompleterTest.model()).state(SampleGraph.state("sqlite:///shop.db"))
                    .themes(new ThemeCatalog(dir.resolve("themes")), "dark").color(ColorMode.AUTO, env)
                    .historyFile(dir.resolve("history")).globalOptions(new GlobalOptions()).settings(loaded).build();
            assertEquals(0, repl.run());
        } finally {
            session.close();
        }
        return screen.toString(StandardCharsets.UTF_8).replace("\r", "");
    }

    private int fakeCli(List<String> args) {
        dispatched.add(List.copyOf(args));
        if (args.contains("history")) {
            session.out().print(LONG);
        } else if (args.contains("upgrade")) {
            session.out().print(LONG.replace("line", "-- plan line"));
            answers.add(session.prompter().confirm("Apply 100 step(s) to sqlite:///shop.db?"));
        } else {
            session.out().println("ran " + String.join(" ", args));
            session.out().println("second line");
        }
        return 0;
    }

    /** The pager took the q typed after the command: only the two commands reached the CLI. */
    private void assertPaged(String screen) {
        assertEquals(List.of(List.of("history"), List.of("heads")), dispatched, "q closed a pager: " + screen);
        assertStaysAfterThePager(screen);
    }

    /**
     * The pager showed the output (its prompt names the source, {@code output}), and after it
     * closed the whole output was printed once more, in order, before the next command's.
     */
    private static void assertStaysAfterThePager(String screen) {
        int pager = screen.indexOf(PAGER_PROMPT);
        int whole = screen.indexOf(LONG, Math.max(pager, 0));
        int next = screen.indexOf("ran heads");
        assertTrue(pager >= 0, "the pager's prompt: " + screen);
        assertTrue(whole > pager && whole < next, "all 100 lines stay on the screen after the pager: " + screen);
    }

    @Test
    void pagerAlwaysInTheSettingsFilePagesLongOutputAndShortOutputToo() throws IOException {
        String screen = run("pager = always", "history\nq\nheads\nq\n");
        assertPaged(screen);
        assertTrue(screen.indexOf(PAGER_PROMPT, screen.indexOf("> heads")) > 0, "heads paged as well: " + screen);
    }

    @Test
    void pagerAutoPagesOutputTallerThanTheScreen() throws IOException {
        String screen = run("pager = auto", "history\nq\nheads\n");
        assertPaged(screen);
    }

    @Test
    void pagerAutoLeavesOutputThatFitsAlone() throws IOException {
        String screen = run("pager = auto", "heads\nq\n");
        assertEquals(List.of(List.of("heads"), List.of("q")), dispatched, "no pager took the q: " + screen);
        assertFalse(screen.contains(PAGER_PROMPT), screen);
    }

    @Test
    void pagerNeverAndTheDefaultPrintLongOutputStraight() throws IOException {
        for (String settings : new String[] {"pager = never", null}) {
            dispatched.clear();
            Files.deleteIfExists(dir.resolve("cfg/retort/settings.ini"));
            String screen = run(settings, "history\nq\nheads\n");
            assertEquals(List.of(List.of("history"), List.of("q"), List.of("heads")), dispatched,
                    settings + ": no pager, so q is the next command: " + screen);
            assertEquals(1, count(screen, "line 100\n"), "printed once: " + settings);
            assertFalse(screen.contains(PAGER_PROMPT), screen);
        }
    }

    @Test
    void pagerOptionPagesOneCommandWhateverTheSetting() throws IOException {
        String screen = run("pager = never", "history --pager\nq\nheads\nhistory\nq\n");
        assertEquals(List.of(List.of("history"), List.of("heads"), List.of("history"), List.of("q")), dispatched,
                "--pager paged the first history only, and is not passed to the command: " + screen);
        assertStaysAfterThePager(screen);
    }

    @Test
    void aPlanIsPrintedInFullBeforeTheQuestionEvenWithPagerAlways() throws IOException {
        String screen = run("pager = always", "upgrade heads\ny\n");
        assertEquals(List.of(true), answers, "the y answered the question, no pager swallowed it: " + screen);
        int plan = screen.indexOf(LONG.replace("line", "-- plan line"));
        int question = screen.indexOf("Apply 100 step(s) to sqlite:///shop.db? [y/N]");
        assertTrue(plan >= 0 && question > plan, "the whole plan, then the question: " + screen);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
