package dev.retort.shell.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution made by {@code mvn package}, {@code retort-<version>.tar.gz}, unpacked into an
 * empty directory far from the source tree and run as a user would: no Maven on the PATH, no
 * sources, only a JDK. {@code heads} and {@code upgrade heads} work on the bundled sample, and
 * the launcher builds nothing (its start-up archive goes to the user's cache directory).
 */
class DistributionIT {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run run(Path launcher, Path home, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("RETORT_") || k.equals("XDG_CACHE_HOME"));
        env.put("HOME", home.toString());
        // a PATH with no Maven on it: a directory holding only bash, env and the core tools the
        // launcher uses (mktemp, cp, rm, mv, mkdir, readlink)
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("bash", "env", "mktemp", "cp", "rm", "mv", "mkdir", "readlink", "cat")) {
            Path target = bin.resolve(tool);
            if (!Files.exists(target)) {
                Files.createSymbolicLink(target, which(tool));
            }
        }
        env.put("PATH", bin.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the launcher finished");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Path which(String tool) {
        for (String d : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError("no " + tool + " on this machine");
    }

    @Test
    void theUnpackedDistributionRunsHeadsAndUpgradeOnTheSample() throws Exception {
        Path root = Path.of(System.getProperty("retort.root", "..")).toAbsolutePath().normalize();
        Path tarball;
        try (Stream<Path> files = Files.list(root.resolve("shell/target"))) {
            List<Path> all = files.filter(p -> p.getFileName().toString().matches("retort-.*\\.tar\\.gz"))
                    .collect(Collectors.toList());
            assertEquals(1, all.size(), "one distribution archive in shell/target: " + all);
            tarball = all.get(0);
        }
        Path unpack = Files.createDirectories(dir.resolve("opt"));
        Process tar = new ProcessBuilder("tar", "xzf", tarball.toString(), "-C", unpack.toString()).inheritIO().start();
        assertEquals(0, tar.waitFor());
        Path home;
        try (Stream<Path> tops = Files.list(unpack)) {
            home = tops.findFirst().orElseThrow();
        }
        assertTrue(home.getFileName().toString().startsWith("retort-"), home.toString());
        assertTrue(Files.isRegularFile(home.resolve("lib/retort.jar")));
        // not a fat jar: every library its manifest names is beside it, in lib/deps
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(home.resolve("lib/retort.jar").toFile())) {
            String classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
            assertTrue(classPath != null && classPath.contains("deps/retort-engine.jar"), String.valueOf(classPath));
            for (String entry : classPath.trim().split("\\s+")) {
                assertTrue(Files.isRegularFile(home.resolve("lib").resolve(entry)), "lib/" + entry + " is in the archive");
            }
        }
        assertFalse(Files.exists(home.resolve("pom.xml")), "no source tree");
        Path user = Files.createDirectories(dir.resolve("user"));
        Path launcher = home.resolve("retort");
        String config = home.resolve("sample-env/retort.ini").toString();

        Run heads = run(launcher, user, "-c", config, "heads");
        assertEquals(0, heads.exit(), heads.err());
        assertTrue(heads.out().contains("(head)"), heads.out());
        assertFalse(heads.err().contains("building"), "a distribution never builds: " + heads.err());

        Run upgrade = run(launcher, user, "-c", config, "upgrade", "heads");
        assertEquals(0, upgrade.exit(), upgrade.err());
        assertTrue((upgrade.out() + upgrade.err()).contains("Running upgrade"), upgrade.out() + upgrade.err());
        Run current = run(launcher, user, "-c", config, "current");
        assertEquals(0, current.exit(), current.err());
        assertEquals(heads.out().lines().count(), current.out().lines().filter(l -> l.contains("(head)")).count(),
                "every head is current after upgrade heads: " + current.out());
        assertFalse(Files.exists(home.resolve("shell")), "nothing built beside the distribution");
        try (Stream<Path> cache = Files.list(user.resolve(".cache/retort"))) {
            assertTrue(cache.anyMatch(p -> p.getFileName().toString().matches("retort-jdk\\d+(-[a-z]+)?\\.(jsa|aot)")),
                    "the start-up archive is in the user's cache directory");
        }
    }
}
