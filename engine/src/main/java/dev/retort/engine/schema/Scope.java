package dev.retort.engine.schema;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a catalog reader reads: on PostgreSQL one schema (objects there are unqualified) or
 * every user schema ({@code public} unqualified), and which tables take part. Retort's own
 * tables ({@code retort_*}: version, history, progress) never do; {@code include}/{@code exclude} are glob patterns
 * ({@code *}, {@code ?}) matched against {@code table}, {@code schema.table} or the schema name.
 *
 * @param schema the one PostgreSQL schema to read, or null for every user schema
 */
public record Scope(String schema, Set<String> ignoredTables, List<String> include, List<String> exclude) {

    /** Every user schema; only Retort's own tables left out. */
    public static Scope all() {
        return new Scope(null, defaultIgnored(), List.of(), List.of());
    }

    public static Set<String> defaultIgnored() {
        return Set.of("retort_version", "retort_history", "alembic_version");
    }

    public Scope withSchema(String s) {
        return new Scope(s, ignoredTables, include, exclude);
    }

    /** Whether table {@code name} of {@code schemaName} (null = default schema) takes part. */
    public boolean includes(String schemaName, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (ignoredTables.contains(lower) || lower.startsWith("retort_") || lower.startsWith("_retort_tmp_")) {
            return false;
        }
        String q = schemaName == null ? name : schemaName + "." + name;
        if (!include.isEmpty() && include.stream().noneMatch(p -> glob(p, name) || glob(p, q))) {
            return false;
        }
        return exclude.stream().noneMatch(p -> glob(p, name) || glob(p, q) || (schemaName != null && glob(p, schemaName)));
    }

    /** Whether schema {@code name} takes part (PostgreSQL, reading every schema). */
    public boolean includesSchema(String name) {
        return exclude.stream().noneMatch(p -> glob(p, name));
    }

    static boolean glob(String pattern, String s) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            re.append(switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE).matcher(s).matches();
    }
}
