package dev.retort.engine.dialect;

import dev.retort.engine.revision.VersionChange;
import java.util.List;

/**
 * What differs between database families: quoting, statement splitting, transactional DDL
 * and the version table's SQL.
 *
 * <p>PUBLIC CONTRACT (implementations: SQLite, PostgreSQL).
 */
public interface Dialect {

    /** {@code sqlite} or {@code postgresql}: also the name a script section is limited by. */
    String name();

    /** Whether DDL runs inside transactions (PostgreSQL yes, SQLite treated as Alembic does: no). */
    boolean transactionalDdl();

    String quoteIdentifier(String identifier);

    /** Cuts a section into statements; {@code firstLine} is the section's first line in the file. */
    List<Statement> split(String sql, int firstLine);

    /** Alembic's {@code CREATE TABLE alembic_version (...)} for this dialect, no terminator. */
    String versionTableDdl(String table, String schema);

    /** The statement for one version-table change, values inlined, no terminator. */
    String versionChangeSql(VersionChange change, String table, String schema);
}
