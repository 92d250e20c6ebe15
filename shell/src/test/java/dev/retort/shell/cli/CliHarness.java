package dev.retort.shell.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in process on a project directory and keeps what it printed. */
final class CliHarness {

    record Run(int exit, String out, String err) {}

    final Path root;
    final Map<String, String> env = new HashMap<>(Map.of("NO_COLOR", "1"));
    /** Where Retort is installed (the launcher's -Dretort.home): the sample fallback looks there. */
    Path home;
    /** Run as the shell runs a command line (a session that may ask), rather than the one-shot CLI. */
    boolean interactive;

    CliHarness(Path root) {
        this.root = root;
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (Session s = new Session(root, env, new PrintWriter(out), new PrintWriter(err), interactive)) {
            if (home != null) {
                s.home(home);
            }
            code = new Cli(s, (session, options) -> 2).execute(args);
        }
        return new Run(code, out.toString(), err.toString());
    }

    /** A project with retort.ini on a SQLite file and the given scripts (name -> text). */
    static CliHarness project(Path root, Map<String, String> scripts) throws IOException {
        Files.createDirectories(root.resolve("migrations/versions"));
        Files.writeString(root.resolve("retort.ini"),
                "[retort]\nscript_location = %(here)s/migrations\nurl = sqlite:///%(here)s/app.db\n");
        for (var e : scripts.entrySet()) {
            Files.writeString(root.resolve("migrations/versions").resolve(e.getKey()), e.getValue());
        }
        return new CliHarness(root);
    }

    static String script(String id, String down, String message, String upgrade, String downgrade) {
        return "-- " + message + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + down
                + "\n-- Create Date: 2026-01-01 00:00:00.000000\n\n-- retort:upgrade\n" + upgrade + "\n"
                + (downgrade == null ? "" : "\n-- retort:downgrade\n" + downgrade + "\n");
    }
}
