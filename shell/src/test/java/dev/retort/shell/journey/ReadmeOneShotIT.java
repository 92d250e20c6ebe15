package dev.retort.shell.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retort.shell.TmuxPane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user on a fresh copy of the repository, in tmux, running the README's tour and every
 * command of its command table one-shot from the repository root (so on sample-env/), and
 * {@code --help} of each: no {@code FAILED} except where the README says a command fails
 * (an ambiguous prefix, {@code heads --check} with two heads).
 */
class ReadmeOneShotIT {

    @TempDir
    Path tmp;

    /** Commands as the README shows them, in an order that makes sense on one database. */
    private static final List<String> TOUR = List.of(
            "heads", "heads --check", "history -r base:a1f37", "show a1f3c", "upgrade +1", "upgrade payments@head --dry-run",
            "upgrade heads --yes", "status",
            // at heads, on the sample (before init makes ./retort.ini a new environment's)
            "check", "diff sqlite:///sample-env/shop.db sample-env/schema.sql", "lint", "lint --all --json",
            "downgrade shipping@-1", "current -v", "history -i", "branches -v",
            "show payments@head --json", "verify", "log -n 5", "list-templates", "upgrade base:heads --sql",
            "downgrade shipping@head:shipping@-1 --sql", "stamp heads --sql", "init ../newenv",
            "revision -m \"add notes\" --head payments@head", "merge heads -m \"merge shipping\"", "edit head",
            "upgrade heads", "help", "help settings", "help graph");
    /** Commands the README says fail, with the text they fail with. */
    private static final List<String> EXPECTED_FAILURES = List.of("show 4b7e");

    @Test
    void everyReadmeCommandRunsOneShotFromTheRepositoryRoot() throws Exception {
        boolean haveTmux = TmuxPane.available();
        if (!haveTmux && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("tmux is needed for the journey tests (.ci/run installs it)");
        }
        assumeTrue(haveTmux, "tmux is not installed: journey skipped");
        Path root = Path.of(System.getProperty("retort.root", "..")).toAbsolutePath().normalize();
        Path repo = tmp.resolve("retort");
        // a fresh copy: the sources, the launcher, the sample, and the jar this build packaged
        Process cp = new ProcessBuilder("sh", "-c", "mkdir -p '" + repo + "' && cd '" + root + "' && "
                + "tar cf - --exclude=.git --exclude='*/target/surefire*' --exclude='*/target/failsafe*' "
                + "--exclude='sample-env/shop.db*' --exclude='.retort-build*' . | (cd '" + repo + "' && tar xpf -)")
                .inheritIO().start();
        assertEquals(0, cp.waitFor());
        List<String> commands = new ArrayList<>(TOUR);
        for (String c : List.of("init", "list-templates", "revision", "merge", "upgrade", "downgrade", "stamp", "current",
                "history", "heads", "branches", "show", "edit", "status", "verify", "diff", "check", "lint", "log", "graph",
                "help")) {
            commands.add(c + " --help");
        }
        StringBuilder script = new StringBuilder("export TERM=xterm-256color LANG=C.UTF-8 HOME='" + tmp
                + "' EDITOR=true NO_COLOR=1\nunset RETORT_CONFIG XDG_CONFIG_HOME XDG_STATE_HOME\ncd '" + repo + "'\n");
        // on the sample, before init makes ./retort.ini a new environment's
        for (String c : EXPECTED_FAILURES) {
            script.append("./retort ").append(c).append(" > '").append(tmp.resolve("expected")).append("' 2>&1\n");
        }
        int n = 0;
        for (String c : commands) {
            n++;
            script.append("echo '$ ./retort ").append(c.replace("'", "")).append("' >> '").append(tmp.resolve("log"))
                    .append("'\n./retort ").append(c).append(" >> '").append(tmp.resolve("log")).append("' 2>&1 </dev/null; echo \"exit $?\" >> '")
                    .append(tmp.resolve("log")).append("'\n");
        }
        script.append("echo journey-done\nsleep 60\n");
        Files.writeString(tmp.resolve("run.sh"), script.toString());
        try (TmuxPane pane = new TmuxPane("retort-readme")) {
            pane.start(120, 40, "sh " + tmp.resolve("run.sh"));
            pane.await("every command run", 600, s -> s.contains("journey-done"));
        }
        String log = Files.readString(tmp.resolve("log"));
        List<String> failed = new ArrayList<>();
        String command = "";
        for (String line : log.lines().toList()) {
            if (line.startsWith("$ ./retort ")) {
                command = line;
            } else if (line.contains("FAILED") && !command.contains("heads --check")) {
                failed.add(command + "  ->  " + line);
            }
        }
        assertEquals(List.of(), failed, log);
        assertTrue(log.contains("(using sample-env/retort.ini)"), log);
        assertTrue(log.contains("Usage: retort upgrade"), log);
        for (String c : List.of("init", "list-templates", "revision", "merge", "downgrade", "stamp", "current", "history",
                "heads", "branches", "show", "edit", "status", "verify", "diff", "check", "lint", "log")) {
            assertTrue(log.contains("$ ./retort " + c + " --help\nUsage: retort " + c), c + " --help: " + log);
        }
        assertTrue(log.contains("$ ./retort graph --help\ngraph [REVISION]"), log);
        assertTrue(log.contains("No new upgrade operations detected."), "check after upgrade heads: " + log);
        assertTrue(log.contains("2 heads are present"), log);
        assertTrue(!log.contains("\u001b[0m\u001b[0m"), "no stray escape bytes");
        String expected = Files.readString(tmp.resolve("expected"));
        assertTrue(expected.contains("FAILED: Can't locate revision identified by '4b7e'")
                && expected.contains("4b7e21d0c9a3  create product catalogue"), expected);
        assertTrue(!Files.exists(repo.resolve("--help")), "init --help created ./--help");
    }
}
