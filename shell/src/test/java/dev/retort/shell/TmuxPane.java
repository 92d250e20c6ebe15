package dev.retort.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One tmux pane on a tmux server of its own (other builds on the machine use tmux too), driven
 * as a person would: keys typed with send-keys, the screen read back with capture-pane. For the
 * journey tests of the shell, the panel and the launcher.
 */
public final class TmuxPane implements AutoCloseable {

    private final String server;

    /** @param name a name unique to the test (the process id is appended) */
    public TmuxPane(String name) {
        this.server = name + "-" + ProcessHandle.current().pid();
    }

    /** Whether tmux runs on this machine. */
    public static boolean available() {
        try {
            return run(List.of("tmux", "-V")) == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Starts {@code command} (run by tmux's shell) in a detached pane of the given size, kept after it exits. */
    public void start(int columns, int rows, String command) throws Exception {
        if (tmux("new-session", "-d", "-s", server, "-x", Integer.toString(columns), "-y", Integer.toString(rows),
                command) != 0) {
            throw new AssertionError("tmux could not start: " + command);
        }
        tmux("set-option", "-t", server, "remain-on-exit", "on");
    }

    /** Starts {@code command} (program and arguments) in {@code directory}, in a detached pane of the given size. */
    public void start(int columns, int rows, Path directory, List<String> command) throws Exception {
        List<String> args = new ArrayList<>(List.of("new-session", "-d", "-s", server, "-x", Integer.toString(columns),
                "-y", Integer.toString(rows)));
        if (directory != null) {
            args.addAll(List.of("-c", directory.toString()));
        }
        args.addAll(command);
        if (tmux(args.toArray(String[]::new)) != 0) {
            throw new AssertionError("tmux could not start: " + command);
        }
    }

    /** Resizes the window, as a person dragging the terminal's corner. */
    public void resize(int columns, int rows) throws Exception {
        tmux("resize-window", "-t", server, "-x", Integer.toString(columns), "-y", Integer.toString(rows));
    }

    public void keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", server));
        args.addAll(List.of(keys));
        if (tmux(args.toArray(String[]::new)) != 0) {
            throw new AssertionError("tmux send-keys failed: " + List.of(keys));
        }
    }

    /** The visible screen; with {@code escapes}, with its colour escape sequences. */
    public String capture(boolean escapes) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", server, "capture-pane", "-p", "-t", server));
        if (escapes) {
            cmd.add("-e");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return s;
    }

    public String capture() throws Exception {
        return capture(false);
    }

    /** Waits up to {@code seconds} until the screen satisfies {@code condition}; fails showing the screen. */
    public void await(String what, int seconds, Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
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

    /** The last non-blank line of a screen (the status line, or the prompt). */
    public static String lastLine(String screen) {
        List<String> lines = screen.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    /** Copies a directory tree, leaving out the sample's database files. */
    public static void copyEnvironment(Path from, Path to) throws IOException {
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

    private int tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", server));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    private static int run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    @Override
    public void close() throws Exception {
        tmux("kill-server");
    }
}
