package dev.retort.shell.json;

import dev.retort.engine.lint.Finding;
import dev.retort.engine.lint.LintReport;
import java.util.List;

/**
 * One lint finding, the same shape wherever findings appear ({@code lint}, and the previews
 * that lint).
 *
 * @param rule           the rule's id, e.g. {@code require-concurrent-index}
 * @param level          {@code error}, {@code warning} or {@code info}, after {@code [lint]} settings
 * @param facts          what the statement does to the database, or null
 * @param step           the step as Alembic describes it ({@code upgrade a -> b})
 * @param section        {@code upgrade}, {@code downgrade postgresql}, ...
 * @param statementIndex 0-based statement index in the section, or null for the section as a whole
 * @param line           1-based line in the script, 0 when unknown
 * @param script         the script file, or null
 * @param excused        the reason from {@code -- retort:lint-ignore}, or null
 */
public record FindingView(String rule, String level, String message, String facts, String why, String doInstead,
        String step, String revision, String section, Integer statementIndex, int line, String script,
        String excused) {

    public static FindingView of(Finding f) {
        return new FindingView(f.rule().id(), f.level().label(), f.message(), f.facts(), f.rule().why(),
                f.rule().doInstead(), f.step(), f.revision(), f.section(),
                f.statementIndex() < 0 ? null : f.statementIndex(), f.line(),
                f.script() == null ? null : f.script().toString(), f.excused());
    }

    public static List<FindingView> of(LintReport report) {
        return report.findings().stream().map(FindingView::of).toList();
    }
}
