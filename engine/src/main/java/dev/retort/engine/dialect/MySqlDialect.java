package dev.retort.engine.dialect;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * MySQL and MariaDB (one dialect, named {@code mysql}; {@code mariadb} is an alias): DDL is
 * not transactional, every DDL statement commits on its own, so offline SQL has no
 * {@code BEGIN;}/{@code COMMIT;} (as Alembic prints for a {@code mysql://} URL) and online
 * each such statement is recorded as it completes ({@link #commitsImplicitly}).
 *
 * <p>Identifiers are quoted with backticks, which work whatever the server's {@code sql_mode};
 * the splitter follows the server's lexical rules under the {@code sql_mode} it was made for
 * ({@link #forSqlMode}): backslash escapes in strings unless {@code NO_BACKSLASH_ESCAPES},
 * {@code "..."} a string unless {@code ANSI_QUOTES}, {@code #} comments, {@code --} a comment
 * only before whitespace, non-nesting block comments, {@code /*! ... *}{@code /} executable
 * comments kept as SQL, the {@code DELIMITER} client command, and stored-program
 * {@code BEGIN ... END} bodies kept whole. Immutable and thread-safe.
 */
public final class MySqlDialect extends SqlAlchemyDialect {

    /** The name script sections use; {@link #ALIAS} means the same. */
    public static final String NAME = "mysql";
    public static final String ALIAS = "mariadb";

    /** MySQL 8 and MariaDB reserved words (SQLAlchemy's list): names that must be quoted. */
    private static final Set<String> RESERVED = Set.of(
            "accessible", "action", "add", "admin", "all", "alter", "analyze", "and", "array", "as", "asc",
            "asensitive", "before", "between", "bigint", "binary", "blob", "both", "by", "call", "cascade",
            "case", "change", "char", "character", "check", "collate", "column", "condition", "constraint",
            "continue", "convert", "create", "cross", "cube", "cume_dist", "current_date", "current_role",
            "current_time", "current_timestamp", "current_user", "cursor", "database", "databases",
            "day_hour", "day_microsecond", "day_minute", "day_second", "dec", "decimal", "declare",
            "default", "delayed", "delete", "dense_rank", "desc", "describe", "deterministic", "distinct",
            "distinctrow", "div", "double", "drop", "dual", "each", "else", "elseif", "empty", "enclosed",
            "escaped", "except", "exists", "exit", "explain", "false", "fetch", "first_value", "float",
            "float4", "float8", "for", "force", "foreign", "from", "fulltext", "function", "general",
            "generated", "get", "grant", "group", "grouping", "groups", "having", "high_priority",
            "hour_microsecond", "hour_minute", "hour_second", "if", "ignore", "ignore_server_ids", "in",
            "index", "infile", "inner", "inout", "insensitive", "insert", "int", "int1", "int2", "int3",
            "int4", "int8", "integer", "intersect", "interval", "into", "io_after_gtids",
            "io_before_gtids", "is", "iterate", "join", "json_table", "key", "keys", "kill", "lag",
            "last_value", "lateral", "lead", "leading", "leave", "left", "like", "limit", "linear",
            "lines", "load", "localtime", "localtimestamp", "lock", "long", "longblob", "longtext", "loop",
            "low_priority", "master_bind", "master_heartbeat_period", "master_ssl_verify_server_cert",
            "match", "maxvalue", "mediumblob", "mediumint", "mediumtext", "member", "middleint",
            "minute_microsecond", "minute_second", "mod", "modifies", "natural", "no_write_to_binlog",
            "not", "nth_value", "ntile", "null", "numeric", "of", "offset", "on", "optimize",
            "optimizer_costs", "option", "optionally", "or", "order", "out", "outer", "outfile", "over",
            "page_checksum", "parse_vcol_expr", "partition", "percent_rank", "position", "precision",
            "primary", "procedure", "purge", "range", "rank", "read", "read_write", "reads", "real",
            "recursive", "ref_system_id", "references", "regexp", "release", "rename", "repeat",
            "replace", "require", "resignal", "restrict", "return", "returning", "revoke", "right",
            "rlike", "row", "row_number", "rows", "schema", "schemas", "second_microsecond", "select",
            "sensitive", "separator", "set", "show", "signal", "slow", "smallint", "spatial", "specific",
            "sql", "sql_big_result", "sql_calc_found_rows", "sql_small_result", "sqlexception",
            "sqlstate", "sqlwarning", "ssl", "starting", "stats_auto_recalc", "stats_persistent",
            "stats_sample_pages", "stored", "straight_join", "system", "table", "terminated", "then",
            "tinyblob", "tinyint", "tinytext", "to", "trailing", "trigger", "true", "undo", "union",
            "unique", "unlock", "unsigned", "update", "usage", "use", "using", "utc_date", "utc_time",
            "utc_timestamp", "values", "varbinary", "varchar", "varcharacter", "varying", "virtual",
            "when", "where", "while", "window", "with", "write", "xor", "year_month", "zerofill");

    private final boolean noBackslashEscapes;
    private final boolean ansiQuotes;

    /** The server default: backslash escapes in strings, {@code "} quotes strings. */
    public MySqlDialect() {
        this(false, false);
    }

    private MySqlDialect(boolean noBackslashEscapes, boolean ansiQuotes) {
        super(RESERVED, '`', !noBackslashEscapes);
        this.noBackslashEscapes = noBackslashEscapes;
        this.ansiQuotes = ansiQuotes;
    }

    /**
     * The dialect for a server's {@code @@sql_mode} (a comma-separated list; {@code ANSI}
     * implies {@code ANSI_QUOTES}): how scripts are split and literals rendered follows it.
     */
    public static MySqlDialect forSqlMode(String sqlMode) {
        Set<String> modes = new java.util.HashSet<>(
                List.of((sqlMode == null ? "" : sqlMode.toUpperCase(Locale.ROOT)).split("\\s*,\\s*")));
        return new MySqlDialect(modes.contains("NO_BACKSLASH_ESCAPES"),
                modes.contains("ANSI_QUOTES") || modes.contains("ANSI"));
    }

    public boolean noBackslashEscapes() {
        return noBackslashEscapes;
    }

    public boolean ansiQuotes() {
        return ansiQuotes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public List<Statement> split(String sql, int firstLine) {
        return StatementSplitter.split(sql, firstLine, SqlLexer.Syntax.mysql(noBackslashEscapes, ansiQuotes),
                StatementSplitter.MysqlProgram::new);
    }

    /**
     * Whether the server commits the open transaction before (and after) running
     * {@code statement}, so it can never be rolled back: data definition
     * ({@code CREATE}, {@code ALTER}, {@code DROP}, {@code RENAME}, {@code TRUNCATE}; not
     * {@code CREATE/DROP TEMPORARY TABLE}), account management ({@code GRANT},
     * {@code REVOKE}, {@code SET PASSWORD}), transaction and locking control
     * ({@code BEGIN}, {@code START TRANSACTION}, {@code LOCK}/{@code UNLOCK TABLES}) and
     * administration ({@code ANALYZE}, {@code OPTIMIZE}, {@code REPAIR}, {@code FLUSH},
     * {@code RESET}, {@code CACHE INDEX}, {@code LOAD INDEX}, {@code INSTALL}/
     * {@code UNINSTALL}). The list of MySQL's manual, "Statements That Cause an Implicit
     * Commit"; an executable comment ({@code /*!50003 CREATE*}{@code /}) counts as SQL.
     */
    @Override
    public boolean commitsImplicitly(Statement statement) {
        return commitsImplicitly(statement.sql());
    }

    /** {@link #commitsImplicitly(Statement)} for a statement's text. */
    public boolean commitsImplicitly(String statement) {
        List<String> words = leadingWords(statement, 3);
        if (words.isEmpty()) {
            return false;
        }
        String first = words.get(0);
        String second = words.size() > 1 ? words.get(1) : "";
        switch (first) {
            case "CREATE":
            case "DROP":
                return !second.equals("TEMPORARY");
            case "ALTER":
            case "RENAME":
            case "TRUNCATE":
            case "GRANT":
            case "REVOKE":
            case "BEGIN":
            case "ANALYZE":
            case "OPTIMIZE":
            case "REPAIR":
            case "FLUSH":
            case "RESET":
            case "INSTALL":
            case "UNINSTALL":
                return true;
            case "START":
                return second.equals("TRANSACTION");
            case "LOCK":
            case "UNLOCK":
                return second.equals("TABLES") || second.equals("TABLE");
            case "SET":
                return second.equals("PASSWORD");
            case "CACHE":
            case "LOAD":
                return second.equals("INDEX");
            default:
                return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MySqlDialect d && d.noBackslashEscapes == noBackslashEscapes && d.ansiQuotes == ansiQuotes;
    }

    @Override
    public int hashCode() {
        return NAME.hashCode() * 4 + (noBackslashEscapes ? 2 : 0) + (ansiQuotes ? 1 : 0);
    }

    /** Up to {@code n} leading words, upper-cased, past comments and executable-comment markers. */
    private List<String> leadingWords(String sql, int n) {
        SqlLexer lexer = new SqlLexer(sql, SqlLexer.Syntax.mysql(noBackslashEscapes, ansiQuotes), 1);
        List<String> words = new java.util.ArrayList<>();
        try {
            for (SqlLexer.Token t = lexer.next(); t != null && words.size() < n; t = lexer.next()) {
                String text = lexer.text(t);
                if (t.kind() == SqlLexer.Kind.WORD) {
                    words.add(text.toUpperCase(Locale.ROOT));
                } else if (t.kind() != SqlLexer.Kind.COMMENT && !text.startsWith("/*") && !text.equals("*/")) {
                    break;
                }
            }
        } catch (dev.retort.engine.RetortException unterminated) {
            // the words read so far decide
        }
        return words;
    }

    @Override
    public List<SqlToken> tokens(String sql) {
        return SqlTokens.spans(sql, SqlLexer.Syntax.mysql(noBackslashEscapes, ansiQuotes));
    }
}
