package dev.retort.engine.plan;

import dev.retort.engine.lint.LintReport;
import java.util.List;

/**
 * The one text of a plan shown before it runs ({@code --dry-run}, the shell's question, the
 * panel's preview): a comment naming the database, the step count and the heads before and
 * after, the run's notes as comments, then {@link OfflineSql#preview} (every statement that
 * will be sent, with lint findings and implicit-commit marks).
 */
public final class PlanPreview {
    private PlanPreview() {}

    /**
     * @param database the database as the user knows it (password masked)
     * @param notes    lines about the run (resumed steps, warnings), each shown as a comment
     */
    public static String render(Plan plan, String database, List<String> notes, LintReport lint) {
        StringBuilder out = new StringBuilder(header(plan, database)).append('\n');
        for (String note : notes) {
            out.append("-- ").append(note).append('\n');
        }
        return out.append('\n').append(OfflineSql.preview(plan, lint)).toString();
    }

    /** {@code -- Plan for sqlite:///shop.db: 3 step(s), heads (none) -> a1f3} (no newline). */
    public static String header(Plan plan, String database) {
        return "-- Plan for " + database + ": " + plan.steps().size() + " step(s), heads " + heads(plan.startHeads())
                + " -> " + heads(plan.endHeads());
    }

    /** Heads as the previews list them: joined by {@code , }, {@code (none)} for none. */
    public static String heads(List<String> heads) {
        return heads.isEmpty() ? "(none)" : String.join(", ", heads);
    }
}
