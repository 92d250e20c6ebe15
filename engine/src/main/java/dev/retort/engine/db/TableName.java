package dev.retort.engine.db;

/**
 * A table, optionally schema-qualified, quoted for SQL. Double quotes work for both SQLite and
 * PostgreSQL; a lowercase name quoted means the same as unquoted, so this names the table the
 * dialect's unquoted version SQL names.
 */
record TableName(String schema, String name, char quoteChar) {

    TableName(String schema, String name) {
        this(schema, name, '"');
    }

    /** The same table for a family quoting with {@code quoteChar} (MySQL: {@code `}). */
    TableName withQuote(char q) {
        return new TableName(schema, name, q);
    }

    String sql() {
        return schema == null ? quote(name, quoteChar) : quote(schema, quoteChar) + "." + quote(name, quoteChar);
    }

    TableName sibling(String otherName) {
        return new TableName(schema, otherName, quoteChar);
    }

    private static String quote(String identifier, char q) {
        String s = String.valueOf(q);
        return s + identifier.replace(s, s + s) + s;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
