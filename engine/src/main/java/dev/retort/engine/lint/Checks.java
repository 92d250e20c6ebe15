package dev.retort.engine.lint;

import dev.retort.engine.db.LockModel;
import dev.retort.engine.dialect.SqlTokens.Token;
import dev.retort.engine.lint.Shape.StatementKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The statement rules of one section, applied in order: what the section created, dropped or
 * set before a statement is known when the statement is checked ("a table created in the same
 * step is not existing"). Which rules apply to the plan's dialect is the rules' own
 * declaration ({@link Rule#appliesTo}), checked when a finding is added; the checks here only
 * read the statements. One instance per section; not thread-safe.
 */
final class Checks {

    private final LockModel model;
    private final boolean noTransaction;
    private final List<Shape> shapes;
    private final Set<String> createdTables = new HashSet<>();
    private final Set<String> createdIndexes = new HashSet<>();
    private final Set<String> droppedTables = new HashSet<>();
    private boolean lockTimeout;
    private boolean lockTimeoutReported;
    private boolean foreignKeysOff;
    private int implicitCommits;

    Checks(LockModel model, boolean noTransaction, List<Shape> shapes) {
        this.model = model;
        this.noTransaction = noTransaction;
        this.shapes = shapes;
    }

    /**
     * Whether the statement's table existed before this section ({@code DROP INDEX} whose table
     * is not known: taken as existing, as the index is).
     */
    boolean existing(Shape s) {
        if (s.kind() == StatementKind.DROP_INDEX && s.table() == null) {
            return s.index() != null;
        }
        return s.table() != null && !createdTables.contains(s.table());
    }

    /** The rules statement {@code k} breaks; then records what it changes for the statements after it. */
    List<Rule> check(int k) {
        Shape s = shapes.get(k);
        List<Rule> out = new ArrayList<>();
        boolean existing = existing(s);
        switch (s.kind()) {
            case CREATE_INDEX -> {
                if (!s.concurrently() && existing) {
                    out.add(Rule.REQUIRE_CONCURRENT_INDEX);
                }
            }
            case DROP_INDEX -> {
                if (!s.concurrently() && !createdIndexes.contains(s.index())) {
                    out.add(Rule.REQUIRE_CONCURRENT_DROP_INDEX);
                }
            }
            case ALTER_TABLE -> alter(s, existing, out);
            case DROP_TABLE -> {
                boolean rebuilt = renamedLaterTo(k, s.table());
                if (existing && !rebuilt) {
                    out.add(Rule.DROP_TABLE);
                }
                if (rebuilt && !foreignKeysOff) {
                    out.add(Rule.SQLITE_REBUILD_WITHOUT_FK);
                }
            }
            case RENAME_TABLE -> out.add(Rule.RENAME_TABLE);
            case VACUUM, CLUSTER -> {
                if ((s.kind() == StatementKind.CLUSTER || Shape.has(s.words(), true, "FULL"))) {
                    out.add(Rule.VACUUM_FULL);
                }
            }
            case UPDATE -> {
                if (!s.where() && existing) {
                    out.add(Rule.UNBOUNDED_UPDATE);
                }
            }
            case DELETE -> {
                if (!s.where() && existing) {
                    out.add(Rule.DELETE_ALL);
                }
            }
            case TRUNCATE -> {
                if (existing) {
                    out.add(Rule.DELETE_ALL);
                }
            }
            case PRAGMA -> {
                if (!noTransaction && pragma(s, "FOREIGN_KEYS")) {
                    out.add(Rule.SQLITE_PRAGMA_IN_TRANSACTION);
                }
            }
            default -> {
                // nothing to check
            }
        }
        if (s.concurrently() && !noTransaction) {
            out.add(Rule.CONCURRENTLY_IN_TRANSACTION);
        }
        if (existing && !lockTimeout && !lockTimeoutReported
                && Locks.ACCESS_EXCLUSIVE.equals(Locks.lock(model, s)) && s.kind() != StatementKind.DROP_TABLE) {
            out.add(Rule.LOCK_TIMEOUT);
            lockTimeoutReported = true;
        }
        if (implicitlyCommits(s) && ++implicitCommits == 2) {
            out.add(Rule.MYSQL_IMPLICIT_COMMITS);
        }
        record(s);
        return out;
    }

    private void alter(Shape s, boolean existing, List<Rule> out) {
        if (s.actions().size() != 1 || !sqliteCan(s.actions().get(0))) {
            out.add(Rule.SQLITE_UNSUPPORTED_ALTER);
        }
        if (!existing) {
            return;
        }
        for (List<Token> a : s.actions()) {
            if (Locks.addsColumn(a)) {
                boolean notNull = Shape.has(a, true, "NOT", "NULL");
                boolean hasDefault = Shape.has(a, true, "DEFAULT") || Shape.has(a, true, "GENERATED");
                if (notNull && !hasDefault) {
                    out.add(Rule.ADDING_NOT_NULL_COLUMN);
                }
                if (Locks.volatileDefault(a)) {
                    out.add(Rule.VOLATILE_DEFAULT);
                }
            } else if (a.size() > 0 && a.get(0).is("ADD")) {
                boolean notValid = Shape.has(a, true, "NOT", "VALID");
                if (!notValid && (Shape.has(a, true, "FOREIGN", "KEY") || Shape.has(a, true, "CHECK"))) {
                    out.add(Rule.CONSTRAINT_WITHOUT_NOT_VALID);
                }
                if ((Shape.has(a, true, "UNIQUE") || Shape.has(a, true, "PRIMARY", "KEY"))
                        && !Shape.has(a, true, "USING", "INDEX")) {
                    out.add(Rule.ADD_UNIQUE_CONSTRAINT);
                }
            }
            if (Shape.has(a, false, "ALTER") && Shape.has(a, true, "SET", "NOT", "NULL")) {
                out.add(Rule.SET_NOT_NULL);
            }
            if (Locks.typeChange(a)) {
                out.add(Rule.COLUMN_TYPE_CHANGE);
            }
            if (Shape.has(a, false, "RENAME")) {
                boolean toTable = Shape.has(a, false, "RENAME", "TO") || Shape.has(a, false, "RENAME", "AS");
                if (toTable) {
                    if (!droppedTables.contains(renameTarget(a))) {
                        out.add(Rule.RENAME_TABLE);
                    }
                } else if (!Shape.has(a, false, "RENAME", "CONSTRAINT") && !Shape.has(a, false, "RENAME", "INDEX")
                        && !Shape.has(a, false, "RENAME", "KEY")) {
                    out.add(Rule.RENAME_COLUMN);
                }
            }
            if (a.size() > 1 && a.get(0).is("DROP") && !droppedNonColumn(a)) {
                out.add(Rule.DROP_COLUMN);
            }
            if (Locks.mysqlCopy(a)) {
                out.add(Rule.MYSQL_COPY_ALTER);
            }
        }
    }

    private static boolean droppedNonColumn(List<Token> a) {
        Token t = a.get(1);
        for (String w : List.of("CONSTRAINT", "DEFAULT", "NOT", "INDEX", "KEY", "PRIMARY", "FOREIGN", "CHECK",
                "PARTITION", "IDENTITY", "EXPRESSION")) {
            if (t.is(w)) {
                return true;
            }
        }
        return false;
    }

    /** SQLite's ALTER TABLE: RENAME TO, RENAME [COLUMN] a TO b, ADD [COLUMN] (no constraints), DROP [COLUMN]. */
    private static boolean sqliteCan(List<Token> a) {
        if (a.isEmpty()) {
            return false;
        }
        if (a.get(0).is("RENAME")) {
            return true;
        }
        if (a.get(0).is("ADD")) {
            return Locks.addsColumn(a) && !Shape.has(a, true, "PRIMARY", "KEY") && !Shape.has(a, true, "UNIQUE");
        }
        return a.get(0).is("DROP") && a.size() > 1 && (a.get(1).is("COLUMN") || !droppedNonColumn(a));
    }

    private static String renameTarget(List<Token> a) {
        return a.size() >= 3 ? a.get(a.size() - 1).name() : null;
    }

    /** A later {@code ALTER TABLE x RENAME TO table} in the section: the SQLite rebuild pattern. */
    private boolean renamedLaterTo(int k, String table) {
        for (int j = k + 1; j < shapes.size(); j++) {
            Shape t = shapes.get(j);
            if (t.isAlter() && t.actions().size() == 1 && Shape.has(t.actions().get(0), false, "RENAME", "TO")
                    && table != null && table.equals(renameTarget(t.actions().get(0)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean pragma(Shape s, String name) {
        return !s.actions().isEmpty() && !s.actions().get(0).isEmpty() && s.actions().get(0).get(0).is(name);
    }

    private static boolean implicitlyCommits(Shape s) {
        return switch (s.kind()) {
            case CREATE_TABLE, CREATE_INDEX, DROP_INDEX, DROP_TABLE, ALTER_TABLE, RENAME_TABLE, TRUNCATE, OPTIMIZE -> true;
            default -> s.words().size() > 0 && (s.words().get(0).is("CREATE") || s.words().get(0).is("DROP"));
        };
    }

    private void record(Shape s) {
        switch (s.kind()) {
            case CREATE_TABLE -> createdTables.add(s.table());
            case CREATE_INDEX -> {
                if (s.index() != null) {
                    createdIndexes.add(s.index());
                }
            }
            case DROP_TABLE -> droppedTables.add(s.table());
            case SET -> {
                if (!s.actions().isEmpty() && !s.actions().get(0).isEmpty()
                        && (s.actions().get(0).get(0).is("LOCK_TIMEOUT"))) {
                    lockTimeout = true;
                }
            }
            case PRAGMA -> {
                if (pragma(s, "FOREIGN_KEYS") && Shape.has(s.actions().get(0), true, "OFF")
                        || pragma(s, "FOREIGN_KEYS") && Shape.has(s.actions().get(0), true, "0")
                        || pragma(s, "LEGACY_ALTER_TABLE") || pragma(s, "DEFER_FOREIGN_KEYS")) {
                    foreignKeysOff = true;
                }
            }
            default -> {
                // nothing to remember
            }
        }
    }
}
