package dev.retort.shell.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole hand-over as a person sees it: {@link PanelDemo} (a JLine REPL with a status
 * line) in a real tmux pane, driven by send-keys and read back by capture-pane.
 */
class PanelTmuxJourneyTest {
    private final String session = "retort-panel-" + ProcessHandle.current().pid();

    @BeforeEach
    void start() throws Exception {
        assumeTrue(tmux("-V") == 0, "tmux is not installed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        assertEquals(0, tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30",
                "env", "TERM=xterm-256color", "LANG=C.UTF-8", java, "-cp", cp, PanelDemo.class.getName()));
        await("the prompt", s -> s.contains("demo>"));
    }

    @AfterEach
    void stop() throws Exception {
        tmux("kill-session", "-t", session);
    }

    @Test
    void graphOpensFullScreenAndQGivesTheTerminalBackIntact() throws Exception {
        keys("echo before", "Enter");
        await("the echo", s -> s.contains("you typed: echo before"));
        assertTrue(lastLine().startsWith("demo status | current:"), "status line before: " + lastLine());

        keys("graph", "Enter", "j");
        await("the panel", s -> s.contains("Retort graph │ 9 revisions")
                && line(s, 5).startsWith("▶ ◉ │ │ ┆ b00000000005"));
        String panel = capture();
        assertFalse(panel.contains("demo status"), "the status line is hidden under the panel");
        assertFalse(panel.contains("echo before"), "the panel is on the alternate screen");
        assertTrue(line(panel, 2).startsWith("  ○─┬─╮   c0ffee000008 (mergepoint)"), panel);

        keys("/", "look");
        await("incremental search", s -> lastLineOf(s).equals("/look"));
        keys("C-c");
        await("Ctrl-C reaches the panel and cancels the search",
                s -> lastLineOf(s).startsWith("j/k move") && s.contains("Retort graph"));

        tmux("resize-window", "-t", session, "-x", "80", "-y", "24");
        await("the panel redrawn for 80x24", s -> s.lines().count() == 24 && lastLineOf(s).startsWith("j/k move")
                && lastLineOf(s).length() <= 80);

        keys("q");
        await("the prompt back", s -> s.contains("back from graph; current: b00000000006, b00000000005"));
        String after = capture();
        assertTrue(after.contains("you typed: echo before"), "the screen before the panel is restored");
        await("the status line redrawn at the new bottom", s -> lastLineOf(s).startsWith("demo status | current:"));

        keys("abc", "Left", "Left", "X", "Enter");
        await("line editing", s -> s.contains("you typed: aXbc"));
        keys("junk", "C-c");
        await("Ctrl-C at the prompt is JLine's again", s -> s.contains("(interrupted)"));
        keys("size", "Enter");
        await("JLine sees the resize", s -> s.contains("size 80x24"));
    }

    @Test
    void keysTypedWhileThePanelStartsAreNotLost() throws Exception {
        keys("graph", "Enter", "j", "j", "j");
        await("three moves", s -> line(s, 7).startsWith("▶") && line(s, 7).contains("a00000000003"));
        keys("Escape");
        await("the prompt back", s -> s.contains("back from graph"));
    }

    private void keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        assertEquals(0, tmux(args.toArray(String[]::new)));
    }

    private String capture() throws Exception {
        Process p = new ProcessBuilder("tmux", "capture-pane", "-p", "-t", session).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(5, TimeUnit.SECONDS);
        return out;
    }

    private String lastLine() throws Exception {
        return lastLineOf(capture());
    }

    private static String lastLineOf(String screen) {
        List<String> lines = screen.lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).stripTrailing();
    }

    private static String line(String screen, int row) {
        List<String> lines = screen.lines().toList();
        return row < lines.size() ? lines.get(row) : "";
    }

    private void await(String what, Predicate<String> ready) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = capture();
            if (ready.test(screen)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what + "; screen:\n" + screen);
    }

    private static int tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("tmux");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
