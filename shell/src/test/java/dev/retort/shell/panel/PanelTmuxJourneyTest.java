package dev.retort.shell.panel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import dev.retort.shell.TmuxPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole hand-over as a person sees it: {@link PanelDemo} (a JLine REPL with a status
 * line) in a real tmux pane, driven by send-keys and read back by capture-pane.
 */
class PanelTmuxJourneyTest {
    private final TmuxPane pane = new TmuxPane("retort-panel");

    @BeforeEach
    void start() throws Exception {
        assumeTrue(TmuxPane.available(), "tmux is not installed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        pane.start(100, 30, null, List.of("env", "TERM=xterm-256color", "LANG=C.UTF-8", java, "-cp", cp,
                PanelDemo.class.getName()));
        pane.await("the prompt", 20, s -> s.contains("demo>"));
    }

    @AfterEach
    void stop() throws Exception {
        pane.close();
    }

    @Test
    void graphOpensFullScreenAndQGivesTheTerminalBackIntact() throws Exception {
        pane.keys("echo before", "Enter");
        pane.await("the echo", 20, s -> s.contains("you typed: echo before"));
        assertTrue(lastLine().startsWith("demo status | current:"), "status line before: " + lastLine());

        pane.keys("graph", "Enter", "j");
        pane.await("the panel", 20, s -> s.contains("Retort graph │ 9 revisions")
                && line(s, 5).startsWith("▶ ◉ │ │ ┆ b00000000005"));
        String panel = pane.capture();
        assertFalse(panel.contains("demo status"), "the status line is hidden under the panel");
        assertFalse(panel.contains("echo before"), "the panel is on the alternate screen");
        assertTrue(line(panel, 2).startsWith("  ○─┬─╮   c0ffee000008 (mergepoint)"), panel);

        pane.keys("/", "look");
        pane.await("incremental search", 20, s -> lastLineOf(s).equals("/look"));
        pane.keys("C-c");
        pane.await("Ctrl-C reaches the panel and cancels the search", 20,
                s -> lastLineOf(s).startsWith("j/k move") && s.contains("Retort graph"));

        pane.resize(80, 24);
        pane.await("the panel redrawn for 80x24", 20, s -> s.lines().count() == 24 && lastLineOf(s).startsWith("j/k move")
                && lastLineOf(s).length() <= 80);

        pane.keys("q");
        pane.await("the prompt back", 20, s -> s.contains("back from graph; current: b00000000006, b00000000005"));
        String after = pane.capture();
        assertTrue(after.contains("you typed: echo before"), "the screen before the panel is restored");
        pane.await("the status line redrawn at the new bottom", 20, s -> lastLineOf(s).startsWith("demo status | current:"));

        pane.keys("abc", "Left", "Left", "X", "Enter");
        pane.await("line editing", 20, s -> s.contains("you typed: aXbc"));
        pane.keys("junk", "C-c");
        pane.await("Ctrl-C at the prompt is JLine's again", 20, s -> s.contains("(interrupted)"));
        pane.keys("size", "Enter");
        pane.await("JLine sees the resize", 20, s -> s.contains("size 80x24"));
    }

    @Test
    void keysTypedWhileThePanelStartsAreNotLost() throws Exception {
        pane.keys("graph", "Enter", "j", "j", "j");
        pane.await("three moves", 20, s -> line(s, 7).startsWith("▶") && line(s, 7).contains("a00000000003"));
        pane.keys("Escape");
        pane.await("the prompt back", 20, s -> s.contains("back from graph"));
    }



    private String lastLine() throws Exception {
        return lastLineOf(pane.capture());
    }

    private static String lastLineOf(String screen) {
        List<String> lines = screen.lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).stripTrailing();
    }

    private static String line(String screen, int row) {
        List<String> lines = screen.lines().toList();
        return row < lines.size() ? lines.get(row) : "";
    }


}
