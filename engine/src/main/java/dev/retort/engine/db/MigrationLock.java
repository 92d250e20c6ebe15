package dev.retort.engine.db;

/** A held migration lock; closing it releases the lock. */
interface MigrationLock extends AutoCloseable {
    @Override
    void close();
}
