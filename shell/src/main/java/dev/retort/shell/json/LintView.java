package dev.retort.shell.json;

import dev.retort.engine.lint.Finding;
import dev.retort.engine.lint.Level;
import dev.retort.engine.lint.LintReport;
import java.util.List;

/**
 * {@code lint}: the findings of the linted steps. The exit status is 1 when {@code errors} is
 * not 0.
 *
 * @param linted    what was linted ({@code pending steps of <db>}, a range, {@code every revision})
 * @param steps     the steps, as Alembic describes them
 * @param findings  every finding, excused ones included
 * @param errors    findings at {@code error} level, not excused
 */
public record LintView(String linted, List<String> steps, List<FindingView> findings, long errors, long warnings,
        long infos) implements JsonView {

    public static LintView of(String linted, List<String> steps, LintReport report) {
        return new LintView(linted, steps, FindingView.of(report), count(report, Level.ERROR),
                count(report, Level.WARNING), count(report, Level.INFO));
    }

    static long count(LintReport r, Level level) {
        return r.findings().stream().filter(f -> f.level() == level && !f.isExcused()).count();
    }

    /**
     * One finding.
     *
     * @param statementIndex 0-based in its section, null for the section as a whole
     * @param facts          the lock, table and size, or null
     * @param excused        the {@code lint-ignore} reason, or null
     */
    public record FindingView(String rule, String level, String message, String facts, String why, String doInstead,
            String step, String revision, String section, Integer statementIndex, int line, String script,
            String excused) {

        public static List<FindingView> of(LintReport report) {
            return report.findings().stream().map(FindingView::of).toList();
        }

        static FindingView of(Finding f) {
            return new FindingView(f.rule().id(), f.level().label(), f.message(), f.facts(), f.rule().why(),
                    f.rule().doInstead(), f.step(), f.revision(), f.section(),
                    f.statementIndex() < 0 ? null : f.statementIndex(), f.line(),
                    f.script() == null ? null : f.script().toString(), f.excused());
        }
    }
}
