package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Help as a new user meets it: every command's {@code --help} and {@code help COMMAND} work
 * anywhere (no configuration read, no file written), list every option with examples, fit the
 * width, agree with the README's command table; unknown commands and options get one line
 * with the nearest name.
 */
class HelpTest {

    @TempDir
    Path dir;

    /** Every registered command, from the CLI's own model (a command added later is walked too). */
    private List<String> commands() {
        CliHarness h = new CliHarness(dir);
        try (Session s = new Session(dir, Map.of(), new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()), false)) {
            return new ArrayList<>(new Cli(s, (x, y) -> 2).commandLine().getSubcommands().keySet());
        }
    }

    private static CommandLine model(String command) {
        try (Session s = new Session(Path.of("."), Map.of(), new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()), false)) {
            return new Cli(s, (x, y) -> 2).commandLine().getSubcommands().get(command);
        }
    }

    @Test
    void everyCommandsHelpWorksOutsideAnEnvironmentAndTouchesNothing() throws Exception {
        CliHarness h = new CliHarness(dir);
        for (String command : commands()) {
            for (String[] args : List.of(new String[] {command, "--help"}, new String[] {command, "-h"},
                    new String[] {"help", command}, new String[] {command, "x", "--help"})) {
                CliHarness.Run r = h.run(args);
                assertEquals(0, r.exit(), () -> String.join(" ", args) + ": " + r.err());
                assertEquals("", r.err(), String.join(" ", args));
                assertTrue(r.out().startsWith("Usage: retort " + command), r.out());
            }
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(), files.toList(), command + " --help wrote files");
            }
        }
    }

    @Test
    void everyCommandsHelpListsEveryOptionAndAtLeastTwoExamples() {
        CliHarness h = new CliHarness(dir);
        for (String command : commands()) {
            String out = h.run(command, "--help").out();
            for (OptionSpec o : model(command).getCommandSpec().options()) {
                if (!o.hidden()) {
                    for (String name : o.names()) {
                        assertTrue(out.contains(name), command + " --help lacks " + name + ":\n" + out);
                    }
                }
            }
            assertTrue(out.contains("--help"), out);
            int examples = out.substring(out.indexOf("Examples:")).split("\n  retort ", -1).length - 1;
            assertTrue(examples >= 2, command + " has " + examples + " example(s):\n" + out);
            assertNotNull(model(command).getCommandSpec().userObject().getClass().getAnnotation(CommandHelp.class),
                    command + " has no @CommandHelp");
        }
    }

    @Test
    void initHelpCreatesNoDirectoryNamedHelp() {
        CliHarness h = new CliHarness(dir);
        assertEquals(0, h.run("init", "--help").exit());
        assertFalse(Files.exists(dir.resolve("--help")));
        assertFalse(Files.exists(dir.resolve("retort.ini")));
    }

    @Test
    void upgradeHelpIsHelpNotARevisionNamedHelp() {
        CliHarness.Run r = new CliHarness(dir).run("upgrade", "--help");
        assertEquals(0, r.exit());
        assertFalse(r.out().contains("Can't locate"), r.out());
        assertTrue(r.out().contains("--dry-run") && r.out().contains("retort upgrade heads"), r.out());
    }

    @Test
    void helpWrapsToTheTerminalsWidth() {
        CliHarness h = new CliHarness(dir);
        h.env.put("COLUMNS", "60");
        for (String command : commands()) {
            for (String line : h.run(command, "--help").out().split("\n")) {
                assertTrue(line.length() <= 60, command + ": " + line.length() + " columns: " + line);
            }
        }
        h.env.put("COLUMNS", "120");
        assertTrue(h.run("upgrade", "--help").out().lines().anyMatch(l -> l.length() > 80));
    }

    @Test
    void helpIsColouredByTheThemeOnlyWhenColourIsOn() {
        CliHarness h = new CliHarness(dir);
        assertFalse(h.run("upgrade", "--help").out().contains("\u001b["));
        h.env.remove("NO_COLOR");
        assertTrue(h.run("--color", "always", "upgrade", "--help").out().contains("\u001b["));
        assertTrue(h.run("--color=always", "help").out().contains("\u001b["));
    }

    @Test
    void indexListsEveryCommandUnderItsGroup() {
        CliHarness h = new CliHarness(dir);
        for (String[] args : List.of(new String[] {"help"}, new String[] {"--help"}, new String[] {"-h"})) {
            CliHarness.Run r = h.run(args);
            assertEquals(0, r.exit());
            for (CommandHelp.Group g : List.of(CommandHelp.Group.EXPLORE, CommandHelp.Group.MOVE,
                    CommandHelp.Group.WRITE, CommandHelp.Group.INSPECT)) {
                assertTrue(r.out().contains(g.title() + ":"), r.out());
            }
            for (String command : commands()) {
                assertTrue(r.out().contains("\n  " + command + " "), command + " missing:\n" + r.out());
            }
        }
        String out = h.run("help").out();
        assertTrue(out.indexOf("upgrade") > out.indexOf("Move the database"));
        assertTrue(out.indexOf("heads") > out.indexOf("Explore the revision graph"));
    }

    @Test
    void helpSettingsNamesTheFileTheKeysAndTheThemeVariables() {
        CliHarness h = new CliHarness(dir);
        h.env.put("XDG_CONFIG_HOME", dir.resolve("cfg").toString());
        CliHarness.Run r = h.run("help", "settings");
        assertEquals(0, r.exit());
        for (String s : List.of(dir.resolve("cfg/retort/settings.ini").toString(), "theme", "pager", "history_size",
                "color", "RETORT_THEME", "themes/NAME.theme")) {
            assertTrue(r.out().contains(s), s + " missing:\n" + r.out());
        }
    }

    @Test
    void unknownCommandIsOneLineWithTheNearestName() {
        CliHarness h = new CliHarness(dir);
        CliHarness.Run r = h.run("upgarde", "heads");
        assertEquals(2, r.exit());
        assertEquals("retort: error: Unknown command 'upgarde'; did you mean 'upgrade'?\n", r.err());
        r = h.run("hstory");
        assertEquals("retort: error: Unknown command 'hstory'; did you mean 'history'?\n", r.err());
        r = h.run("frobnicate");
        assertEquals(2, r.exit());
        assertEquals("retort: error: Unknown command 'frobnicate'; 'retort help' lists the commands\n", r.err());
        r = h.run("graph");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("command of the shell"), r.err());
        assertEquals(1, r.err().lines().count());
    }

    @Test
    void theShellsGraphHasHelpOneShotTooAsTheReadmeTableListsIt() {
        CliHarness h = new CliHarness(dir);
        for (String[] args : List.of(new String[] {"graph", "--help"}, new String[] {"graph", "-h"},
                new String[] {"help", "graph"})) {
            CliHarness.Run r = h.run(args);
            assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.out().startsWith("graph [REVISION]") && r.out().contains("?  ")
                    && r.out().contains("'graph' is a command of the shell: start it with 'retort'"), r.out());
        }
    }

    @Test
    void unknownOptionIsOneLineWithTheNearestName() {
        CliHarness h = new CliHarness(dir);
        CliHarness.Run r = h.run("upgrade", "--dryrun", "heads");
        assertEquals(2, r.exit());
        assertEquals("retort: error: Unknown option '--dryrun' for retort upgrade; did you mean '--dry-run'?\n", r.err());
        r = h.run("history", "--verbos");
        assertEquals("retort: error: Unknown option '--verbos' for retort history; did you mean '--verbose'?\n", r.err());
        r = h.run("--colr", "never", "heads");
        assertEquals(2, r.exit());
        assertEquals("retort: error: Unknown option '--colr' for retort; did you mean '--color'?\n", r.err());
    }

    @Test
    void valuesThatLookLikeOptionsAreStillValues() throws Exception {
        CliHarness h = CliHarness.project(dir, Map.of(
                "aaaa1111_first.sql", CliHarness.script("aaaa1111", "", "one", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;"),
                "bbbb2222_second.sql", CliHarness.script("bbbb2222", "aaaa1111", "two", "CREATE TABLE b (id INTEGER);",
                        "DROP TABLE b;")));
        assertEquals(0, h.run("upgrade", "heads").exit());
        assertEquals(0, h.run("history", "-r", "-1:").exit(), () -> h.run("history", "-r", "-1:").err());
        assertEquals(0, h.run("downgrade", "-1").exit());
        assertEquals(0, h.run("revision", "-m", "--help is not a flag here").exit());
        assertEquals(0, h.run("history", "-vi").exit());
    }

    /** The README's command table and the help pages agree: same commands, and each option the README shows exists. */
    @Test
    void readmeCommandTableAgreesWithHelp() throws Exception {
        Path readme = Path.of(System.getProperty("retort.root", "..")).resolve("README.md");
        String text = Files.readString(readme);
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^\\| `([a-z-]+)([^`]*)`.*\\|").matcher(
                text.substring(text.indexOf("## Commands"), text.indexOf("\n## ", text.indexOf("## Commands") + 5)));
        while (m.find()) {
            rows.put(m.group(1), m.group(2));
        }
        CliHarness h = new CliHarness(dir);
        for (String command : commands()) {
            assertTrue(rows.containsKey(command), "README's command table lacks " + command);
        }
        for (var row : rows.entrySet()) {
            if (HelpRouter.SHELL_ONLY.contains(row.getKey()) && !row.getKey().equals("graph")) {
                continue;
            }
            CliHarness.Run r = h.run(row.getKey(), "--help");
            assertEquals(0, r.exit(), "README names '" + row.getKey() + "', which --help does not know");
            Matcher opt = Pattern.compile("(?<![\\w-])(--?[a-zA-Z][\\w-]*)").matcher(row.getValue());
            while (opt.find()) {
                assertTrue(r.out().contains(opt.group(1)), row.getKey() + " --help lacks README's " + opt.group(1));
            }
        }
    }
}
