package dev.retort.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/embedded} is built and run as its users would: its sources compiled against
 * the engine's public API, classes and scripts packed into one jar, and the jar run in a JVM of
 * its own, which migrates a fresh SQLite file from the scripts inside the jar with no
 * configuration file.
 */
class ExampleApplicationTest {

    @TempDir
    Path dir;

    private static Path example() {
        Path p = Path.of("..", "examples", "embedded").toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            String msg = "examples/embedded not found at " + p;
            if ("true".equals(System.getenv("CI"))) {
                fail(msg);
            }
            org.junit.jupiter.api.Assumptions.abort("SKIPPED LOUDLY: " + msg);
        }
        return p;
    }

    @Test
    void exampleApplicationMigratesFromScriptsInsideItsJar() throws Exception {
        Path src = example();
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> sources;
        try (Stream<Path> s = Files.walk(src.resolve("src/main/java"))) {
            sources = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17",
                "-cp", System.getProperty("java.class.path")));
        args.addAll(sources);
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "example compiles");

        Path jar = dir.resolve("example.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            addTree(out, classes);
            addTree(out, src.resolve("src/main/resources"));
        }

        Path db = dir.resolve("notes.db");
        String cp = jar + File.pathSeparator + System.getProperty("java.class.path");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, "example.App", "jdbc:sqlite:" + db)
                .directory(dir.toFile()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "example finishes");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        assertEquals("migrated [] -> [2b3c4d5e6f7a] in 2 step(s)", output.strip());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                ResultSet rs = c.createStatement().executeQuery("SELECT version_num FROM retort_version")) {
            assertTrue(rs.next());
            assertEquals("2b3c4d5e6f7a", rs.getString(1));
        }
    }

    /** Adds {@code root}'s files (and directory entries, as jar tools write them) under their relative names. */
    private static void addTree(JarOutputStream out, Path root) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(root)) {
            all = s.filter(p -> !p.equals(root)).sorted().toList();
        }
        for (Path p : all) {
            String name = root.relativize(p).toString().replace(File.separatorChar, '/');
            if (Files.isDirectory(p)) {
                out.putNextEntry(new JarEntry(name + "/"));
                out.closeEntry();
            } else {
                out.putNextEntry(new JarEntry(name));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        }
    }
}
