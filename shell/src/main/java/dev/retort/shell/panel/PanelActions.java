package dev.retort.shell.panel;

import dev.retort.engine.api.PartialStep;
import dev.retort.engine.dialect.Dialect;
import dev.retort.shell.highlight.SqlRoles;
import java.util.List;

/**
 * What the panel asks of the rest of Retort: the text of a revision, and the plans it
 * offers to run. The engine adapter implements it; every method runs on the panel's thread
 * and may block (the panel shows nothing else meanwhile).
 *
 * <p>A user error (no valid upgrade path, database locked, …) is thrown as a
 * {@link RuntimeException} whose message the panel shows on its status line; the panel stays
 * open.
 */
public interface PanelActions {

    /** The three moves the panel offers on the selected revision. */
    enum Move {
        UPGRADE("upgrade", "Upgraded"),
        DOWNGRADE("downgrade", "Downgraded"),
        STAMP("stamp", "Stamped");

        private final String verb;
        private final String done;

        Move(String verb, String done) {
            this.verb = verb;
            this.done = done;
        }

        /** As typed at the prompt: {@code upgrade}. */
        public String verb() {
            return verb;
        }

        /** As reported afterwards: {@code Upgraded}. */
        public String done() {
            return done;
        }
    }

    /**
     * The detail of a revision: its header fields, file path, and the SQL its upgrade and
     * downgrade would run on the database's dialect. Multi-line plain text; lines starting
     * with {@code --} are shown as comments, and {@code Key: value} lines before the first
     * blank line as fields.
     */
    String detail(String revisionId);

    /**
     * The database's SQL dialect, whose lexer colours the SQL in details and previews; by
     * default PostgreSQL's rules (the widest), for actions that do not know their database.
     */
    default Dialect dialect() {
        return SqlRoles.dialect(null);
    }

    /**
     * The revision's last applications from the audit history ({@code retort_history}), newest
     * first, at most {@code limit}: the detail view shows them. Empty by default (fakes, and
     * actions without a database); the panel shows none then.
     */
    default List<dev.retort.engine.api.HistoryEntry> applications(String revisionId, int limit) {
        return List.of();
    }

    /**
     * Steps an earlier run left partly applied: statements of a no-transaction section (or,
     * on MySQL, DDL) committed one by one and the step never completed, so its revision is not
     * in the version table. The graph marks those revisions and the detail view says what ran
     * and how to go on. Empty by default (fakes, and actions without a database).
     */
    default List<PartialStep> partialSteps() {
        return List.of();
    }

    /**
     * The plan of moving the database to {@code revisionId}: its steps and SQL, computed from
     * the database's real current heads. What {@link Preview#apply()} then runs is exactly
     * this plan.
     */
    Preview preview(Move move, String revisionId);

    /**
     * The model as the database stands now, after a run that failed part-way (its earlier steps
     * may have committed, so the current heads may have moved); {@code current} when the
     * actions cannot tell (fakes, and actions without a database).
     */
    default GraphModel reload(GraphModel current) {
        return current;
    }

    /** Writes a merge revision of these heads; returns the refreshed model. */
    GraphModel merge(List<String> headIds, String message);

    /** A computed plan, shown before it runs. */
    interface Preview {
        /** One line: {@code upgrade a1b2 -> c3d4 (2 steps)}. */
        String summary();

        /** The steps and their SQL, multi-line. */
        String text();

        /** Runs the plan; returns the model after it, with the new current heads. */
        GraphModel apply();

        /**
         * Drops the plan without running it (the user said no, or left the panel): an adapter
         * that holds the migration lock for the preview releases it here. Idempotent; not
         * called after {@link #apply()}.
         */
        default void discard() {}
    }
}
