package dev.retort.engine.api;

import java.util.List;

/**
 * A step whose self-committing statements (a {@code no-transaction} section; on MySQL/MariaDB
 * every DDL statement) only partly ran: some committed one by one, the step never completed, so
 * its version-table change was not made. Read from the progress table, kept beside the version
 * table until the step completes (or is restarted, or stamped over).
 *
 * @param revision   the revision id
 * @param direction  {@code upgrade} or {@code downgrade}
 * @param mode       why its statements commit on their own ({@code no-transaction})
 * @param total      the statements the step had when it ran
 * @param statements the recorded statements, by index: applied ones, and at most one that was
 *                   running when the run stopped (it may or may not have committed)
 */
public record PartialStep(String revision, String direction, String mode, int total,
        List<StatementProgress> statements) {

    public PartialStep {
        statements = List.copyOf(statements);
    }

    /** How many statements committed, counted from the first. */
    public int applied() {
        int n = 0;
        for (StatementProgress s : statements) {
            if (s.applied() && s.index() == n) {
                n++;
            }
        }
        return n;
    }

    /** Whether a statement was running when the run stopped, so that it may or may not have committed. */
    public boolean inDoubt() {
        return statements.stream().anyMatch(s -> !s.applied());
    }

    /**
     * {@code 2 of 3 statements of a1b2c3 (no-transaction upgrade) applied}, plus what is known of
     * the next one when it was running as the run stopped.
     */
    public String describe() {
        String s = applied() + " of " + total + " statements of " + revision + " (" + mode + " " + direction
                + ") applied";
        if (inDoubt()) {
            s += "; the " + ordinal(applied() + 1) + " was running when the run stopped and may have committed";
        }
        return s;
    }

    /** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st ... */
    public static String ordinal(int n) {
        int mod100 = n % 100;
        if (mod100 >= 11 && mod100 <= 13) {
            return n + "th";
        }
        return switch (n % 10) {
            case 1 -> n + "st";
            case 2 -> n + "nd";
            case 3 -> n + "rd";
            default -> n + "th";
        };
    }

    /**
     * One recorded statement.
     *
     * @param index   0-based position in the step's statements
     * @param line    its line in the script
     * @param sha256  hash of its text when it ran (an applied statement may not change)
     * @param sql     its text when it ran, for the diff shown when it did change
     * @param applied committed; false: it was running when the run stopped
     */
    public record StatementProgress(int index, int line, String sha256, String sql, boolean applied) {}
}
