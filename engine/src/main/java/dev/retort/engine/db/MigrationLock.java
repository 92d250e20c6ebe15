package dev.retort.engine.db;

/** A held migration lock; closing it releases the lock. */
public interface MigrationLock extends AutoCloseable {
    @Override
    void close();
}
