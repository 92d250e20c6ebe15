package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's item 10 as a user met it, through the commands: a revision written with
 * {@code revision -m ""}, or a hand-written header whose first line is empty, lists with an
 * empty message (Alembic's {@code <base> -> id (head), }), never with its header lines; a
 * message that looks like a header key is written, read back and shown as given.
 */
class EmptyMessageCliTest {

    @TempDir
    Path dir;

    @Test
    void revisionWithAnEmptyMessageListsWithAnEmptyMessage() throws Exception {
        CliHarness h = CliHarness.project(dir, Map.of());
        CliHarness.Run made = h.run("revision", "-m", "", "--rev-id", "540b375b2474");
        assertEquals(0, made.exit(), made.err());
        assertEquals("<base> -> 540b375b2474 (head), \n", h.run("history").out());
        assertEquals("", h.run("show", "540b375b2474", "--json").err());
    }

    @Test
    void handWrittenHeaderWithAnEmptyFirstLineListsWithAnEmptyMessage() throws Exception {
        CliHarness h = CliHarness.project(dir, Map.of());
        Files.writeString(dir.resolve("migrations/versions/540b375b2474_.sql"), "--\n--\n-- Revision ID: 540b375b2474\n"
                + "-- Revises:\n-- Create Date: 2026-01-01 00:00:00.000000\n-- Branch Labels: notes\n\n"
                + "-- retort:upgrade\nSELECT 1;\n");
        String history = h.run("history").out();
        assertEquals("<base> -> 540b375b2474 (notes) (head), \n", history);
    }

    @Test
    void aMessageThatLooksLikeAHeaderKeyRoundTrips() throws Exception {
        CliHarness h = CliHarness.project(dir, Map.of());
        CliHarness.Run made = h.run("revision", "-m", "Revision ID: e3f6db74cc1e", "--rev-id", "aaaa00000001");
        assertEquals(0, made.exit(), made.err());
        CliHarness.Run history = h.run("history");
        assertEquals("", history.err());
        assertEquals("<base> -> aaaa00000001 (head), Revision ID: e3f6db74cc1e\n", history.out());
        assertTrue(h.run("heads").out().startsWith("aaaa00000001 (head)"));
    }
}
