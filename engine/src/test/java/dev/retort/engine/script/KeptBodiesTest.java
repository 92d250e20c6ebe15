package dev.retort.engine.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.revision.Revision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bodies a long plan read are kept beside the revision index and used by later loads only
 * while each script's file is as the listing saw it (size, time, file key): an edited, added,
 * removed or renamed script is read from its file; a corrupt file of kept bodies is ignored and
 * rewritten; two writers at once leave a whole one.
 */
class KeptBodiesTest {

    static final int N = ScriptDirectory.KEEP_BODIES_FROM + 6;

    @TempDir
    Path dir;

    private RetortConfig config;
    private long clock = System.currentTimeMillis() - TimeUnit.HOURS.toMillis(2);

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(dir.resolve("scripts/versions"));
        Path ini = dir.resolve("retort.ini");
        Files.writeString(ini, "[retort]\nscript_location = %(here)s/scripts\n");
        config = RetortConfig.load(ini, null, Map.of(), Map.of());
        for (int i = 0; i < N; i++) {
            script(i, "SELECT " + (1000 + i) + ";");
        }
    }

    private static String id(int i) {
        return String.format("r%011d", i);
    }

    /** A script with a modification time in the past, each later than the one before. */
    private Path script(int i, String sql) throws IOException {
        Path f = dir.resolve("scripts/versions").resolve(id(i) + ".sql");
        Files.writeString(f, "-- step " + i + "\n--\n-- Revision ID: " + id(i) + "\n-- Revises: " + (i == 0 ? "" : id(i - 1))
                + "\n-- Create Date: 2021-03-04 05:06:07.000000\n\n-- retort:upgrade\n" + sql + "\n");
        clock += 60_000;
        Files.setLastModifiedTime(f, FileTime.fromMillis(clock));
        return f;
    }

    private ScriptDirectory load() {
        return ScriptDirectory.load(config, HeaderCache.in(dir.resolve("cache")));
    }

    private ScriptDirectory planned() {
        ScriptDirectory s = load();
        s.preload(s.revisions());
        return s;
    }

    private static String sql(ScriptDirectory s, int i) {
        return s.body(s.revisions().get(i)).upgrade("sqlite").orElseThrow().sql().strip();
    }

    private Path bodiesFile() throws IOException {
        try (var files = Files.list(dir.resolve("cache"))) {
            List<Path> all = files.filter(p -> p.getFileName().toString().startsWith("bodies-")).collect(Collectors.toList());
            assertEquals(1, all.size(), "one file of kept bodies: " + all);
            return all.get(0);
        }
    }

    private Map<String, HeaderCache.Body> kept() {
        ScriptDirectory s = load();
        String key = config.scriptLocation() + "\0" + config.versionLocations() + "\0" + config.recursiveVersionLocations();
        return HeaderCache.in(dir.resolve("cache")).readBodies(key);
    }

    /** Rewrites a script's text, keeping its size and modification time: only a kept body would still show the old text. */
    private void sameSizeAndTime(int i, String sql) throws IOException {
        Path f = dir.resolve("scripts/versions").resolve(id(i) + ".sql");
        FileTime time = Files.getLastModifiedTime(f);
        String text = Files.readString(f);
        String old = "SELECT " + (1000 + i) + ";";
        assertEquals(old.length(), sql.length());
        Files.writeString(f, text.replace(old, sql));
        Files.setLastModifiedTime(f, time);
    }

    @Test
    void aLongPlanKeepsItsBodiesAndTheNextLoadUsesThem() throws IOException {
        ScriptDirectory first = planned();
        assertEquals("SELECT 1005;", sql(first, 5));
        assertEquals(N, kept().size());
        sameSizeAndTime(5, "SELECT 9995;");
        ScriptDirectory second = planned();
        assertEquals("SELECT 1005;", sql(second, 5), "the kept body, the file being as listed");
        assertEquals(ScriptDirectory.load(config).revisions(), second.revisions());
    }

    @Test
    void checksumsAreKeptWithTheBodiesAndUsedWhileTheFileIsAsListed() throws IOException {
        ScriptDirectory first = load();
        String five = first.checksum(first.revisions().get(5));
        assertEquals(first.body(first.revisions().get(5)).checksum(), five);
        assertEquals(N, kept().values().stream().filter(b -> !b.checksum().isEmpty()).count(),
                "the first checksum asked checksummed and kept every script's");
        sameSizeAndTime(5, "SELECT 9995;");
        ScriptDirectory second = load();
        assertEquals(five, second.checksum(second.revisions().get(5)), "the kept checksum, the file being as listed");
        ScriptDirectory plain = ScriptDirectory.load(config);
        assertFalse(five.equals(plain.body(plain.revisions().get(5)).checksum()), "the file's own differs");
        script(6, "SELECT 6666;");
        ScriptDirectory third = load();
        ScriptDirectory fresh = ScriptDirectory.load(config);
        assertEquals(fresh.body(fresh.revisions().get(6)).checksum(), third.checksum(third.revisions().get(6)),
                "an edited script's checksum is its new text's");
    }

    @Test
    void aFewBodiesAreNotKept() throws IOException {
        ScriptDirectory s = load();
        s.preload(s.revisions().subList(0, ScriptDirectory.KEEP_BODIES_FROM - 1));
        try (var files = Files.list(dir.resolve("cache"))) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith("bodies-")));
        }
    }

    @Test
    void anEditedScriptIsReadFromItsFileAndKeptAnew() throws IOException {
        planned();
        script(7, "SELECT 7777;"); // same size, a later time
        ScriptDirectory s = planned();
        assertEquals("SELECT 7777;", sql(s, 7));
        assertEquals("SELECT 7777;", sql(load(), 7), "kept anew by the plan that read it");
        assertEquals("SELECT 1008;", sql(s, 8), "the others from the kept bodies");
    }

    @Test
    void anEditedScriptIsReadFromItsFileByBodyToo() throws IOException {
        planned();
        script(7, "SELECT 'an edit of another size';");
        assertEquals("SELECT 'an edit of another size';", sql(load(), 7));
    }

    @Test
    void addedRemovedAndRenamedScriptsAreReadFromTheirFiles() throws IOException {
        planned();
        Path added = script(N, "SELECT 4242;");
        Files.move(dir.resolve("scripts/versions").resolve(id(3) + ".sql"), dir.resolve("scripts/versions/renamed_" + id(3) + ".sql"));
        ScriptDirectory s = load();
        Revision renamed = s.revisions().stream().filter(r -> r.id().equals(id(3))).findFirst().orElseThrow();
        assertTrue(renamed.path().getFileName().toString().startsWith("renamed_"));
        assertEquals("SELECT 1003;", s.body(renamed).upgrade("sqlite").orElseThrow().sql().strip());
        Revision last = s.revisions().stream().filter(r -> r.id().equals(id(N))).findFirst().orElseThrow();
        assertEquals(added.toAbsolutePath().normalize(), last.path());
        assertEquals("SELECT 4242;", s.body(last).upgrade("sqlite").orElseThrow().sql().strip());
        Files.delete(added);
        s = planned();
        assertEquals(N, s.revisions().size());
        assertFalse(kept().containsKey(added.toAbsolutePath().normalize().toString()), "a removed script's body is dropped");
    }

    @Test
    void aCorruptFileOfKeptBodiesIsIgnoredAndRewritten() throws IOException {
        planned();
        Path file = bodiesFile();
        byte[] bytes = Files.readAllBytes(file);
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x55;
        for (byte[] broken : List.of(new byte[0], "garbage".getBytes(), java.util.Arrays.copyOf(bytes, bytes.length / 2), flipped)) {
            Files.write(file, broken);
            assertEquals(Map.of(), kept(), "not used");
            sameSizeAndTime(2, "SELECT 2222;");
            assertEquals("SELECT 2222;", sql(planned(), 2), "read from its file");
            assertEquals(N, kept().size(), "rewritten whole");
            sameSizeAndTime(2, "SELECT 1002;");
        }
    }

    @Test
    void aScriptChangedJustNowAndAHugeOneAreNotKept() throws IOException {
        Path fresh = dir.resolve("scripts/versions").resolve(id(4) + ".sql");
        Files.writeString(fresh, Files.readString(fresh).replace("SELECT 1004;", "SELECT 4004;"));
        script(5, "SELECT '" + "x".repeat(HeaderCache.MAX_KEPT_BODY) + "';");
        planned();
        Map<String, HeaderCache.Body> kept = kept();
        assertEquals(N - 2, kept.size());
        assertFalse(kept.containsKey(fresh.toAbsolutePath().normalize().toString()), "an edit within the same tick could keep size and time");
    }

    @Test
    void twoWritersAtOnceLeaveAWholeFile() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    for (int k = 0; k < 10; k++) {
                        ScriptDirectory s = ScriptDirectory.load(config, HeaderCache.in(dir.resolve("cache")));
                        s.preload(s.revisions());
                        Files.deleteIfExists(bodiesFileOrNone()); // so that every round writes
                    }
                    return "ok";
                }));
            }
            for (Future<String> f : runs) {
                assertEquals("ok", f.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        planned();
        assertEquals(N, kept().size(), "a whole file after the race");
        try (var files = Files.list(dir.resolve("cache"))) {
            assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".tmp")).collect(Collectors.toList()),
                    "no temporary file left");
        }
    }

    /** The file of kept bodies, or a path that does not exist. */
    private Path bodiesFileOrNone() throws IOException {
        try (var files = Files.list(dir.resolve("cache"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("bodies-")).findFirst()
                    .orElse(dir.resolve("cache/none"));
        }
    }
}
