package dev.retort.engine.db;

/**
 * A table, optionally schema-qualified, quoted for SQL. Double quotes work for both SQLite and
 * PostgreSQL; a lowercase name quoted means the same as unquoted, so this names the table the
 * dialect's unquoted version SQL names.
 */
record TableName(String schema, String name) {

    String sql() {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }

    TableName sibling(String otherName) {
        return new TableName(schema, otherName);
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
