package dev.retort.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.Retort;
import dev.retort.engine.db.PreparedRun;
import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.RevisionMap;
import dev.retort.shell.cli.Cli;
import dev.retort.shell.cli.GlobalOptions;
import dev.retort.shell.cli.Session;
import dev.retort.shell.panel.GraphModel;
import dev.retort.shell.panel.GraphNode;
import dev.retort.shell.panel.PanelActions.Move;
import dev.retort.shell.panel.PanelActions.Preview;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The graph panel's actions on a copy of the sample environment (SQLite): what the panel
 * shows is what the commands would run, and what it applies is what it showed.
 */
class SessionPanelActionsTest {

    @TempDir
    Path dir;

    private Path env;
    private Session session;
    private GlobalOptions options;
    private SessionPanelActions actions;
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void copySample() throws IOException {
        env = copySampleEnv(dir);
        session = new Session(env, Map.of(), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), true);
        options = CommandLine.populateCommand(new GlobalOptions(), "-c", env.resolve("retort.ini").toString());
        actions = new SessionPanelActions(session, options);
    }

    @AfterEach
    void close() {
        actions.close();
        session.close();
    }

    /** Copies the repository's sample-env (without any database) into {@code dir}/sample-env. */
    static Path copySampleEnv(Path dir) throws IOException {
        Path source = Path.of(System.getProperty("retort.root", ".."), "sample-env").toAbsolutePath().normalize();
        if (!Files.isDirectory(source)) {
            source = Path.of("sample-env").toAbsolutePath();
        }
        Path target = dir.resolve("sample-env");
        dev.retort.shell.TmuxPane.copyEnvironment(source, target);
        return target;
    }

    @Test
    void detailHoldsHeaderPathAndTheSqliteSectionsNotThePostgresOnes() {
        String detail = actions.detail("c3d9e4b1a7f2");
        assertTrue(detail.startsWith("Rev: c3d9e4b1a7f2\n"), detail);
        assertTrue(detail.contains("Path: " + env.resolve("migrations/versions/c3d9e4b1a7f2_index_order_lines_by_product.sql")), detail);
        assertTrue(detail.contains("-- upgrade (sqlite, line 19)\n"
                + "CREATE INDEX IF NOT EXISTS ix_order_line_product ON order_line (product_id);\n"), detail);
        assertTrue(detail.contains("-- downgrade (sqlite"), detail);
        assertFalse(detail.contains("INDEX CONCURRENTLY"), "the postgresql sections are not sqlite's: " + detail);
        assertFalse(detail.contains("ALGORITHM"), "the mysql sections are not sqlite's: " + detail);
    }

    @Test
    void previewListsExactlyWhatApplyRunsAndTheDatabaseThenHoldsIt() throws SQLException {
        // up to a1f37be04c51 nothing is altered later, so SQLite's copy of each CREATE is the one sent
        Preview preview = actions.preview(Move.UPGRADE, "a1f37be04c51");
        assertTrue(preview.summary().startsWith("upgrade a1f37be04c51: 5 step(s), (none) -> a1f37be04c51"),
                preview.summary());
        String text = preview.text();
        List<String> creates = new ArrayList<>();
        for (String statement : statements(text)) {
            if (statement.toUpperCase(Locale.ROOT).startsWith("CREATE ")) {
                creates.add(statement);
            }
        }
        assertTrue(creates.size() >= 5, "the version table and five tables at least: " + creates);

        GraphModel after = preview.apply();

        assertEquals(List.of("a1f37be04c51"), rows("SELECT version_num FROM retort_version"));
        // SQLite keeps each CREATE's text as sent: every one shown in the preview ran, verbatim
        List<String> schema = rows("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL");
        for (String create : creates) {
            assertTrue(schema.contains(create), "ran as shown: " + create + "\nschema: " + schema);
        }
        GraphNode current = after.get(after.currentRows().get(0));
        assertEquals("a1f37be04c51", current.id());
        assertEquals(List.of("a1f37be04c51"), session.retort(options).current());
    }

    @Test
    void previewTextIsExactlyWhatDryRunPrints() {
        actions.preview(Move.UPGRADE, "a1f3c09e7b2d").apply();
        String panel = actions.preview(Move.UPGRADE, "a1f37be04c51").text();
        actions.close();
        StringWriter dryRun = new StringWriter();
        try (Session oneShot = new Session(env, Map.of("NO_COLOR", "1"), new PrintWriter(dryRun, true),
                new PrintWriter(new StringWriter(), true), false)) {
            assertEquals(0, new Cli(oneShot, (x, o) -> 2).execute("-c", env.resolve("retort.ini").toString(),
                    "upgrade", "a1f37be04c51", "--dry-run"));
        }
        assertTrue(panel.startsWith("-- Plan for sqlite:///"), panel);
        assertEquals(dryRun.toString(), panel);
    }

    @Test
    void previewStatementsAreTheRunsStatementsInOrder() {
        Retort retort = session.retort(options);
        try (PreparedRun run = retort.prepare(Retort.Direction.UPGRADE, "9d0c6e3a21f7")) {
            assertEquals(run.sql(), statements(retort.preview(run, List.of())));
        }
    }

    @Test
    void applicationsAreTheRevisionsAuditRowsNewestFirst() {
        actions.preview(Move.UPGRADE, "a1f37be04c51").apply();
        actions.preview(Move.DOWNGRADE, "base").apply();
        List<dev.retort.engine.api.HistoryEntry> runs = actions.applications("a1f37be04c51", 5);
        assertEquals(List.of("downgrade", "upgrade"), runs.stream().map(dev.retort.engine.api.HistoryEntry::direction).toList());
        assertTrue(runs.stream().allMatch(dev.retort.engine.api.HistoryEntry::succeeded), runs.toString());
        assertEquals(1, actions.applications("a1f37be04c51", 1).size());
    }

    @Test
    void downgradePreviewAfterAnUpgradeRunsTheDowngradeSections() throws SQLException {
        actions.preview(Move.UPGRADE, "7e2a4c1b9d66").apply();
        Preview down = actions.preview(Move.DOWNGRADE, "c3d91a7f5e08");
        assertTrue(down.text().contains("DROP TABLE order_line;"), down.text());
        GraphModel after = down.apply();
        assertEquals(List.of("c3d91a7f5e08"), rows("SELECT version_num FROM retort_version"));
        assertFalse(rows("SELECT name FROM sqlite_master WHERE type = 'table'").contains("order_line"));
        assertEquals("c3d91a7f5e08", after.get(after.currentRows().get(0)).id());
    }

    @Test
    void aDiscardedPreviewRunsNothingAndFreesTheLockForTheNext() throws SQLException {
        Preview first = actions.preview(Move.UPGRADE, "a1f3c09e7b2d");
        first.discard();
        assertFalse(Files.exists(env.resolve("shop.db")) && rows("SELECT name FROM sqlite_master").contains("customer"),
                "nothing ran");
        Preview second = actions.preview(Move.STAMP, "a1f3c09e7b2d");
        second.apply();
        assertEquals(List.of("a1f3c09e7b2d"), rows("SELECT version_num FROM retort_version"));
        assertFalse(rows("SELECT name FROM sqlite_master").contains("customer"), "a stamp runs no script");
    }

    @Test
    void aMoveWithNothingToDoIsRefusedAndReleasesTheLock() {
        actions.preview(Move.STAMP, "a1f3c09e7b2d").apply();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> actions.preview(Move.STAMP, "a1f3c09e7b2d"));
        assertEquals("Nothing to stamp: the database is already there (a1f3c09e7b2d)", e.getMessage());
        actions.preview(Move.UPGRADE, "4b7e21d0c9a3").apply();
    }

    @Test
    void mergeWritesAMergeRevisionThatAFreshLoadReads() {
        GraphModel after = actions.merge(List.of("b26e0d4f8a31", "f05e8a1c2b37"), "merge shipping into main");
        GraphNode merge = after.get(0);
        assertEquals(List.of("b26e0d4f8a31", "f05e8a1c2b37"), merge.parents());
        assertTrue(merge.head() && merge.mergePoint(), merge.toString());
        assertEquals("merge shipping into main", merge.message());
        assertTrue(out.toString().contains("Generating "), out.toString());

        try (Session fresh = new Session(env, Map.of(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false)) {
            RevisionMap map = fresh.map(options);
            Revision r = map.get(merge.id()).orElseThrow();
            assertEquals(List.of("b26e0d4f8a31", "f05e8a1c2b37"), r.downRevisions());
            assertEquals(List.of(merge.id()), map.heads().stream().map(Revision::id).toList());
        }
    }

    @Test
    void graphInScriptModeSaysItNeedsATerminalAndFails() throws IOException {
        StringWriter err = new StringWriter();
        try (Session s = new Session(env, Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                false)) {
            Cli cli = new Cli(s, (x, o) -> 2);
            ScriptMode mode = new ScriptMode(s, args -> cli.execute(args.toArray(String[]::new)),
                    CommandModel.of(cli.commandLine()), GlobalArgs.of(options));
            assertEquals(1, mode.run(new BufferedReader(new StringReader("heads\ngraph\n"))));
        }
        assertTrue(err.toString().contains("FAILED: graph needs a terminal"), err.toString());
    }

    /** The statements of a plan's text: comments and blank lines dropped, each up to its {@code ;}. */
    private static List<String> statements(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (current.length() == 0 && (line.startsWith("--") || line.isBlank())) {
                continue;
            }
            current.append(current.length() == 0 ? "" : "\n").append(line);
            if (line.endsWith(";")) {
                out.add(current.substring(0, current.length() - 1));
                current.setLength(0);
            }
        }
        return out;
    }

    @Test
    void aNoTransactionStepThatFailedPartWayIsReportedToThePanelUntilItResumes() throws Exception {
        Files.writeString(env.resolve("migrations/versions/ffff00000001_backfill.sql"), "-- backfill\n--\n"
                + "-- Revision ID: ffff00000001\n-- Revises: a1f3c09e7b2d\n-- Create Date: 2026-01-01 00:00:00.000000\n\n"
                + "-- retort:upgrade\n-- retort:no-transaction\nCREATE TABLE backfill (id INTEGER);\n"
                + "INSERT INTO backfill VALUES (1);\nINSERT INTO no_such_table VALUES (2);\n\n"
                + "-- retort:downgrade\nDROP TABLE backfill;\n");
        session.invalidate(); // sees the new script
        assertEquals(List.of(), actions.partialSteps());
        Preview up = actions.preview(Move.UPGRADE, "ffff00000001");
        assertThrows(RuntimeException.class, up::apply);

        List<dev.retort.engine.api.PartialStep> partial = actions.partialSteps();
        assertEquals(1, partial.size(), partial.toString());
        assertEquals("ffff00000001", partial.get(0).revision());
        assertEquals(2, partial.get(0).applied());
        assertEquals(3, partial.get(0).total());
        assertFalse(partial.get(0).inDoubt());

        Path script = env.resolve("migrations/versions/ffff00000001_backfill.sql");
        java.nio.file.attribute.FileTime dirTime = Files.getLastModifiedTime(script.getParent());
        // fixed in place, as nano or an IDE writes: the directory's time does not move
        Files.writeString(script, Files.readString(script).replace("no_such_table", "backfill"));
        Files.setLastModifiedTime(script.getParent(), dirTime);
        Preview resume = actions.preview(Move.UPGRADE, "ffff00000001");
        assertTrue(resume.text().contains("-- Resuming ffff00000001 at its 3rd statement (line 11)"), resume.text());
        assertFalse(resume.text().contains("CREATE TABLE backfill"), "the preview shows only what runs: " + resume.text());
        assertTrue(resume.text().contains("INSERT INTO backfill VALUES (2);"), resume.text());
        resume.apply();
        assertEquals(List.of(), actions.partialSteps());
        assertEquals(List.of("1", "2"), rows("SELECT id FROM backfill ORDER BY id"), "the 1st and 2nd ran once");
    }

    private List<String> rows(String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + env.resolve("shop.db"));
                ResultSet rs = c.createStatement().executeQuery(query)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
