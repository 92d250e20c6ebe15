package dev.retort.shell.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.revision.Revision;
import dev.retort.engine.script.HeaderCache;
import dev.retort.engine.script.ScriptDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The revision index and the kept bodies raced by processes, whose only common ground is the
 * cache directory: four {@code upgrade heads --sql} processes at once, five rounds, a script
 * touched between rounds so that every round rewrites both files. Every process prints the same
 * SQL; afterwards both files are whole and used (HeaderCacheTest and KeptBodiesTest race threads).
 */
class CacheRaceIT {

    static final int SCRIPTS = 300;

    @TempDir
    Path dir;

    private static String id(int i) {
        return String.format("c%011d", i);
    }

    private Process start(Path cache) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "dev.retort.shell.Main", "-c", dir.resolve("retort.ini").toString(), "upgrade", "heads", "--sql");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        pb.environment().put("NO_COLOR", "1");
        pb.environment().remove("RETORT_NO_INDEX");
        return pb.start();
    }

    @Test
    void fourProcessesAtOnceLeaveAWholeIndexAndWholeKeptBodies() throws Exception {
        Path versions = Files.createDirectories(dir.resolve("migrations/versions"));
        Files.writeString(dir.resolve("retort.ini"), "[retort]\nscript_location = %(here)s/migrations\n"
                + "url = sqlite:///%(here)s/race.db\n");
        long clock = System.currentTimeMillis() - TimeUnit.HOURS.toMillis(3);
        for (int i = 0; i < SCRIPTS; i++) {
            Path f = versions.resolve(id(i) + "_step.sql");
            Files.writeString(f, "-- step " + i + "\n--\n-- Revision ID: " + id(i) + "\n-- Revises: "
                    + (i == 0 ? "" : id(i - 1)) + "\n-- Create Date: 2021-03-04 05:06:07.000000\n\n"
                    + "-- retort:upgrade\nCREATE TABLE t" + (1000 + i) + " (id INTEGER);\n\n"
                    + "-- retort:downgrade\nDROP TABLE t" + (1000 + i) + ";\n");
            Files.setLastModifiedTime(f, FileTime.fromMillis(clock + i * 1000L));
        }
        Path cache = dir.resolve("cache");
        String expected = null;
        for (int round = 0; round < 5; round++) {
            // new times for 70 scripts: every racer finds the index and the kept bodies stale
            // (a plan keeps bodies when it read 64 or more from their files)
            for (int k = 0; k < 70; k++) {
                int i = (round * 70 + k) % SCRIPTS;
                Files.setLastModifiedTime(versions.resolve(id(i) + "_step.sql"),
                        FileTime.fromMillis(clock - (round + 1) * 60_000L - k));
            }
            List<Process> procs = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                procs.add(start(cache));
            }
            for (Process proc : procs) {
                String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(proc.waitFor(120, TimeUnit.SECONDS), out);
                assertEquals(0, proc.exitValue(), out);
                assertTrue(out.contains("CREATE TABLE t1299"), out);
                if (expected == null) {
                    expected = out;
                }
                assertEquals(expected, out, "every racer prints the same SQL");
            }
        }
        try (Stream<Path> files = Files.list(cache.resolve("retort"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
            assertEquals(2, names.size(), "one index, one file of kept bodies, no temporary file: " + names);
        }
        RetortConfig config = RetortConfig.load(dir.resolve("retort.ini"), "retort", Map.of(), Map.of());
        ScriptDirectory warm = ScriptDirectory.load(config, HeaderCache.in(cache.resolve("retort")));
        assertEquals(0, warm.headersRead(), "the index after the race is whole and valid");
        // a script changed without a change of size or time: only a kept body still shows the old text
        Path f = versions.resolve(id(150) + "_step.sql");
        FileTime time = Files.getLastModifiedTime(f);
        Files.writeString(f, Files.readString(f).replace("CREATE TABLE t1150", "CREATE TABLE x1150"));
        Files.setLastModifiedTime(f, time);
        ScriptDirectory again = ScriptDirectory.load(config, HeaderCache.in(cache.resolve("retort")));
        Revision r = again.revisions().stream().filter(x -> x.id().equals(id(150))).findFirst().orElseThrow();
        assertTrue(again.body(r).upgrade("sqlite").orElseThrow().sql().contains("t1150"),
                "the kept bodies after the race are whole and used");
    }
}
