package dev.retort.engine.lint;

import dev.retort.engine.db.LockModel;
import dev.retort.engine.dialect.SqlTokens.Token;
import dev.retort.engine.lint.Shape.StatementKind;
import java.util.List;
import java.util.Set;

/**
 * The lock a statement takes, from its kind under the family's {@link LockModel}
 * (PostgreSQL's documented table-level lock modes; SQLite's one database write lock;
 * MySQL/MariaDB's metadata lock), and whether it rewrites the table. Null when the statement
 * takes no lock on an existing table, or when the plan's dialect has no family (no model).
 */
final class Locks {

    static final String ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE";
    private static final List<String> PG_ORDER = List.of("ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE", "SHARE",
            "SHARE ROW EXCLUSIVE", ACCESS_EXCLUSIVE);

    /** Functions whose default is computed per row: adding a column with one rewrites the table. */
    static final Set<String> VOLATILE = Set.of("RANDOM", "CLOCK_TIMESTAMP", "GEN_RANDOM_UUID", "UUID_GENERATE_V1",
            "UUID_GENERATE_V4", "UUIDV7", "NEXTVAL", "TIMEOFDAY", "TXID_CURRENT", "SETSEED");
    static final Set<String> SERIAL = Set.of("SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL2", "SERIAL4", "SERIAL8");

    private Locks() {}

    /** The lock mode, or null. */
    static String lock(LockModel model, Shape s) {
        if (model == null || !s.locksATable()) {
            return null;
        }
        return switch (model) {
            case TABLE_LOCK_MODES -> postgres(s);
            case DATABASE_WRITE_LOCK -> switch (s.kind()) {
                case ALTER_TABLE, DROP_TABLE, DROP_INDEX, CREATE_INDEX, DELETE, UPDATE, INSERT, TRUNCATE ->
                        "the database write lock";
                default -> null;
            };
            case METADATA_LOCK -> switch (s.kind()) {
                case ALTER_TABLE, DROP_TABLE, DROP_INDEX, CREATE_INDEX, TRUNCATE, RENAME_TABLE, OPTIMIZE ->
                        "an exclusive metadata lock";
                case DELETE, UPDATE, INSERT -> "row locks";
                default -> null;
            };
        };
    }

    private static String postgres(Shape s) {
        return switch (s.kind()) {
            case CREATE_INDEX -> s.concurrently() ? "SHARE UPDATE EXCLUSIVE" : "SHARE";
            case DROP_INDEX -> s.concurrently() ? "SHARE UPDATE EXCLUSIVE" : ACCESS_EXCLUSIVE;
            case DROP_TABLE, TRUNCATE, CLUSTER -> ACCESS_EXCLUSIVE;
            case VACUUM -> Shape.has(s.words(), true, "FULL") ? ACCESS_EXCLUSIVE : "SHARE UPDATE EXCLUSIVE";
            case DELETE, UPDATE, INSERT -> "ROW EXCLUSIVE";
            case ALTER_TABLE -> {
                String max = null;
                for (List<Token> a : s.actions()) {
                    String m = pgAction(a);
                    if (max == null || PG_ORDER.indexOf(m) > PG_ORDER.indexOf(max)) {
                        max = m;
                    }
                }
                yield max == null ? ACCESS_EXCLUSIVE : max;
            }
            default -> null;
        };
    }

    private static String pgAction(List<Token> a) {
        if (Shape.has(a, false, "VALIDATE") || Shape.has(a, false, "SET", "STATISTICS")
                || Shape.has(a, true, "SET", "STATISTICS") || Shape.has(a, false, "CLUSTER", "ON")
                || Shape.has(a, false, "SET", "WITHOUT", "CLUSTER")) {
            return "SHARE UPDATE EXCLUSIVE";
        }
        if (Shape.has(a, false, "ADD") && Shape.has(a, true, "FOREIGN", "KEY") && !Shape.has(a, false, "ADD", "COLUMN")) {
            return "SHARE ROW EXCLUSIVE";
        }
        return ACCESS_EXCLUSIVE;
    }

    /** Whether the statement rewrites the whole table. */
    static boolean rewrites(LockModel model, Shape s) {
        if (model == null) {
            return false;
        }
        return switch (model) {
            case TABLE_LOCK_MODES -> s.kind() == StatementKind.CLUSTER
                    || s.kind() == StatementKind.VACUUM && Shape.has(s.words(), true, "FULL")
                    || s.isAlter() && s.actions().stream().anyMatch(a -> typeChange(a) || volatileDefault(a));
            case METADATA_LOCK -> s.isAlter() && s.actions().stream().anyMatch(Locks::mysqlRebuild)
                    || s.kind() == StatementKind.OPTIMIZE;
            case DATABASE_WRITE_LOCK -> false;
        };
    }

    /** {@code ALTER [COLUMN] c [SET DATA] TYPE t}. */
    static boolean typeChange(List<Token> a) {
        return Shape.has(a, false, "ALTER") && (Shape.has(a, true, "TYPE"));
    }

    /** {@code ADD [COLUMN] c t DEFAULT volatile()} or a serial / stored generated column. */
    static boolean volatileDefault(List<Token> a) {
        if (!addsColumn(a)) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            String u = a.get(i).upper();
            if (SERIAL.contains(u) || a.get(i).is("STORED")) {
                return true;
            }
            if (VOLATILE.contains(u) && i + 1 < a.size() && a.get(i + 1).isSymbol('(')) {
                return true;
            }
        }
        return false;
    }

    /** {@code ADD [COLUMN] name ...}, not {@code ADD CONSTRAINT/PRIMARY/UNIQUE/FOREIGN/CHECK/INDEX/KEY}. */
    static boolean addsColumn(List<Token> a) {
        if (a.size() < 2 || !a.get(0).is("ADD")) {
            return false;
        }
        Token t = a.get(1);
        for (String w : List.of("CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "INDEX", "KEY", "EXCLUDE",
                "FULLTEXT", "SPATIAL", "PARTITION")) {
            if (t.is(w)) {
                return false;
            }
        }
        return true;
    }

    /**
     * MySQL/MariaDB actions that need {@code ALGORITHM=COPY} (checked on MariaDB 10.11: a column
     * type change, {@code CONVERT TO}, {@code DROP PRIMARY KEY} without a new one, a change of
     * {@code ENGINE}). {@code ADD PRIMARY KEY} and {@code FORCE} rebuild the table in place
     * ({@link #mysqlRebuild}), with writes allowed.
     */
    static boolean mysqlCopy(List<Token> a) {
        return Shape.has(a, false, "MODIFY") || Shape.has(a, false, "CHANGE")
                || Shape.has(a, false, "CONVERT", "TO") || Shape.has(a, false, "DROP", "PRIMARY", "KEY")
                || Shape.has(a, false, "ENGINE") || Shape.has(a, true, "ALGORITHM") && Shape.has(a, true, "COPY");
    }

    /** MySQL/MariaDB actions that rebuild the table, in place or by copy. */
    static boolean mysqlRebuild(List<Token> a) {
        return mysqlCopy(a) || Shape.has(a, false, "ADD", "PRIMARY", "KEY") || Shape.has(a, false, "FORCE");
    }
}
