package dev.retort.shell.repl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retort.shell.Main;
import dev.retort.shell.TmuxPane;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retort} with no command, on a fresh copy of the sample environment, in a real tmux
 * pane: typed at with send-keys and read back with capture-pane, as a person would use it.
 */
class ReplTmuxJourneyTest {

    private final TmuxPane pane = new TmuxPane("retort-repl");

    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(TmuxPane.available(), "tmux is not installed");
        Path sample = tmp.resolve("sample-env");
        TmuxPane.copyEnvironment(Path.of(System.getProperty("retort.root", "..")).resolve("sample-env"), sample);
        Files.deleteIfExists(sample.resolve("shop.db"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path script = tmp.resolve("run.sh");
        Files.writeString(script, "export TERM=xterm-256color LANG=C.UTF-8 HOME='" + tmp + "' RETORT_HISTORY='"
                + tmp.resolve("history") + "'\nunset NO_COLOR RETORT_CONFIG\n"
                // Ctrl-C reaches the whole foreground group; without a trap sh would quit after java
                + "trap true INT\n'" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' " + Main.class.getName() + " -c '" + sample.resolve("retort.ini") + "'\necho shell exited $?\nsleep 60\n");
        pane.start(120, 30, "sh " + script);
        pane.await("the first prompt", 30, s -> s.contains("retort sample-env (base)>"));
    }

    @AfterEach
    void stop() throws Exception {
        pane.close();
    }

    @Test
    void completePreviewDeclineApplyAndLeave() throws Exception {
        pane.await("the status line", 30, s -> TmuxPane.lastLine(s).contains("heads base  |  20 pending"));

        pane.keys("show a1f3", "Tab");
        pane.await("both revisions sharing the prefix, with messages", 30,
                s -> s.contains("a1f37be04c51") && s.contains("(add inventory)") && s.contains("a1f3c09e7b2d"));
        pane.keys("C-c");
        pane.await("Ctrl-C clearing the line", 30, s -> s.lines().anyMatch("retort sample-env (base)>"::equals));
        pane.keys("upgrade e81d", "Enter");
        // the pager is off by default: the plan is printed, then the question under it
        pane.await("the plan, then the question", 30, s -> s.contains("-- Running upgrade 4b7e9a02d3f5 -> e81d5f3c7a24")
                && s.contains("Apply 9 step(s) to sqlite:///") && s.contains("shop.db? [y/N]"));
        pane.keys("n", "Enter");
        pane.await("nothing applied", 30, s -> s.contains("Nothing applied"));
        assertTrue(TmuxPane.lastLine(pane.capture()).contains("20 pending"), pane.capture());

        pane.keys("upgrade e81d --yes", "Enter");
        pane.await("the run's progress and the new prompt", 30, s -> s.contains("Running upgrade 4b7e9a02d3f5 -> e81d5f3c7a24")
                && s.contains("retort sample-env (e81d5f3c7a24)>"));
        pane.await("the status line refreshed", 30, s -> TmuxPane.lastLine(s).contains("heads e81d5f3c7a24  |  11 pending"));

        pane.keys("connect sqlite:///" + tmp.resolve("other.db"), "Enter");
        pane.await("the other database", 30, s -> s.contains("connected to sqlite:///") && TmuxPane.lastLine(s).contains("heads base"));

        pane.keys("C-d");
        pane.await("the shell gone", 30, s -> s.contains("shell exited 0"));
        String history = Files.readString(tmp.resolve("history"));
        assertTrue(history.contains("upgrade e81d --yes"), history);
        assertFalse(history.contains("show a1f3"), "a line cleared with Ctrl-C is not history");
    }
}
