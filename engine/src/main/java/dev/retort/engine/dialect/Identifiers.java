package dev.retort.engine.dialect;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SQLAlchemy's identifier quoting, so that Retort's version-table SQL is Alembic's text: a
 * name is quoted only when it must be (a reserved word, upper-case letters, a leading digit,
 * {@code _} or {@code $}, or a character outside {@code [A-Za-z0-9_$]}), with {@code "} and
 * doubled inner quotes (backticks for MySQL). Immutable.
 */
final class Identifiers {

    private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9_$]+");

    private final Set<String> reserved;
    private final char quote;

    /** @param reserved lower-case reserved words of the dialect; quotes with {@code "} */
    Identifiers(Set<String> reserved) {
        this(reserved, '"');
    }

    /** @param quote the dialect's identifier quote: {@code "}, or {@code `} for MySQL */
    Identifiers(Set<String> reserved, char quote) {
        this.reserved = Set.copyOf(reserved);
        this.quote = quote;
    }

    boolean requiresQuotes(String name) {
        if (name.isEmpty()) {
            return true;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        char first = name.charAt(0);
        return reserved.contains(lower)
                || Character.isDigit(first) || first == '_' || first == '$'
                || !LEGAL.matcher(name).matches()
                || !lower.equals(name);
    }

    String quoteIfNeeded(String name) {
        return requiresQuotes(name) ? quote(name) : name;
    }

    /** {@code name} in the dialect's quotes, inner quotes doubled. */
    String quote(String name) {
        String q = String.valueOf(quote);
        return q + name.replace(q, q + q) + q;
    }

    /** {@code schema.table}, each part quoted as needed; just the table when schema is null or empty. */
    String table(String table, String schema) {
        String t = quoteIfNeeded(table);
        return schema == null || schema.isEmpty() ? t : quoteIfNeeded(schema) + "." + t;
    }
}
