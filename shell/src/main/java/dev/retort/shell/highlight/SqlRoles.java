package dev.retort.shell.highlight;

import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.dialect.Dialects;
import dev.retort.engine.dialect.PostgresDialect;
import dev.retort.engine.dialect.SqlToken;
import dev.retort.themes.Role;
import dev.retort.themes.Styler;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * The one place where SQL becomes colours: the dialect's own tokens ({@link Dialect#tokens},
 * the statement splitter's lexer) mapped to theme {@link Role}s. The REPL's and one-shot
 * output's JLine strings ({@link #jline}) and the graph panel's Lanterna cells (through
 * {@link #roles}) both come from here, so the same SQL is coloured the same everywhere.
 */
public final class SqlRoles {
    private SqlRoles() {}

    /** Used when the database's dialect is not known (no URL configured): PostgreSQL's rules, the widest. */
    private static final Dialect FALLBACK = new PostgresDialect();

    /** The role a token kind is drawn in; null for plain text. */
    public static Role role(SqlToken.Kind kind) {
        return switch (kind) {
            case KEYWORD -> Role.SQL_KEYWORD;
            case STRING -> Role.SQL_STRING;
            case NUMBER -> Role.SQL_NUMBER;
            case COMMENT -> Role.SQL_COMMENT;
            case WORD, QUOTED_IDENTIFIER, DELIMITER, SYMBOL -> null;
        };
    }

    /** The dialect called {@code name} ({@code sqlite}, {@code postgresql}, ...), PostgreSQL's rules when unknown. */
    public static Dialect dialect(String name) {
        if (name == null || name.isBlank()) {
            return FALLBACK;
        }
        try {
            return Dialects.forName(name);
        } catch (RuntimeException unknown) {
            return FALLBACK;
        }
    }

    /**
     * The role of each character of {@code sql}: null where plain. Retort's own notes in a
     * preview are comments to the database but not to the reader: {@code -- FAILED} and
     * {@code -- lint error[...]} are errors, {@code -- lint warning[...]} a warning,
     * {@code -- lint info[...]} muted.
     */
    public static Role[] roles(Dialect dialect, String sql) {
        Role[] roles = new Role[sql.length()];
        for (SqlToken t : dialect.tokens(sql)) {
            Role role = role(t.kind());
            if (t.kind() == SqlToken.Kind.COMMENT) {
                role = note(sql, t.start(), role);
            }
            if (role != null) {
                java.util.Arrays.fill(roles, t.start(), t.end(), role);
            }
        }
        return roles;
    }

    private static Role note(String sql, int at, Role comment) {
        if (sql.startsWith("-- FAILED", at) || sql.startsWith("-- lint error[", at)) {
            return Role.ERROR;
        }
        if (sql.startsWith("-- lint warning[", at)) {
            return Role.WARNING;
        }
        if (sql.startsWith("-- lint info[", at)) {
            return Role.MUTED;
        }
        return comment;
    }

    /**
     * {@code sql} coloured by its tokens as a string for a plain stream. Callers outside this
     * package use this rather than {@link #jline}: a JLine type in their own code would make the
     * JVM load JLine when it verifies them, in every one-shot command (see ClassLoadingTest).
     */
    public static String ansi(Styler styler, Dialect dialect, String sql) {
        return styler.ansi(jline(styler, dialect, sql));
    }

    /** {@code sql} coloured for JLine (the REPL, one-shot output). */
    public static AttributedString jline(Styler styler, Dialect dialect, String sql) {
        Role[] roles = roles(dialect, sql);
        AttributedStringBuilder sb = new AttributedStringBuilder(sql.length() + 64);
        int i = 0;
        while (i < roles.length) {
            int j = i + 1;
            while (j < roles.length && roles[j] == roles[i]) {
                j++;
            }
            if (roles[i] == null) {
                sb.append(sql, i, j);
            } else {
                styler.append(sb, roles[i], sql.substring(i, j));
            }
            i = j;
        }
        return sb.toAttributedString();
    }
}
