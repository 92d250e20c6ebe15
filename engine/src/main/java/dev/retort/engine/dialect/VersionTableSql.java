package dev.retort.engine.dialect;

import dev.retort.engine.revision.VersionChange;

/**
 * The version table's statements as SQLAlchemy compiles them for Alembic (reference §8.1,
 * §10.1), byte for byte: values inlined as literals, the CREATE TABLE column line ending in
 * {@code ", "} before its newline exactly as SQLAlchemy writes it. Immutable.
 */
final class VersionTableSql {

    private final Identifiers identifiers;
    private final boolean returningOnInsert;
    private final boolean backslashLiterals;

    /**
     * @param returningOnInsert append {@code RETURNING t.version_num} to the INSERT, as
     *                          SQLAlchemy 1.4's PostgreSQL dialect does (implicit returning of
     *                          the primary key; recorded in the conformance cases)
     */
    VersionTableSql(Identifiers identifiers, boolean returningOnInsert) {
        this(identifiers, returningOnInsert, false);
    }

    /**
     * @param backslashLiterals double backslashes in literals, as SQLAlchemy's MySQL dialect
     *                          renders them while the server reads backslash escapes
     */
    VersionTableSql(Identifiers identifiers, boolean returningOnInsert, boolean backslashLiterals) {
        this.identifiers = identifiers;
        this.returningOnInsert = returningOnInsert;
        this.backslashLiterals = backslashLiterals;
    }

    String ddl(String table, String schema) {
        return "CREATE TABLE " + identifiers.table(table, schema) + " (\n"
                + "    version_num VARCHAR(32) NOT NULL, \n"
                + "    CONSTRAINT " + identifiers.quoteIfNeeded(table + "_pkc") + " PRIMARY KEY (version_num)\n"
                + ")";
    }

    String change(VersionChange change, String table, String schema) {
        String t = identifiers.table(table, schema);
        if (change instanceof VersionChange.Insert insert) {
            String sql = "INSERT INTO " + t + " (version_num) VALUES (" + literal(insert.revision()) + ")";
            return returningOnInsert ? sql + " RETURNING " + t + ".version_num" : sql;
        } else if (change instanceof VersionChange.Update update) {
            return "UPDATE " + t + " SET version_num=" + literal(update.to())
                    + " WHERE " + t + ".version_num = " + literal(update.from());
        } else if (change instanceof VersionChange.Delete delete) {
            return "DELETE FROM " + t + " WHERE " + t + ".version_num = " + literal(delete.revision());
        }
        throw new IllegalArgumentException("unknown version change " + change);
    }

    private String literal(String value) {
        String v = backslashLiterals ? value.replace("\\", "\\\\") : value;
        return "'" + v.replace("'", "''") + "'";
    }
}
