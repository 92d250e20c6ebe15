package dev.retort.engine.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.RetortException;
import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.revision.Revision;
import java.io.IOException;
import java.nio.ByteBuffer;
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
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The revision index is never trusted blindly: every way a script can change (edit, add,
 * remove, rename) makes the next load read that script again and only that one; a corrupt or
 * foreign index is ignored and rewritten; concurrent writers leave a whole index.
 */
class HeaderCacheTest {

    @TempDir
    Path dir;

    private RetortConfig config;
    private HeaderCache cache;
    private long clock = System.currentTimeMillis() - TimeUnit.HOURS.toMillis(2);

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(dir.resolve("scripts/versions"));
        Path ini = dir.resolve("retort.ini");
        Files.writeString(ini, "[retort]\nscript_location = %(here)s/scripts\n");
        config = RetortConfig.load(ini, null, Map.of(), Map.of());
        cache = HeaderCache.in(dir.resolve("cache"));
        script("aaaa_first.sql", header("aaaa", "", "first"));
        script("bbbb_second.sql", header("bbbb", "aaaa", "second"));
        script("cccc_third.sql", header("cccc", "bbbb", "third\n-- Branch Labels: lab\n-- Depends On: aaaa"));
    }

    /** Writes a script with a modification time in the past, each later than the one before. */
    private Path script(String name, String text) throws IOException {
        Path f = dir.resolve("scripts/versions").resolve(name);
        Files.writeString(f, text);
        clock += 60_000;
        Files.setLastModifiedTime(f, FileTime.fromMillis(clock));
        return f;
    }

    private static String header(String id, String revises, String message) {
        String[] m = message.split("\n", 2);
        return "-- " + m[0] + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + revises
                + "\n-- Create Date: 2021-03-04 05:06:07.000000" + (m.length > 1 ? "\n" + m[1] : "")
                + "\n\n-- retort:upgrade\nSELECT 1;\n";
    }

    private ScriptDirectory load() {
        return ScriptDirectory.load(config, cache);
    }

    private static String ids(ScriptDirectory s) {
        return s.revisions().stream().map(Revision::id).collect(Collectors.joining(","));
    }

    private Path indexFile() throws IOException {
        try (var files = Files.list(dir.resolve("cache"))) {
            List<Path> all = files.filter(p -> p.getFileName().toString().startsWith("index-")).collect(Collectors.toList());
            assertEquals(1, all.size(), "one index file: " + all);
            return all.get(0);
        }
    }

    @Test
    void aWarmLoadReadsNoHeaderAndGivesTheSameRevisions() {
        ScriptDirectory cold = load();
        assertEquals(3, cold.headersRead());
        ScriptDirectory warm = load();
        assertEquals(0, warm.headersRead());
        assertEquals(cold.revisions(), warm.revisions(), "ids, parents, labels, dependencies, message and path");
        assertEquals(List.of("lab"), warm.revisions().get(2).branchLabels());
        assertEquals(List.of("aaaa"), warm.revisions().get(2).dependsOn());
        assertEquals(ScriptDirectory.load(config).revisions(), warm.revisions(), "as loading without the index");
    }

    @Test
    void anEditedScriptIsReadAgainAndOnlyIt() throws IOException {
        load();
        // same size, new content: only the time tells
        script("bbbb_second.sql", header("bbbb", "aaaa", "SECOND"));
        ScriptDirectory s = load();
        assertEquals(1, s.headersRead());
        assertEquals("SECOND", s.revisions().get(1).doc());
        assertEquals(0, load().headersRead(), "the index was updated");
    }

    @Test
    void anAddedScriptIsReadAndOnlyIt() throws IOException {
        load();
        script("dddd_fourth.sql", header("dddd", "cccc", "fourth"));
        ScriptDirectory s = load();
        assertEquals(1, s.headersRead());
        assertEquals("aaaa,bbbb,cccc,dddd", ids(s));
        assertEquals(0, load().headersRead());
    }

    @Test
    void aRemovedScriptIsGone() throws IOException {
        load();
        Files.delete(dir.resolve("scripts/versions/cccc_third.sql"));
        ScriptDirectory s = load();
        assertEquals(0, s.headersRead());
        assertEquals("aaaa,bbbb", ids(s));
        assertEquals("aaaa,bbbb", ids(load()));
    }

    @Test
    void aRenamedScriptIsReadUnderItsNewName() throws IOException {
        load();
        Path to = dir.resolve("scripts/versions/0000_third.sql");
        Files.move(dir.resolve("scripts/versions/cccc_third.sql"), to);
        ScriptDirectory s = load();
        assertEquals(1, s.headersRead());
        assertEquals("cccc,aaaa,bbbb", ids(s), "load order follows the new name");
        assertEquals(to.toAbsolutePath().normalize(), s.revisions().get(0).path());
    }

    @Test
    void aScriptReplacedByAnotherFileWithTheSameSizeAndTimeIsReadAgain() throws IOException {
        load();
        Path f = dir.resolve("scripts/versions/bbbb_second.sql");
        FileTime time = Files.getLastModifiedTime(f);
        Path replacement = dir.resolve("replacement.tmp");
        Files.writeString(replacement, header("bbbb", "aaaa", "REPLC"));
        Files.setLastModifiedTime(replacement, time);
        Files.move(replacement, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ScriptDirectory s = load();
        assertEquals(1, s.headersRead(), "another file (inode) under the same name");
        assertEquals("REPLC", s.revisions().get(1).doc());
    }

    @Test
    void aScriptChangedJustNowIsNotIndexed() throws IOException {
        load();
        Path f = dir.resolve("scripts/versions/bbbb_second.sql");
        Files.writeString(f, header("bbbb", "aaaa", "fresh!"));
        assertEquals(1, load().headersRead());
        assertEquals(1, load().headersRead(), "an edit in the same clock tick could keep size and time");
    }

    @Test
    void aCorruptIndexIsIgnoredAndRewritten() throws IOException {
        load();
        Path index = indexFile();
        byte[] bytes = Files.readAllBytes(index);
        for (byte[] broken : List.of(new byte[0], "garbage".getBytes(), java.util.Arrays.copyOf(bytes, bytes.length / 2),
                flip(bytes, bytes.length / 2))) {
            Files.write(index, broken);
            ScriptDirectory s = load();
            assertEquals(3, s.headersRead());
            assertEquals("aaaa,bbbb,cccc", ids(s));
            assertEquals(0, load().headersRead(), "rewritten whole");
        }
    }

    @Test
    void anIndexOfAnotherFormatIsIgnored() throws IOException {
        load();
        Path index = indexFile();
        byte[] bytes = Files.readAllBytes(index);
        ByteBuffer.wrap(bytes).putInt(4, HeaderCache.FORMAT + 1);
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        ByteBuffer.wrap(bytes).putLong(bytes.length - 8, crc.getValue());
        Files.write(index, bytes);
        assertEquals(3, load().headersRead(), "a changed loader's index is not used");
    }

    @Test
    void aBrokenScriptIsReportedEveryTime() throws IOException {
        load();
        script("bbbb_second.sql", "-- no id here\n\n-- retort:upgrade\nSELECT 1;\n");
        assertTrue(assertThrows(RetortException.class, this::load).getMessage().contains("Revision ID"));
        assertTrue(assertThrows(RetortException.class, this::load).getMessage().contains("Revision ID"));
    }

    @Test
    void concurrentWritersLeaveAWholeIndex() throws Exception {
        for (int i = 0; i < 40; i++) {
            script(String.format("x%03d_more.sql", i), header(String.format("x%03d", i), i == 0 ? "cccc" : String.format("x%03d", i - 1), "more " + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                runs.add(pool.submit(() -> {
                    for (int k = 0; k < 15; k++) {
                        // each writer sees a different set of unindexed entries, so each writes
                        Files.setLastModifiedTime(dir.resolve(String.format("scripts/versions/x%03d_more.sql", (seed * 15 + k) % 40)),
                                FileTime.fromMillis(System.currentTimeMillis() - 3_600_000L - seed * 1000L - k));
                        ScriptDirectory.load(config, HeaderCache.in(dir.resolve("cache")));
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
        ScriptDirectory s = load();
        assertEquals(43, s.revisions().size());
        assertEquals(ScriptDirectory.load(config).revisions(), s.revisions());
        assertEquals(0, load().headersRead(), "a valid index after the race");
        try (var files = Files.list(dir.resolve("cache"))) {
            assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".tmp")).collect(Collectors.toList()),
                    "no temporary file left");
        }
    }

    private static byte[] flip(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] ^= 0x55;
        return copy;
    }
}
