package dev.retort.shell.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * The newcomer's first minutes, as a person at a terminal has them, through the real
 * {@code ./retort} launcher and the jar this build packaged (so it runs in {@code verify},
 * after {@code package}): the shell opens on the sample, {@code heads} shows two heads, a
 * four-character prefix completes, {@code upgrade +1} shows its SQL and asks, {@code y}
 * applies it, {@code current} and the status line move, {@code theme light} changes the
 * colours, and Ctrl-D leaves with status 0 and the terminal as it was.
 */
class LauncherJourneyIT {

    @TempDir
    Path tmp;

    private final String server = "retort-launcher-" + ProcessHandle.current().pid();
    private Path launcher;

    @BeforeEach
    void start() throws Exception {
        boolean haveTmux = run("tmux", "-V") == 0;
        if (!haveTmux && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("tmux is needed for the journey tests (.ci/run installs it)");
        }
        assumeTrue(haveTmux, "tmux is not installed: journey skipped");
        Path root = Path.of(System.getProperty("retort.root", "..")).toAbsolutePath().normalize();
        launcher = root.resolve("retort");
        assertTrue(Files.isExecutable(launcher), launcher + " is the README's first command");
        // the sample, as the README's first command opens it, but in a directory of its own
        Path sample = tmp.resolve("shop");
        copy(root.resolve("sample-env"), sample);
        Path script = tmp.resolve("run.sh");
        Files.writeString(script, "export TERM=xterm-256color LANG=C.UTF-8 HOME='" + tmp + "'\n"
                + "unset NO_COLOR RETORT_CONFIG CLICOLOR_FORCE\ncd '" + sample + "'\ntrap true INT\n"
                + "stty -a > '" + tmp.resolve("stty.before") + "'\n"
                + "'" + launcher + "'\necho \"shell exited $?\"\n"
                + "stty -a > '" + tmp.resolve("stty.after") + "'\nsleep 60\n");
        assertEquals(0, tmux("new-session", "-d", "-s", server, "-x", "120", "-y", "32", "sh " + script));
        tmux("set-option", "-t", server, "remain-on-exit", "on");
        await("the first prompt on the sample", 90, s -> s.contains("retort shop (base)>"));
    }

    @AfterEach
    void stop() throws Exception {
        tmux("kill-server");
    }

    @Test
    void firstTenMinutes() throws Exception {
        keys("heads", "Enter");
        await("two heads", 20, s -> s.contains("b26e0d4f8a31 (payments) (head)") && s.contains("f05e8a1c2b37 (shipping) (head)"));

        keys("show b26e", "Tab");
        await("a 4-character prefix completed to its id", 20, s -> s.contains("show b26e0d4f8a31"));
        keys("C-u");

        await("the status line before", 20, s -> lastLine(s).contains("heads base") && lastLine(s).contains("20 pending"));
        keys("upgrade +1", "Enter");
        await("the SQL of the step", 20, s -> s.contains("CREATE TABLE customer") || lastLine(s).contains("output"));
        if (lastLine(capture(false)).contains("output")) {
            keys("q"); // long plans come in the pager
        }
        await("the question", 20, s -> s.contains("Apply 1 step(s) to sqlite:///") && s.contains("? [y/N]"));
        keys("y", "Enter");
        await("the new prompt", 20, s -> s.contains("retort shop (a1f3c09e7b2d)>"));
        await("the status line moved", 20, s -> lastLine(s).contains("heads a1f3c09e7b2d") && lastLine(s).contains("19 pending"));
        keys("current", "Enter");
        await("current agrees", 20, s -> s.lines().anyMatch(l -> l.strip().startsWith("a1f3c09e7b2d")
                && !l.contains(">")));

        String before = promptStyle(capture(true));
        keys("theme light", "Enter");
        await("the theme switched", 20, s -> s.contains("theme light"));
        String after = promptStyle(capture(true));
        assertNotEquals(before, after, "the prompt is drawn in other colours under the light theme");

        keys("C-d");
        await("the shell gone, status 0", 20, s -> s.contains("shell exited 0"));
        await("the terminal settings read again", 20, s -> Files.exists(tmp.resolve("stty.after")));
        Thread.sleep(200);
        String sttyBefore = Files.readString(tmp.resolve("stty.before"));
        String sttyAfter = Files.readString(tmp.resolve("stty.after"));
        assertEquals(modes(sttyBefore), modes(sttyAfter), "the terminal is as it was: echo, canonical mode, signals");
        assertFalse(modes(sttyAfter).contains("-icanon"), sttyAfter);
    }

    /** The local modes that a raw-mode program must give back (echo, icanon, isig, icrnl...). */
    private static String modes(String stty) {
        List<String> out = new ArrayList<>();
        for (String word : stty.split("\\s+")) {
            String w = word.replace(";", "");
            if (List.of("echo", "-echo", "icanon", "-icanon", "isig", "-isig", "icrnl", "-icrnl", "opost", "-opost",
                    "iexten", "-iexten").contains(w)) {
                out.add(w);
            }
        }
        return String.join(" ", out);
    }

    /** The escape sequences around the last prompt on the screen. */
    private static String promptStyle(String screenWithEscapes) {
        String last = "";
        for (String line : screenWithEscapes.split("\n")) {
            if (line.contains("retort") && line.contains(">")) {
                last = line;
            }
        }
        StringBuilder codes = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\u001b\\[[0-9;]*m").matcher(last);
        while (m.find()) {
            codes.append(m.group());
        }
        return codes.toString();
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
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", server));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    private String capture(boolean escapes) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", server, "capture-pane", "-p", "-t", server));
        if (escapes) {
            cmd.add("-e");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return s;
    }

    private static String lastLine(String screen) {
        List<String> lines = screen.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private void await(String what, int seconds, Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = capture(false);
            if (condition.test(screen)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited for " + what + "; the screen:\n" + screen);
    }

    private int tmux(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", server));
        cmd.addAll(List.of(args));
        return run(cmd.toArray(String[]::new));
    }

    private static int run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
