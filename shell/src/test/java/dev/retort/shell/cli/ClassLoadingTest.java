package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.shell.TmuxPane;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands that touch no database, no JSON and no terminal UI load none of those libraries:
 * each runs in a child JVM with {@code -verbose:class} on a copy of the sample, and the list
 * of loaded classes must hold no driver, pool, Jackson, JLine or Lanterna class (bench/startup
 * measured those libraries as most of a cold start's classes). A command that does open the
 * database is the control: its list must show the driver, or the check sees nothing.
 */
class ClassLoadingTest {

    static final List<String> HEAVY = List.of("com.zaxxer.", "org.postgresql.", "org.sqlite.", "org.mariadb.",
            "com.fasterxml.", "org.jline.", "com.googlecode.lanterna.");

    @TempDir
    Path dir;

    record Run(int exit, String output, List<String> classes) {}

    private Run run(String... command) throws Exception {
        Path sample = Path.of(System.getProperty("retort.root", "..")).resolve("sample-env").toAbsolutePath().normalize();
        Path env = dir.resolve("env");
        if (!env.toFile().exists()) {
            TmuxPane.copyEnvironment(sample, env);
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class", "-Xshare:off", "-cp", System.getProperty("java.class.path"), "dev.retort.shell.Main",
                "-c", env.resolve("retort.ini").toString()));
        cmd.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        pb.environment().remove("RETORT_CONFIG");
        Process p = pb.start();
        String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        List<String> classes = new ArrayList<>();
        StringBuilder output = new StringBuilder();
        for (String line : all.split("\n")) {
            if (line.startsWith("[") && line.contains("class,load")) {
                String rest = line.substring(line.indexOf("] ", line.indexOf("class,load")) + 2);
                classes.add(rest.split(" ")[0]);
            } else {
                output.append(line).append('\n');
            }
        }
        return new Run(p.exitValue(), output.toString(), classes);
    }

    private static List<String> heavy(List<String> classes) {
        return classes.stream().filter(c -> HEAVY.stream().anyMatch(c::startsWith)).collect(Collectors.toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"heads", "history", "show payments@head", "branches", "upgrade heads --sql"})
    void aCommandWithoutDatabaseLoadsNoDriverPoolJsonOrTerminalClass(String command) throws Exception {
        Run r = run(command.split(" "));
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.classes().size() > 100, "the class list was read");
        assertTrue(r.classes().contains("dev.retort.shell.Main"), "the class list names Retort's classes");
        assertEquals(List.of(), heavy(r.classes()), command + " loaded classes it does not need");
        // drivers' logging is kept quiet by naming a configuration class, not by starting
        // java.util.logging at every start (Main, QuietLogging)
        assertEquals(List.of(), r.classes().stream().filter(c -> c.startsWith("java.util.logging.LogManager"))
                .collect(Collectors.toList()), command + " started java.util.logging");
    }

    /** The read commands' lines are parsed without picocli (DirectLine): no picocli class is even loaded. */
    @ParameterizedTest
    @ValueSource(strings = {"heads", "history -v", "show payments@head", "branches", "upgrade heads --sql",
            "history -r base:heads", "current"})
    void aReadCommandLoadsNoPicocliClass(String command) throws Exception {
        Run r = run(command.split(" "));
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.classes().contains("dev.retort.shell.cli.DirectLine"), "the class list names Retort's classes");
        assertEquals(List.of(), r.classes().stream().filter(c -> c.startsWith("picocli.")).collect(Collectors.toList()),
                command + " loaded picocli");
    }

    @Test
    void theControlHelpLoadsPicocli() throws Exception {
        Run r = run("help");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.classes().stream().anyMatch(c -> c.startsWith("picocli.")), "help builds picocli's model");
    }

    @Test
    void theControlACommandOnTheDatabaseLoadsTheDriver() throws Exception {
        Run r = run("current");
        assertEquals(0, r.exit(), r.output());
        assertTrue(heavy(r.classes()).stream().anyMatch(c -> c.startsWith("org.sqlite.")), "current loads the SQLite driver");
    }

    /**
     * SQLite's one connection is opened by its driver directly: no pool (HikariCP's threads and
     * classes) and no DriverManager scan, which would load every driver on the class path.
     */
    @Test
    void aCommandOnSqliteLoadsNoPoolAndNoOtherDriver() throws Exception {
        Run r = run("current");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.classes().stream().anyMatch(c -> c.startsWith("org.sqlite.")), "the class list was read");
        assertEquals(List.of(), r.classes().stream()
                .filter(c -> c.startsWith("com.zaxxer.") || c.startsWith("org.postgresql.") || c.startsWith("org.mariadb."))
                .collect(Collectors.toList()), "current on SQLite loaded a pool or another database's driver");
    }

    @Test
    void jsonOutputLoadsJackson() throws Exception {
        Run r = run("heads", "--json");
        assertEquals(0, r.exit(), r.output());
        assertTrue(heavy(r.classes()).stream().anyMatch(c -> c.startsWith("com.fasterxml.")), "--json loads Jackson");
    }
}
