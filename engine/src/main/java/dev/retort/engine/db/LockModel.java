package dev.retort.engine.db;

/**
 * How a family's server locks and rewrites tables, as lint derives a statement's facts from
 * its kind ({@link DatabaseFamily#lockModel()}). A family names the model its server follows;
 * lint knows each model's lock per statement kind, so no code outside a family asks which
 * database it is. Closed: a new family picks one, or adds a constant here and the one
 * exhaustive {@code switch} in lint that reads it.
 */
public enum LockModel {

    /**
     * PostgreSQL: a documented table-level lock mode per statement and per {@code ALTER TABLE}
     * action ({@code SHARE} for {@code CREATE INDEX}, {@code ACCESS EXCLUSIVE} for most
     * {@code ALTER TABLE}); type changes, volatile defaults, {@code CLUSTER} and
     * {@code VACUUM FULL} rewrite the table.
     */
    TABLE_LOCK_MODES,

    /** SQLite: one write lock on the whole database for any change; nothing is rewritten in place. */
    DATABASE_WRITE_LOCK,

    /**
     * MySQL/MariaDB: an exclusive metadata lock for DDL, row locks for DML; {@code ALTER TABLE}
     * actions that need {@code ALGORITHM=COPY}, and {@code OPTIMIZE TABLE}, rewrite the table.
     */
    METADATA_LOCK
}
