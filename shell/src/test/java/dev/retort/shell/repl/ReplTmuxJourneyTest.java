package dev.retort.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retort.shell.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retort} with no command, on a fresh copy of the sample environment, in a real tmux
 * pane: typed at with send-keys and read back with capture-pane, as a person would use it.
 */
class ReplTmuxJourneyTest {

    private final String session = "retort-repl-" + ProcessHandle.current().pid();

    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(run("tmux", "-V") == 0, "tmux is not installed");
        Path sample = tmp.resolve("sample-env");
        copy(Path.of(System.getProperty("retort.root", "..")).resolve("sample-env"), sample);
        Files.deleteIfExists(sample.resolve("shop.db"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path script = tmp.resolve("run.sh");
        Files.writeString(script, "export TERM=xterm-256color LANG=C.UTF-8 HOME='" + tmp + "' RETORT_HISTORY='"
                + tmp.resolve("history") + "'\nunset NO_COLOR RETORT_CONFIG\n"
                // Ctrl-C reaches the whole foreground group; without a trap sh would quit after java
                + "trap true INT\n'" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' " + Main.class.getName() + " -c '" + sample.resolve("retort.ini") + "'\necho shell exited $?\nsleep 60\n");
        assertEquals(0, tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "30", "sh " + script));
        tmux("set-option", "-t", session, "remain-on-exit", "on");
        await("the first prompt", s -> s.contains("retort sample-env (base)>"));
    }

    @AfterEach
    void stop() throws Exception {
        tmux("kill-server");
    }

    @Test
    void completePreviewDeclineApplyAndLeave() throws Exception {
        await("the status line", s -> lastLine(s).contains("heads base  |  20 pending"));

        keys("show a1f3", "Tab");
        await("both revisions sharing the prefix, with messages",
                s -> s.contains("a1f37be04c51") && s.contains("(add inventory)") && s.contains("a1f3c09e7b2d"));
        keys("C-c");
        await("Ctrl-C clearing the line", s -> s.lines().anyMatch("retort sample-env (base)>"::equals));
        keys("upgrade e81d", "Enter");
        await("the plan in the pager", s -> s.contains("-- Running upgrade  -> a1f3c09e7b2d") && lastLine(s).contains("output"));
        keys("q");
        await("the question", s -> s.contains("Apply 9 step(s) to sqlite:///") && s.contains("shop.db? [y/N]"));
        keys("n", "Enter");
        await("nothing applied", s -> s.contains("Nothing applied"));
        assertTrue(lastLine(capture()).contains("20 pending"), capture());

        keys("upgrade e81d --yes", "Enter");
        await("the run's progress and the new prompt", s -> s.contains("Running upgrade 4b7e9a02d3f5 -> e81d5f3c7a24")
                && s.contains("retort sample-env (e81d5f3c7a24)>"));
        await("the status line refreshed", s -> lastLine(s).contains("heads e81d5f3c7a24  |  11 pending"));

        keys("connect sqlite:///" + tmp.resolve("other.db"), "Enter");
        await("the other database", s -> s.contains("connected to sqlite:///") && lastLine(s).contains("heads base"));

        keys("C-d");
        await("the shell gone", s -> s.contains("shell exited 0"));
        String history = Files.readString(tmp.resolve("history"));
        assertTrue(history.contains("upgrade e81d --yes"), history);
        assertFalse(history.contains("show a1f3"), "a line cleared with Ctrl-C is not history");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().startsWith("shop.db")) {
                    Files.copy(p, target);
                }
            }
        }
    }

    private void keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    private String capture() throws Exception {
        Process p = new ProcessBuilder("tmux", "-L", session, "capture-pane", "-p", "-t", session).redirectErrorStream(true).start();
        String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return s;
    }

    private static String lastLine(String screen) {
        List<String> lines = screen.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private void await(String what, Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = capture();
            if (condition.test(screen)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited for " + what + "; the screen:\n" + screen);
    }

    private int tmux(String... args) throws Exception {
        // a server of our own: other builds on this machine use tmux too
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", session));
        cmd.addAll(List.of(args));
        return run(cmd.toArray(String[]::new));
    }

    private static int run(String... cmd) throws Exception {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
