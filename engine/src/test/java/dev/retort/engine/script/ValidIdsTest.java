package dev.retort.engine.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.RetortException;
import dev.retort.engine.config.RetortConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ids and labels that cannot be stored, loaded or told apart from a target are refused on write and on load. */
class ValidIdsTest {

    @TempDir
    Path dir;

    private RetortConfig config(String extra) throws IOException {
        if (!Files.exists(dir.resolve("scripts"))) {
            Templates.init(dir.resolve("scripts"), "generic", dir.resolve("unused.ini"));
        }
        Path ini = dir.resolve("retort.ini");
        Files.writeString(ini, "[retort]\nscript_location = %(here)s/scripts\n" + extra);
        return RetortConfig.load(ini, null, Map.of(), Map.of());
    }

    private ScriptWriter writer() throws IOException {
        RetortConfig c = config("");
        return new ScriptWriter(c, ScriptDirectory.load(c));
    }

    private String refusedWrite(String id, List<String> labels) throws IOException {
        ScriptWriter w = writer();
        return assertThrows(RetortException.class, () -> w.write(new ScriptWriter.Request(id, "m", List.of(), labels,
                List.of(), dir.resolve("scripts/versions")))).getMessage();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".sql")).toList();
        }
    }

    @Test
    void idsThatCannotBeStoredOrEscapeTheDirectoryAreRefusedOnWrite() throws IOException {
        assertEquals("Revision identifier '" + "a".repeat(40) + "' is 40 characters long; the version table holds 32"
                + " (widen version_num and set version_num_length to allow more)", refusedWrite("a".repeat(40), List.of()));
        assertEquals("Revision identifier '../../x1' may only contain letters, digits and '_'",
                refusedWrite("../../x1", List.of()));
        assertEquals("Character(s) '-' not allowed in revision identifier '-x1'", refusedWrite("-x1", List.of()));
        assertEquals("Revision identifier '/tmp/x1' may only contain letters, digits and '_'",
                refusedWrite("/tmp/x1", List.of()));
        assertEquals("Revision identifier 'a/b' may only contain letters, digits and '_'", refusedWrite("a/b", List.of()));
        assertEquals("Revision identifier '..' may only contain letters, digits and '_'", refusedWrite("..", List.of()));
        assertEquals("Revision identifier '.hidden' may only contain letters, digits and '_'",
                refusedWrite(".hidden", List.of()));
        for (String reserved : List.of("head", "heads", "base", "HEADS")) {
            assertEquals("'" + reserved + "' is reserved (it names a target); it can't be a revision identifier",
                    refusedWrite(reserved, List.of()));
        }
        assertEquals("'heads' is reserved (it names a target); it can't be a branch label",
                refusedWrite("abc123", List.of("heads")));
        assertEquals("Branch label '../x' may only contain letters, digits, '_' and '.' (not first)",
                refusedWrite("abc123", List.of("../x")));
        assertEquals(List.of(), files(), "nothing was written");
    }

    @Test
    void aWidenedVersionColumnAllowsLongerIds() throws IOException {
        RetortConfig c = config("version_num_length = 64\n");
        new ScriptWriter(c, ScriptDirectory.load(c)).write(new ScriptWriter.Request("a".repeat(40), "m", List.of(),
                List.of(), List.of(), dir.resolve("scripts/versions")));
        assertEquals(1, ScriptDirectory.load(c).revisions().size());
    }

    @Test
    void badIdsAndLabelsInFilesAreOneLineErrorsNamingTheFileOnLoad() throws IOException {
        RetortConfig c = config("");
        Path f = dir.resolve("scripts/versions/x_bad.sql");
        Files.writeString(f, "-- m\n--\n-- Revision ID: " + "b".repeat(33) + "\n-- Revises:\n\n-- retort:upgrade\nSELECT 1;\n");
        RetortException e = assertThrows(RetortException.class, () -> ScriptDirectory.load(c));
        assertTrue(e.getMessage().startsWith(f.toAbsolutePath() + ": Revision identifier 'bbb"), e.getMessage());
        assertTrue(e.getMessage().contains("is 33 characters long"), e.getMessage());
        Files.writeString(f, "-- m\n--\n-- Revision ID: heads\n-- Revises:\n\n-- retort:upgrade\nSELECT 1;\n");
        assertEquals(f.toAbsolutePath() + ": 'heads' is reserved (it names a target); it can't be a revision identifier",
                assertThrows(RetortException.class, () -> ScriptDirectory.load(c)).getMessage());
        Files.writeString(f, "-- m\n--\n-- Revision ID: abc\n-- Revises:\n-- Branch Labels: base\n\n-- retort:upgrade\n");
        assertEquals(f.toAbsolutePath() + ": 'base' is reserved (it names a target); it can't be a branch label",
                assertThrows(RetortException.class, () -> ScriptDirectory.load(c)).getMessage());
    }

    @Test
    void eightRacingWritersOfOneIdProduceExactlyOneFile() throws Exception {
        RetortConfig c = config("");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String message = "message " + i;
            results.add(pool.submit(() -> {
                ScriptWriter w = new ScriptWriter(c, ScriptDirectory.load(c));
                go.await();
                try {
                    w.write(new ScriptWriter.Request("deadbeef0001", message, List.of(), List.of(), List.of(),
                            dir.resolve("scripts/versions")));
                    return "ok";
                } catch (RetortException e) {
                    return e.getMessage();
                }
            }));
        }
        go.countDown();
        int ok = 0;
        for (Future<String> f : results) {
            String r = f.get();
            if (r.equals("ok")) {
                ok++;
            } else {
                assertTrue(r.startsWith("Revision deadbeef0001 already exists: "), r);
            }
        }
        pool.shutdown();
        assertEquals(1, ok);
        assertEquals(1, files().size());
        assertEquals(1, ScriptDirectory.load(c).revisions().size());
    }

    @Test
    void aVersionLocationThatDoesNotExistIsAnError() throws IOException {
        RetortConfig c = config("version_locations = %(here)s/nowhere\n");
        RetortException e = assertThrows(RetortException.class, () -> ScriptDirectory.load(c));
        assertEquals(dir.resolve("retort.ini").toAbsolutePath() + ":3: version location "
                + dir.resolve("nowhere").toAbsolutePath() + " doesn't exist", e.getMessage());
    }
}
