package dev.retort.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a one-shot run ends: a normal return from {@code main} when nothing but daemons is left
 * (no Runtime.exit logging), {@code System.exit} otherwise; and the launcher's terminal test.
 */
class MainTest {
    @TempDir
    Path dir;

    @Test
    void aLiveNonDaemonThreadMeansTheRunMustExitExplicitly() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "a-non-daemon");
        worker.start();
        try {
            assertTrue(started.await(10, TimeUnit.SECONDS));
            assertFalse(Main.onlyDaemonThreadsLeft(), "a non-daemon thread is alive");
        } finally {
            release.countDown();
            worker.join(10_000);
        }
    }

    @Test
    void theLaunchersTerminalPropertyIsTakenAsIs() {
        String before = System.getProperty("retort.tty");
        try {
            System.setProperty("retort.tty", "1");
            assertTrue(Main.bothEndsTerminal());
            System.setProperty("retort.tty", "0");
            assertFalse(Main.bothEndsTerminal());
            System.clearProperty("retort.tty");
            assertEquals(System.console() != null, Main.bothEndsTerminal(), "without it, the JDK's console decides");
        } finally {
            if (before == null) {
                System.clearProperty("retort.tty");
            } else {
                System.setProperty("retort.tty", before);
            }
        }
    }

    /** Exit statuses are unchanged by the normal return: 0 for a success, the command's own for a failure. */
    @Test
    void aChildRunEndsWithItsCommandsStatus() throws Exception {
        Path versions = Files.createDirectories(dir.resolve("migrations/versions"));
        Files.writeString(dir.resolve("retort.ini"),
                "[retort]\nscript_location = %(here)s/migrations\nurl = sqlite:///%(here)s/a.db\n");
        Files.writeString(versions.resolve("1a2b3c4d5e6f_first.sql"), "-- first\n--\n-- Revision ID: 1a2b3c4d5e6f\n"
                + "-- Revises:\n-- Create Date: 2025-09-24 10:07:38.412957\n\n-- retort:upgrade\nCREATE TABLE t (id INTEGER);\n\n"
                + "-- retort:downgrade\nDROP TABLE t;\n");
        assertEquals(0, child("heads").exit);
        assertEquals("1a2b3c4d5e6f (head)", child("heads").out.strip());
        Done unknown = child("show", "ffff");
        assertEquals(1, unknown.exit, unknown.out);
        assertEquals(2, child("chek").exit);
    }

    private record Done(int exit, String out) {}

    private Done child(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-Dretort.tty=0", "-cp", System.getProperty("java.class.path"),
                "dev.retort.shell.Main", "-c", dir.resolve("retort.ini").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Done(p.exitValue(), out);
    }
}
