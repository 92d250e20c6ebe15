package dev.retort.shell;

import dev.retort.shell.cli.Cli;
import dev.retort.shell.cli.Session;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Entry point of the {@code retort} command: the one place that calls {@code System.exit}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        int code;
        try (Session session = new Session(Path.of("").toAbsolutePath(), System.getenv(), out, err, false)) {
            // a console means both ends are a terminal: colour by default only then
            session.terminalOutput(System.console() != null);
            session.width(Main::terminalWidth);
            String home = System.getProperty("retort.home");
            if (home != null && !home.isBlank()) {
                session.home(Path.of(home));
            }
            code = new Cli(session, Shells::open).execute(args);
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Columns of the controlling terminal, 0 when there is none (asked only by help pages). */
    private static int terminalWidth() {
        if (System.console() == null) {
            return 0;
        }
        try (org.jline.terminal.Terminal t = org.jline.terminal.TerminalBuilder.builder().system(true).dumb(true).build()) {
            return t.getWidth();
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }
}
