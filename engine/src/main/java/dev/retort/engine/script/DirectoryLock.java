package dev.retort.engine.script;

import dev.retort.engine.RetortException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a script directory while a new revision is written, so that the check
 * "no file declares this id" and the file's creation happen as one, across processes (an OS
 * lock on {@code .retort-revision.lock}) and threads (OS locks belong to the process).
 */
final class DirectoryLock implements AutoCloseable {

    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final FileChannel channel;

    private DirectoryLock(FileChannel channel) {
        this.channel = channel;
    }

    static DirectoryLock take(Path scriptLocation) {
        IN_PROCESS.lock();
        Path file = scriptLocation.resolve(".retort-revision.lock");
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            ch.lock();
            return new DirectoryLock(ch);
        } catch (IOException e) {
            try {
                if (ch != null) {
                    ch.close();
                }
            } catch (IOException ignored) {
                // already failing
            }
            IN_PROCESS.unlock();
            throw new RetortException("Can't lock " + file + " to write a revision: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close(); // releases the OS lock
        } catch (IOException ignored) {
            // the lock goes with the descriptor either way
        } finally {
            IN_PROCESS.unlock();
        }
    }
}
