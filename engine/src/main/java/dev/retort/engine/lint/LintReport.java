package dev.retort.engine.lint;

import java.util.List;
import java.util.Map;

/**
 * Lint's answer for one plan: findings in plan order (step, then statement), and the facts of
 * every statement that touches an existing table.
 *
 * @param findings  every finding, excused ones included
 * @param facts     per step index, per statement index: what it does to the database
 */
public record LintReport(List<Finding> findings, Map<Integer, Map<Integer, StatementFacts>> facts) {

    public static final LintReport EMPTY = new LintReport(List.of(), Map.of());

    public LintReport {
        findings = List.copyOf(findings);
        facts = Map.copyOf(facts);
    }

    /**
     * The findings a preview shows under one statement ({@code statement} -1: under the section
     * as a whole): warnings and errors. Info findings (a downgrade's {@code DROP TABLE}) are
     * listed by {@code retort lint}; kept out of previews, they leave an offline script
     * Alembic's text unless something needs attention.
     */
    public List<Finding> of(int step, int statement) {
        return findings.stream().filter(f -> f.stepIndex() == step && f.statementIndex() == statement
                && f.level() != Level.INFO).toList();
    }

    /** True when a finding not excused is at {@code error} level: {@code lint} exits 1. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.level() == Level.ERROR && !f.isExcused());
    }

    /** {@code lint-ignore} excuses for one revision, as kept in its history row: {@code rule: reason; ...}, or null. */
    public String excusesOf(String revision) {
        String s = String.join("; ", findings.stream()
                .filter(f -> f.isExcused() && revision.equals(f.revision()))
                .map(f -> f.rule().id() + ": " + f.excused()).distinct().toList());
        return s.isEmpty() ? null : s;
    }
}
