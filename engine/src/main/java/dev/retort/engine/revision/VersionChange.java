package dev.retort.engine.revision;

/**
 * One change to the version table, as Alembic's HeadMaintainer makes it. Rendering to SQL is
 * the dialect's job; the order of a step's changes is the order they run.
 */
public sealed interface VersionChange {

    /** {@code INSERT INTO t (version_num) VALUES ('revision')} */
    record Insert(String revision) implements VersionChange {}

    /** {@code UPDATE t SET version_num='to' WHERE t.version_num = 'from'} */
    record Update(String from, String to) implements VersionChange {}

    /** {@code DELETE FROM t WHERE t.version_num = 'revision'} */
    record Delete(String revision) implements VersionChange {}
}
