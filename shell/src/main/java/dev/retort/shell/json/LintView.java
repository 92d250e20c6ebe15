package dev.retort.shell.json;

import dev.retort.engine.lint.Level;
import dev.retort.engine.lint.LintReport;
import java.util.List;

/**
 * {@code lint}: the findings on the linted steps, and how many of each level (exit 1 when
 * there is an error).
 *
 * @param linted what was linted, e.g. {@code pending steps of sqlite:///app.db}
 * @param steps  the linted steps, as Alembic describes them
 */
public record LintView(String linted, List<String> steps, List<FindingView> findings, int errors, int warnings,
        int infos) implements JsonView {

    public static LintView of(String linted, List<String> steps, LintReport report) {
        return new LintView(linted, steps, FindingView.of(report), count(report, Level.ERROR),
                count(report, Level.WARNING), count(report, Level.INFO));
    }

    private static int count(LintReport report, Level level) {
        return (int) report.findings().stream().filter(f -> f.level() == level && !f.isExcused()).count();
    }
}
