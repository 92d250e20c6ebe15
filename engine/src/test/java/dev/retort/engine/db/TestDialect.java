package dev.retort.engine.db;

import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.dialect.Statement;
import dev.retort.engine.revision.VersionChange;
import java.util.List;

/** A test-local dialect with Alembic's version-table SQL; scripts are pre-split by the tests. */
record TestDialect(String name, boolean transactionalDdl) implements Dialect {

    /** MySQL gets its real dialect: which of its statements commit implicitly is the dialect's to say. */
    static Dialect of(DatabaseFamily family) {
        if (family.name().equals("mysql")) {
            return family.dialect();
        }
        return new TestDialect(family.name(), family.dialect().transactionalDdl());
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return identifier.matches("[a-z_][a-z0-9_]*") ? identifier : '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Which answers fail a statement is the real dialect's to say (SQLite's foreign_key_check). */
    @Override
    public String failureIn(Statement statement, java.sql.ResultSet rows) throws java.sql.SQLException {
        return DatabaseFamilies.named(name).orElseThrow().dialect().failureIn(statement, rows);
    }

    @Override
    public List<Statement> split(String sql, int firstLine) {
        throw new UnsupportedOperationException("tests build statements directly");
    }

    private String table(String table, String schema) {
        return schema == null ? quoteIdentifier(table) : quoteIdentifier(schema) + "." + quoteIdentifier(table);
    }

    @Override
    public String versionTableDdl(String table, String schema) {
        return "CREATE TABLE " + table(table, schema) + " (\n    version_num VARCHAR(32) NOT NULL, \n"
                + "    CONSTRAINT " + table + "_pkc PRIMARY KEY (version_num)\n)";
    }

    @Override
    public String versionChangeSql(VersionChange change, String table, String schema) {
        String t = table(table, schema);
        String col = quoteIdentifier(table) + ".version_num";
        if (change instanceof VersionChange.Insert i) {
            // PostgreSQL as SQLAlchemy 1.4 compiles it for Alembic: a result set, not an update count
            return "INSERT INTO " + t + " (version_num) VALUES ('" + i.revision() + "')"
                    + (transactionalDdl ? " RETURNING " + col : "");
        }
        if (change instanceof VersionChange.Update u) {
            return "UPDATE " + t + " SET version_num='" + u.to() + "' WHERE " + col + " = '" + u.from() + "'";
        }
        return "DELETE FROM " + t + " WHERE " + col + " = '" + ((VersionChange.Delete) change).revision() + "'";
    }
}
