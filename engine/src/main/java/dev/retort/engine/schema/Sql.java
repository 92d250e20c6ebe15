package dev.retort.engine.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The little lexical work the catalog readers need on text the database itself stored
 * (SQLite keeps each object's {@code CREATE} statement verbatim): tokens, a normal form that
 * ignores layout, comments, identifier quoting and keyword case, and the names a definition
 * mentions. It never interprets a schema; the database has already accepted the text.
 */
final class Sql {
    private Sql() {}

    enum T { WORD, QUOTED, STRING, NUMBER, SYMBOL }

    record Tok(T type, String text, int start, int end) {
        /** The identifier this token names (quotes removed), or the word in lower case. */
        String ident() {
            return switch (type) {
                case QUOTED -> unquote(text);
                default -> text;
            };
        }

        boolean is(String word) {
            return (type == T.WORD) && text.equalsIgnoreCase(word);
        }

        boolean sym(String s) {
            return type == T.SYMBOL && text.equals(s);
        }
    }

    static List<Tok> tokens(String sql) {
        List<Tok> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int e = sql.indexOf("*/", i + 2);
                i = e < 0 ? n : e + 2;
            } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int j = i + 1;
                while (j < n) {
                    if (sql.charAt(j) == close) {
                        if (close != ']' && j + 1 < n && sql.charAt(j + 1) == close) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                int end = Math.min(j + 1, n);
                out.add(new Tok(c == '\'' ? T.STRING : T.QUOTED, sql.substring(i, end), i, end));
                i = end;
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
                    j++;
                }
                out.add(new Tok(T.WORD, sql.substring(i, j), i, j));
                i = j;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
                    j++;
                }
                out.add(new Tok(T.NUMBER, sql.substring(i, j), i, j));
                i = j;
            } else {
                out.add(new Tok(T.SYMBOL, String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return out;
    }

    static String unquote(String q) {
        if (q.length() < 2) {
            return q;
        }
        char c = q.charAt(0);
        String inner = q.substring(1, q.length() - 1);
        return c == '[' ? inner : inner.replace(String.valueOf(c) + c, String.valueOf(c));
    }

    /** Layout-, comment-, quoting- and case-insensitive form of a piece of SQL. */
    static String normal(List<Tok> toks) {
        StringBuilder sb = new StringBuilder();
        for (Tok t : toks) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(switch (t.type()) {
                case STRING, NUMBER, SYMBOL -> t.text();
                case WORD -> t.text().toLowerCase(Locale.ROOT);
                case QUOTED -> unquote(t.text()).toLowerCase(Locale.ROOT);
            });
        }
        return sb.toString();
    }

    static String normal(String sql) {
        return normal(tokens(sql));
    }

    /** Every identifier-like token, lower case: the names a definition may refer to. */
    static Set<String> names(String sql) {
        Set<String> out = new java.util.HashSet<>();
        for (Tok t : tokens(sql)) {
            if (t.type() == T.WORD || t.type() == T.QUOTED) {
                out.add(t.ident().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** A SQL string literal. */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static final Set<String> PG_RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
            "asymmetric", "authorization", "binary", "both", "case", "cast", "check", "collate", "collation", "column",
            "concurrently", "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
            "current_schema", "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc",
            "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "freeze", "from", "full",
            "grant", "group", "having", "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull", "join",
            "lateral", "leading", "left", "like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull",
            "null", "offset", "on", "only", "or", "order", "outer", "overlaps", "placing", "primary", "references",
            "returning", "right", "select", "session_user", "similar", "some", "symmetric", "system_user", "table",
            "tablesample", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose",
            "when", "where", "window", "with");

    /** PostgreSQL/SQLite quoting: bare when the name is lower-case simple and not a keyword. */
    static String quoteDouble(String ident) {
        if (ident.matches("[a-z_][a-z0-9_]*") && !PG_RESERVED.contains(ident)) {
            return ident;
        }
        return "\"" + ident.replace("\"", "\"\"") + "\"";
    }

    static String quoteBacktick(String ident) {
        return "`" + ident.replace("`", "``") + "`";
    }
}
