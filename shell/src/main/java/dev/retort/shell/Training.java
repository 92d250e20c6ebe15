package dev.retort.shell;

import dev.retort.shell.cli.Cli;
import dev.retort.shell.cli.QuietLogging;
import dev.retort.shell.cli.Session;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training run of the launcher's start-up archives (the CDS class list on Java 17-23, the
 * AOT cache on Java 24+): several real one-shot commands in one JVM, on a throw-away copy of
 * the sample environment, so the archive holds the classes (and, with AOT, the linked lambdas
 * and profiles) of reading scripts, planning, offline SQL, the database, the lock, history and
 * JSON. An AOT cache is recorded from one process only, hence one process for all commands.
 *
 * <p>Usage: {@code Training CONFIG_FILE [read|db]} (the copy's {@code retort.ini}; {@code read}: the
 * read group's commands only, see {@link #READ_COMMANDS}; {@code db}: the light database
 * commands, {@link #DB_COMMANDS}); prints nothing.
 */
public final class Training {
    private Training() {}

    static final List<String> COMMANDS = List.of("heads", "history -v", "branches", "show payments@head", "upgrade heads --sql",
            "upgrade heads", "current -v", "status", "history --json", "downgrade -1", "upgrade +1", "heads --check");

    /**
     * The read group's training: the commands that read scripts only and print text. Its
     * archive holds only what they load, because a JDK 24+ AOT cache loads and links every class
     * it holds at start-up (a cache of every command's classes cost {@code heads} more than it
     * saved; bench/startup/README.md).
     */
    static final List<String> READ_COMMANDS = List.of("heads", "history", "branches", "show payments@head",
            "upgrade heads --sql", "heads --check");

    /**
     * The light database group's training: {@code current} and online {@code upgrade} and
     * {@code downgrade}, the commands scripts call at every deployment. Their archive leaves out
     * JSON, history, status and the offline renderer's classes, which the cache of every command
     * would load and link at each of their starts.
     */
    static final List<String> DB_COMMANDS = List.of("upgrade heads", "current", "current -v", "downgrade -1",
            "upgrade +1");

    public static void main(String[] args) {
        // as Main starts a one-shot command (the launcher passes -Dretort.tty): the archive then
        // holds neither java.util.logging nor the JDK's console providers, which no command loads
        QuietLogging.install(System.getenv());
        System.setProperty("retort.tty", "0");
        PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        String group = args.length > 1 ? args[1] : "";
        List<String> commands = switch (group) {
            case "read" -> READ_COMMANDS;
            case "db" -> DB_COMMANDS;
            default -> COMMANDS;
        };
        for (String command : commands) {
            List<String> argv = new ArrayList<>(List.of("-c", args[0]));
            argv.addAll(Arrays.asList(command.split(" ")));
            try (Session session = new Session(Path.of("").toAbsolutePath(), System.getenv(), sink, sink, false)) {
                new Cli(session, (s, o) -> 0).execute(argv.toArray(String[]::new));
            } catch (RuntimeException e) {
                // a training command that fails still trained what it loaded
            }
        }
        Main.bothEndsTerminal();
        Main.onlyDaemonThreadsLeft();
    }
}
