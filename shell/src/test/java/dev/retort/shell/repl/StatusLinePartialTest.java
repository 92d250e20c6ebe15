package dev.retort.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.shell.cli.GlobalOptions;
import dev.retort.shell.cli.Session;
import dev.retort.shell.panel.PanelActions.Move;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The shell's status line on a real SQLite copy of the sample environment: a no-transaction
 * step that failed part-way shows as {@code partly applied 2/3 <rev>} until it completes.
 */
class StatusLinePartialTest {

    @TempDir
    Path dir;

    @Test
    void aStepLeftPartlyAppliedShowsOnTheStatusLineUntilItCompletes() throws Exception {
        Path env = SessionPanelActionsTest.copySampleEnv(dir);
        Path script = env.resolve("migrations/versions/ffff00000001_backfill.sql");
        Files.writeString(script, "-- backfill\n--\n-- Revision ID: ffff00000001\n-- Revises: a1f3c09e7b2d\n"
                + "-- Create Date: 2026-01-01 00:00:00.000000\n\n-- retort:upgrade\n-- retort:no-transaction\n"
                + "CREATE TABLE backfill (id INTEGER);\nINSERT INTO backfill VALUES (1);\n"
                + "INSERT INTO no_such_table VALUES (2);\n\n-- retort:downgrade\nDROP TABLE backfill;\n");
        GlobalOptions options = CommandLine.populateCommand(new GlobalOptions(), "-c", env.resolve("retort.ini").toString());
        try (Session session = new Session(env, Map.of(), new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true), true);
                SessionPanelActions actions = new SessionPanelActions(session, options)) {
            SessionShellState state = new SessionShellState(session, () -> options);
            assertEquals(List.of(), state.refresh().partial());
            assertThrows(RuntimeException.class, () -> actions.preview(Move.UPGRADE, "ffff00000001").apply());
            assertEquals(List.of("2/3 ffff00000001"), state.refresh().partial());

            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            try (DumbTerminal terminal = new DumbTerminal("test", "dumb", new ByteArrayInputStream(new byte[0]), screen,
                    StandardCharsets.UTF_8)) {
                Repl repl = Repl.builder().terminal(terminal).session(session).dispatcher(args -> 0)
                        .model(ReplCompleterTest.model()).state(state).globalOptions(options)
                        .historyFile(dir.resolve("h")).build();
                repl.refresh();
                assertTrue(repl.statusLine().toString().endsWith("  |  partly applied 2/3 ffff00000001 "),
                        repl.statusLine().toString());

                Files.writeString(script, Files.readString(script).replace("no_such_table", "backfill"));
                actions.preview(Move.UPGRADE, "ffff00000001").apply();
                repl.refresh();
                assertTrue(!repl.statusLine().toString().contains("partly applied"), repl.statusLine().toString());
            }
        }
    }
}
