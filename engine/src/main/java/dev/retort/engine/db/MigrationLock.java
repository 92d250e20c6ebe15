package dev.retort.engine.db;

import dev.retort.engine.RetortException;

/** A held migration lock; closing it releases the lock. */
public interface MigrationLock extends AutoCloseable {

    /**
     * Checks the lock is still held, before each step and each self-committing statement: a
     * lock lost silently (the server closed its idle connection) would let a second runner
     * repeat work.
     *
     * @throws RetortException naming what happened to the lock
     */
    default void check() {}

    @Override
    void close();
}
