package dev.retort.shell;

import dev.retort.shell.cli.Cli;
import dev.retort.shell.cli.QuietLogging;
import dev.retort.shell.cli.Session;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Entry point of the {@code retort} command: the one place that ends the process. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        QuietLogging.install(System.getenv());
        PrintWriter out = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        int code;
        try (Session session = new Session(Path.of("").toAbsolutePath(), System.getenv(), out, err, false)) {
            // a console means both ends are a terminal: colour by default only then
            session.terminalOutput(bothEndsTerminal());
            session.width(Main::terminalWidth);
            String home = System.getProperty("retort.home");
            if (home != null && !home.isBlank()) {
                session.home(Path.of(home));
            }
            code = new Cli(session, Shells::open).execute(args);
        }
        out.flush();
        err.flush();
        if (code == 0 && onlyDaemonThreadsLeft()) {
            // A normal return ends the JVM as System.exit(0) does (shutdown hooks included) but
            // without Runtime.exit's logging, which on Java 21+ starts System.Logger and
            // java.util.logging: a fifth of a one-shot command's CPU (bench/startup/README.md).
            return;
        }
        System.exit(code);
    }

    /**
     * Whether standard input and output are both a terminal, as {@code System.console() != null}
     * means. The launcher tests it in the shell ({@code -Dretort.tty}) because on Java 22+
     * {@code System.console()} loads and instantiates every console provider of the JDK.
     */
    static boolean bothEndsTerminal() {
        String tty = System.getProperty("retort.tty");
        if ("1".equals(tty)) {
            return true;
        }
        if ("0".equals(tty)) {
            return false;
        }
        return System.console() != null;
    }

    /** True when no thread but this one and daemons is alive: returning from main then ends the JVM. */
    static boolean onlyDaemonThreadsLeft() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n = root.enumerate(threads, true);
        if (n == threads.length) {
            return false; // more than we can see: be safe
        }
        Thread self = Thread.currentThread();
        for (int i = 0; i < n; i++) {
            Thread t = threads[i];
            if (t != self && t.isAlive() && !t.isDaemon()) {
                return false;
            }
        }
        return true;
    }

    /** Columns of the controlling terminal, 0 when there is none (asked only by help pages). */
    private static int terminalWidth() {
        if (!bothEndsTerminal()) {
            return 0;
        }
        try (org.jline.terminal.Terminal t = org.jline.terminal.TerminalBuilder.builder().system(true).dumb(true).build()) {
            return t.getWidth();
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }
}
