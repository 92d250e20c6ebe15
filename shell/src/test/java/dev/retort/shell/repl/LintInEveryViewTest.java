package dev.retort.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.retort.shell.cli.Cli;
import dev.retort.shell.cli.GlobalOptions;
import dev.retort.shell.cli.Session;
import dev.retort.shell.panel.GraphPanel;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * One plan, every view, as a person sees each: the shell's plan before the question (the REPL
 * on JLine's terminal, typing {@code upgrade heads} and answering no), the panel's preview (on
 * Lanterna's virtual terminal, {@code u} on the head), {@code --dry-run}, {@code --sql},
 * {@code lint --json}, the plan JSON of {@code --dry-run --json} and {@code status}: the same
 * findings, with the same facts wherever there is a database.
 */
@Timeout(60)
class LintInEveryViewTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = Map.of("NO_COLOR", "1");

    private static String script(String id, String down, String message, String upgrade, String downgrade) {
        return "-- " + message + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + down
                + "\n-- Create Date: 2026-01-01 00:00:00.000000\n\n-- retort:upgrade\n" + upgrade + "\n\n-- retort:downgrade\n"
                + downgrade + "\n";
    }

    private GlobalOptions options() {
        return CommandLine.populateCommand(new GlobalOptions(), "-c", dir.resolve("retort.ini").toString());
    }

    /** A one-shot command's standard output. */
    private String oneShot(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (Session s = new Session(dir, env, new PrintWriter(out), new PrintWriter(err), false)) {
            int exit = new Cli(s, (x, o) -> 2).execute(args);
            assertEquals(0, exit, () -> String.join(" ", args) + ": " + err);
        }
        return out.toString();
    }

    private static List<String> lintLines(String text) {
        return text.lines().map(String::strip).filter(l -> l.startsWith("-- lint ")).map(l -> l.substring(3)).toList();
    }

    private static String line(JsonNode f) {
        return "lint " + f.get("level").asText() + "[" + f.get("rule").asText() + "]: " + f.get("message").asText();
    }

    /** The warnings and errors (what previews show) of every step in a plan's JSON. */
    private static List<String> stepFindings(JsonNode steps) {
        List<String> out = new ArrayList<>();
        steps.forEach(step -> step.get("findings").forEach(f -> {
            if (!f.get("level").asText().equals("info")) {
                out.add(line(f));
            }
        }));
        return out;
    }

    /** Types {@code keys} into the real shell (the real CLI behind it) on a capable terminal; the screen, plain. */
    private String repl(String keys) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Session session = new Session(dir, env, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                true);
                DumbTerminal terminal = PipedTerminals.of("ansi", keys, screen, 200, 50)) {
            Cli cli = new Cli(session, (s, o) -> 2);
            GlobalOptions options = options();
            Repl repl = Repl.builder().terminal(terminal).session(session)
                    .dispatcher(args -> cli.execute(args.toArray(String[]::new)))
                    .model(CommandModel.of(cli.commandLine())).globals(GlobalArgs.of(options))
                    .themes(new dev.retort.themes.ThemeCatalog(dir.resolve("themes")), "dark")
                    .color(dev.retort.themes.ColorMode.AUTO, env).historyFile(dir.resolve("history"))
                    .settings(new dev.retort.shell.cli.UserSettings(Path.of("none"), java.util.Optional.empty(),
                            dev.retort.shell.cli.UserSettings.Pager.NEVER, 100, java.util.Optional.empty(), List.of()))
                    .build();
            assertEquals(0, repl.run());
        }
        return screen.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").replace("\r", "");
    }

    /** The panel on a virtual terminal, the head selected and {@code u} pressed: the screen. */
    private String panelPreview(String head) throws Exception {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(200, 50));
        try (Session session = new Session(dir, env, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                true)) {
            SessionPanelActions actions = new SessionPanelActions(session, options());
            try {
                GraphPanel panel = GraphPanel.builder().terminal(terminal).model(actions.model()).actions(actions)
                        .startAt(head).build();
                panel.open();
                terminal.addInput(new KeyStroke('u', false, false));
                panel.processInput();
                StringBuilder sb = new StringBuilder();
                for (int r = 0; r < terminal.getTerminalSize().getRows(); r++) {
                    for (int c = 0; c < terminal.getTerminalSize().getColumns(); c++) {
                        TextCharacter ch = terminal.getCharacter(c, r);
                        sb.append(ch == null ? " " : ch.getCharacterString());
                    }
                    sb.append('\n');
                }
                terminal.addInput(new KeyStroke('n', false, false)); // any other key: no
                panel.processInput();
                panel.close();
                return sb.toString();
            } finally {
                actions.close();
            }
        }
    }

    @Test
    void theSameFindingsForTheSamePlanInEveryView() throws Exception {
        Files.createDirectories(dir.resolve("migrations/versions"));
        Files.writeString(dir.resolve("retort.ini"),
                "[retort]\nscript_location = %(here)s/migrations\nurl = sqlite:///%(here)s/app.db\n");
        Files.writeString(dir.resolve("migrations/versions/a1_orders.sql"), script("a1", "", "orders",
                "CREATE TABLE orders (id INTEGER PRIMARY KEY, total NUMERIC);", "DROP TABLE orders;"));
        Files.writeString(dir.resolve("migrations/versions/a2_purge.sql"), script("a2", "a1", "purge",
                "DELETE FROM orders;\nPRAGMA foreign_keys = OFF;\nCREATE INDEX orders_total ON orders (total);",
                "-- nothing"));
        oneShot("upgrade", "a1");

        List<String> shell = lintLines(repl("upgrade heads\nn\n"));
        String panelScreen = panelPreview("a2");
        assertTrue(panelScreen.contains("Apply this upgrade to a2? [y/N]"), panelScreen);
        List<String> panel = lintLines(panelScreen);
        List<String> dryRun = lintLines(oneShot("upgrade", "heads", "--dry-run"));
        List<String> sql = lintLines(oneShot("upgrade", "a1:heads", "--sql"));
        ObjectMapper json = new ObjectMapper();
        List<String> lintJson = new ArrayList<>();
        json.readTree(oneShot("lint", "--json")).get("findings").forEach(f -> lintJson.add(line(f)));
        List<String> dryRunJson = stepFindings(json.readTree(oneShot("upgrade", "heads", "--dry-run", "--json"))
                .get("plan").get("steps"));
        List<String> statusJson = stepFindings(json.readTree(oneShot("status", "--json")).get("pending"));

        assertEquals(List.of(
                "lint warning[empty-downgrade]: the downgrade section is empty",
                "lint warning[delete-all]: TRUNCATE or DELETE without WHERE: locks orders (0 rows) under the database"
                        + " write lock",
                "lint warning[sqlite-pragma-in-transaction]: PRAGMA foreign_keys inside a transaction is silently ignored"),
                dryRun);
        assertEquals(dryRun, shell, "the shell's plan before the question");
        assertEquals(dryRun, panel, "the panel's preview");
        assertEquals(dryRun, lintJson, "lint --json");
        assertEquals(dryRun, dryRunJson, "--dry-run --json");
        assertEquals(dryRun, statusJson, "status --json");
        // offline: the same rules, the lock without a size (nothing connects)
        assertEquals(dryRun.stream().map(l -> l.replace("orders (0 rows)", "orders")).toList(), sql);
        assertFalse(shell.isEmpty());
    }
}
