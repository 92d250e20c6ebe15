package dev.retort.engine.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.revision.Revision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages survive the header: empty, looking like a header key, spanning lines and
 * paragraphs, starting with a backslash; hand-written headers with an empty first line read as
 * an empty message, and old headers read as before.
 */
class MessageRoundTripTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-03-04T05:06:07Z"), ZoneId.of("UTC"));

    @TempDir
    Path dir;

    private RetortConfig config() throws Exception {
        if (!Files.exists(dir.resolve("scripts"))) {
            Templates.init(dir.resolve("scripts"), "generic", dir.resolve("unused.ini"));
        }
        Path ini = dir.resolve("retort.ini");
        Files.writeString(ini, "[retort]\nscript_location = %(here)s/scripts\n");
        return RetortConfig.load(ini, null, Map.of(), Map.of());
    }

    private Revision roundTrip(String rev, String message) throws Exception {
        RetortConfig config = config();
        new ScriptWriter(config, ScriptDirectory.load(config), CLOCK).write(new ScriptWriter.Request(rev, message,
                List.of(), List.of(), List.of(), dir.resolve("scripts/versions").toAbsolutePath()));
        return ScriptDirectory.load(config).revisions().stream().filter(r -> r.id().equals(rev)).findFirst().orElseThrow();
    }

    @Test
    void everyKindOfMessageReadsBackAsWritten() throws Exception {
        List<String> messages = List.of("", "Revision ID: e3f6db74cc1e", "Revises: abc", "first line\nsecond line",
                "a paragraph\n\nanother paragraph", "\\starts with a backslash", "plain", "Depends On: x\nRevision ID: y");
        int n = 0;
        for (String m : messages) {
            String rev = String.format("%012x", 0xabc000 + n++);
            assertEquals(m, roundTrip(rev, m).doc(), "message " + m.replace("\n", "\\n"));
        }
    }

    @Test
    void emptyMessageIsAnEmptyFirstLine() throws Exception {
        Revision r = roundTrip("aaaaaaaaaaaa", "");
        String text = Files.readString(r.path());
        assertEquals("--\n--\n-- Revision ID: aaaaaaaaaaaa", text.substring(0, text.indexOf("\n-- Revises")));
    }

    private Revision read(String header) throws Exception {
        Path f = dir.resolve("x.sql");
        Files.writeString(f, header + "\n-- retort:upgrade\nSELECT 1;\n");
        return HeaderReader.read(f);
    }

    @Test
    void handWrittenHeaderWithAnEmptyFirstLineHasAnEmptyMessage() throws Exception {
        Revision r = read("--\n--\n-- Revision ID: 540b375b2474\n-- Revises:\n-- Create Date: 2026-01-01\n"
                + "-- Branch Labels: x\n");
        assertEquals("", r.doc());
        assertEquals("540b375b2474", r.id());
        assertEquals(List.of("x"), r.branchLabels());
    }

    @Test
    void headerWithoutAMessageLineHasAnEmptyMessage() throws Exception {
        Revision r = read("-- Revision ID: 540b375b2474\n-- Revises: abc\n");
        assertEquals("", r.doc());
        assertEquals(List.of("abc"), r.downRevisions());
    }

    @Test
    void existingHeadersReadAsBefore() throws Exception {
        Revision r = read("-- add account table\n--\n-- Revision ID: 3512b954651e\n-- Revises: 2b1ae634e5cd\n"
                + "-- Create Date: 2026-02-24 12:00:00.000000\n");
        assertEquals("add account table", r.doc());
        assertEquals("add account table\n\nRevision ID: 3512b954651e\nRevises: 2b1ae634e5cd\n"
                + "Create Date: 2026-02-24 12:00:00.000000", r.docstring());
        Revision two = read("-- two\n-- lines\n--\n-- Revision ID: 3512b954651e\n");
        assertEquals("two\nlines", two.doc());
    }
}
