package dev.retort.shell.repl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import dev.retort.shell.TmuxPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code graph} as a person uses it: the real shell (the launcher's JVM flags, on a copy of
 * the sample environment) in a tmux pane, driven by send-keys and read back by capture-pane.
 *
 * <p>Runs {@code shell/target/retort.jar} when it is newer than every compiled class (a
 * {@code package} just ran), else {@code dev.retort.shell.Main} from this build's classes:
 * either way the code under test is this build's. Without tmux it is skipped, loudly, except
 * under {@code CI=true}, where a missing tmux fails it.
 */
class GraphTmuxJourneyTest {

    /** The launcher's flags for a small footprint (see ./retort). */
    private static final List<String> LAUNCHER_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:-UsePerfData", "-Xms8m", "-XX:MaxNewSize=8m", "-Xmx1g", "-Xss2m");

    private final TmuxPane pane = new TmuxPane("retort-graph");

    @TempDir
    Path dir;

    private Path env;

    @BeforeEach
    void start() throws Exception {
        boolean tmux = TmuxPane.available();
        if (!tmux) {
            String message = "tmux is not installed: skipping the graph journey in a real terminal";
            System.err.println("SKIPPED " + getClass().getSimpleName() + ": " + message);
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message + " (CI=true: install tmux)");
            }
            assumeTrue(false, message);
        }
        env = SessionPanelActionsTest.copySampleEnv(dir);
        List<String> cmd = new ArrayList<>(List.of("env", "TERM=xterm-256color", "LANG=C.UTF-8",
                "RETORT_HISTORY=" + dir.resolve("history")));
        List<String> shell = shellCommand();
        System.err.println(getClass().getSimpleName() + " runs " + shell.get(shell.size() - 1));
        cmd.addAll(shell);
        cmd.addAll(List.of("-c", env.resolve("retort.ini").toString()));
        pane.start(120, 40, env, cmd);
        pane.await("the prompt at base", 30, s -> s.contains("retort sample-env (base)>"));
    }

    @AfterEach
    void stop() throws Exception {
        if (TmuxPane.available()) {
            pane.close();
            Thread.sleep(500); // let the shell's JVM go before the temporary directory is deleted
        }
    }

    @Test
    void graphUpgradesFromThePanelAndThePromptAgreesAfterQ() throws Exception {
        pane.keys("graph", "Enter");
        pane.await("the panel", 30, s -> s.contains("Retort graph │ 20 revisions │ current: (base)"));
        assertFalse(pane.capture().contains("retort sample-env (base)>"), "the panel is on the alternate screen");

        pane.keys("G");
        pane.await("the base revision selected", 30, s -> rowOf(s, "a1f3c09e7b2d").startsWith("▶"));
        pane.keys("Enter");
        pane.await("its SQL", 30, s -> s.contains("-- upgrade (sqlite, line 10)") && s.contains("CREATE TABLE customer ("));

        pane.keys("u");
        pane.await("the preview and the question", 30, s -> s.contains("── upgrade a1f3c09e7b2d: 1 step(s), (none) -> a1f3c09e7b2d")
                && s.contains("-- Running upgrade  -> a1f3c09e7b2d")
                && s.contains("INSERT INTO retort_version (version_num) VALUES ('a1f3c09e7b2d');")
                && lastLineOf(s).startsWith("Apply this upgrade to a1f3c09e7b2d? [y/N]"));
        pane.keys("y");
        pane.await("applied", 30, s -> lastLineOf(s).startsWith("Upgraded to a1f3c09e7b2d")
                && s.contains("current: a1f3c09e7b2d") && rowOf(s, "a1f3c09e7b2d").contains("(current)"));

        pane.keys("k", "u");
        pane.await("the next preview", 30, s -> lastLineOf(s).startsWith("Apply this upgrade to 4b7e21d0c9a3?"));
        pane.keys("y");
        pane.await("the highlight moves up", 30, s -> rowOf(s, "4b7e21d0c9a3").contains("(current)")
                && !rowOf(s, "a1f3c09e7b2d").contains("(current)") && s.contains("current: 4b7e21d0c9a3"));

        pane.keys("q");
        pane.await("the prompt with the new head", 30, s -> s.contains("retort sample-env (4b7e21d0c9a3)>"));
        pane.await("the status line redrawn", 30, s -> lastLineOf(s).contains("heads 4b7e21d0c9a3")
                && lastLineOf(s).contains("18 pending"));

        pane.keys("current", "Enter");
        pane.await("current agrees", 30, s -> s.lines().anyMatch(l -> l.strip().equals("4b7e21d0c9a3")));
        pane.keys("heads", "Enter");
        pane.await("the prompt still works", 30, s -> s.contains("f05e8a1c2b37 (shipping) (head)"));
    }

    @Test
    void aCancelledPreviewRunsNothingAndLeavesTheLockFree() throws Exception {
        pane.keys("graph a1f3c09", "Enter");
        pane.await("the panel at the revision", 30, s -> rowOf(s, "a1f3c09e7b2d").startsWith("▶"));
        pane.keys("u");
        pane.await("the question", 30, s -> lastLineOf(s).startsWith("Apply this upgrade"));
        pane.keys("n");
        pane.await("cancelled", 30, s -> lastLineOf(s).startsWith("Cancelled: nothing was run"));
        pane.keys("q");
        pane.await("a new prompt, still at base", 30, s -> count(s, "retort sample-env (base)>") == 2);
        pane.keys("upgrade a1f3c09 --yes", "Enter");
        pane.await("the lock was released: a command can run", 30, s -> s.contains("retort sample-env (a1f3c09e7b2d)>"));
    }

    @Test
    void aCommandTypedRightAfterQInOneBurstRunsAtThePrompt() throws Exception {
        pane.keys("graph", "Enter");
        pane.await("the panel", 30, s -> s.contains("Retort graph │ 20 revisions │ current: (base)"));
        pane.keys("qheads", "Enter"); // one send-keys: the terminal delivers them together
        pane.await("heads typed after q ran at the prompt", 30, s -> s.contains("retort sample-env (base)> heads")
                && s.lines().anyMatch(l -> l.strip().equals("f05e8a1c2b37 (shipping) (head)"))
                && count(s, "retort sample-env (base)>") == 3);
    }

    /** The shell as the launcher starts it: this build's jar when fresh, else its classes. */
    private static List<String> shellCommand() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(LAUNCHER_FLAGS);
        cmd.add("-Dretort.home=" + root);
        Path jar = root.resolve("shell/target/retort.jar");
        if (Files.isRegularFile(jar) && Files.getLastModifiedTime(jar).compareTo(newestClass()) >= 0) {
            cmd.addAll(List.of("-jar", jar.toString()));
        } else {
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.retort.shell.Main"));
        }
        return cmd;
    }

    private static FileTime newestClass() throws IOException {
        FileTime newest = FileTime.fromMillis(0);
        try (Stream<Path> files = Files.walk(Path.of("target/classes"))) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                FileTime t = Files.getLastModifiedTime(p);
                if (t.compareTo(newest) > 0) {
                    newest = t;
                }
            }
        }
        return newest;
    }



    private static String lastLineOf(String screen) {
        List<String> lines = screen.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
    }

    /** The graph row of a revision: the list line holding its id (not the title, not the detail pane). */
    private static String rowOf(String screen, String id) {
        return screen.lines().filter(l -> (l.startsWith("▶ ") || l.startsWith("  ")) && l.contains(id + " ")
                && !l.contains("Revision ID")).findFirst().orElse("");
    }

    private static long count(String screen, String text) {
        return screen.lines().filter(l -> l.contains(text)).count();
    }


}
