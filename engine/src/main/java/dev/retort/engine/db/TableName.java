package dev.retort.engine.db;

import dev.retort.engine.dialect.Dialect;

/**
 * A table, optionally schema-qualified. Rendered by {@link #sql(Dialect)} with every part
 * quoted by the dialect (so names keep their case: a lowercase name quoted means the same as
 * unquoted, so this names the table the dialect's unquoted version SQL names).
 *
 * @param schema the schema, or null for the connection's default
 * @param name   the table's name
 */
public record TableName(String schema, String name) {

    /** {@code "schema"."name"} (or {@code "name"}) in {@code dialect}'s quoting. */
    public String sql(Dialect dialect) {
        return schema == null ? dialect.quote(name) : dialect.quote(schema) + "." + dialect.quote(name);
    }

    public TableName sibling(String otherName) {
        return new TableName(schema, otherName);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
