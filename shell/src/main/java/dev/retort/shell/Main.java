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
            code = new Cli(session, Shells::open).execute(args);
        }
        out.flush();
        err.flush();
        System.exit(code);
    }
}
