package dev.retort.engine.db.sqlite;

import dev.retort.engine.RetortException;
import dev.retort.engine.api.Cancellation;
import dev.retort.engine.api.LockHolder;
import dev.retort.engine.api.RunListener;
import dev.retort.engine.db.Database;
import dev.retort.engine.db.Identity;
import dev.retort.engine.db.LockWaiter;
import dev.retort.engine.db.MigrationLock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * SQLite: an operating-system lock on {@code <database>.lock} beside the database file. The
 * holder writes {@code <pid> <epoch-ms> <host>} into the file for others to read; the OS drops
 * the lock when the holder dies, so a killed runner leaves a stale text but no lock.
 *
 * <p>Why a static map: OS file locks belong to the process, and on POSIX closing <em>any</em>
 * descriptor of the file in the process releases them. So within one JVM the lock must be
 * known without touching the file; {@link #HELD} is that process-wide fact, nothing more.
 * The file is never deleted (deleting a lock file races with its next taker).
 */
final class FileLock implements MigrationLock {

    private static final ConcurrentMap<Path, Object> HELD = new ConcurrentHashMap<>();

    private final Path path;
    private final FileChannel channel;
    private final java.nio.channels.FileLock lock;
    private final LockHolder holder;

    private FileLock(Path path, FileChannel channel, java.nio.channels.FileLock lock, LockHolder holder) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.holder = holder;
    }

    static Path lockFile(Path database) {
        return database.resolveSibling(database.getFileName() + ".lock");
    }

    static MigrationLock acquire(Database db, Path database, Identity me, Duration timeout, RunListener listener,
            Cancellation cancel) {
        Path path = lockFile(database);
        LockWaiter waiter = new LockWaiter(db, timeout, listener, cancel, 10, 100);
        while (true) {
            Object slot = new Object();
            if (HELD.putIfAbsent(path, slot) == null) {
                FileLock taken = tryTake(path, me, slot);
                if (taken != null) {
                    return taken;
                }
            }
            Optional<LockHolder> holder = holder(path);
            waiter.failedAttempt(holder);
        }
    }

    /** With the in-JVM slot for {@code path} held by {@code slot}: try the OS lock once. */
    private static FileLock tryTake(Path path, Identity me, Object slot) {
        FileChannel ch = null;
        try {
            ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            java.nio.channels.FileLock l = ch.tryLock();
            if (l == null) {
                ch.close();
                HELD.remove(path, slot);
                return null;
            }
            LockHolder h = new LockHolder(me.pid(), me.host(), Instant.now());
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((h.pid() + " " + h.since().toEpochMilli() + " " + h.host() + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            FileLock taken = new FileLock(path, ch, l, h);
            HELD.replace(path, slot, taken);
            return taken;
        } catch (IOException e) {
            try {
                if (ch != null) {
                    ch.close();
                }
            } catch (IOException ignored) {
                // already failing
            }
            HELD.remove(path, slot);
            throw new RetortException("Can't take the migration lock " + path + ": " + e.getMessage(), e);
        }
    }

    /** Who holds the lock on {@code database}, if anyone. */
    static Optional<LockHolder> holderOf(Path database) {
        return holder(lockFile(database));
    }

    private static Optional<LockHolder> holder(Path path) {
        Object probe = new Object();
        Object inJvm = HELD.putIfAbsent(path, probe);
        if (inJvm instanceof FileLock held) {
            return Optional.of(held.holder);
        }
        if (inJvm != null) {
            // another thread of this process is taking or probing it right now
            return Optional.of(new LockHolder(ProcessHandle.current().pid(), "this process", null));
        }
        try {
            if (!Files.exists(path)) {
                return Optional.empty();
            }
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                java.nio.channels.FileLock probeLock = ch.tryLock(0, Long.MAX_VALUE, true);
                if (probeLock != null) {
                    probeLock.release();
                    return Optional.empty();
                }
            }
            return Optional.of(parse(Files.readString(path, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        } finally {
            HELD.remove(path, probe);
        }
    }

    private static LockHolder parse(String text) {
        String[] f = text.strip().split(" ", 3);
        try {
            return new LockHolder(Long.parseLong(f[0]), f[2], Instant.ofEpochMilli(Long.parseLong(f[1])));
        } catch (RuntimeException e) {
            return new LockHolder(-1, "unknown (taking the lock just now)", null);
        }
    }

    /** The OS lock holds as long as its descriptor is open and the file is the one locked. */
    @Override
    public void check() {
        String why = null;
        if (!channel.isOpen() || !lock.isValid()) {
            why = "its file descriptor was closed";
        } else if (!java.nio.file.Files.exists(path)) {
            why = path + " was deleted, so another runner can take a new lock";
        }
        if (why != null) {
            throw new RetortException("The migration lock " + path + " was lost: " + why
                    + "; stopped so that no other runner repeats work");
        }
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new RetortException("Can't release the migration lock " + path + ": " + e.getMessage(), e);
        } finally {
            HELD.remove(path, this);
        }
    }
}
