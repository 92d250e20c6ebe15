package dev.retort.shell.cli;

import dev.retort.engine.lint.CatalogFacts;
import dev.retort.engine.lint.Finding;
import dev.retort.engine.lint.Level;
import dev.retort.engine.lint.LintReport;
import dev.retort.engine.lint.Linter;
import dev.retort.themes.Role;
import dev.retort.themes.Styler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the commands show lint findings. The linting itself is the engine service's
 * ({@link dev.retort.engine.Retort#lint}, {@link dev.retort.engine.Retort#lintLive}): the
 * {@code [lint]} levels of the configuration, the scripts' downgrade sections, and the live
 * catalog when there is a database, so the same plan gives the same findings everywhere.
 */
final class Lints {
    private Lints() {}

    static Linter linter(BaseCommand command, CatalogFacts facts) {
        return command.retort().linter(facts);
    }

    static Role role(Level level) {
        return switch (level) {
            case ERROR -> Role.ERROR;
            case WARNING -> Role.WARNING;
            case INFO -> Role.MUTED;
        };
    }

    /**
     * Colours the {@code -- lint <level>[rule]: ...} lines of a rendered plan by level (the rest
     * is left as is); plain when the styler is.
     */
    static String paint(Styler styler, String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            Level level = levelOf(line);
            out.append(level == null ? line : styler.paint(role(level), line)).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    private static Level levelOf(String line) {
        for (Level l : Level.values()) {
            if (line.startsWith("-- lint " + l.label() + "[")) {
                return l;
            }
        }
        return null;
    }

    /** A finding for {@code --json} (snake_case, part of the contract). */
    static Map<String, Object> json(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.rule().id());
        m.put("level", f.level().label());
        m.put("message", f.message());
        m.put("facts", f.facts());
        m.put("why", f.rule().why());
        m.put("do_instead", f.rule().doInstead());
        m.put("step", f.step());
        m.put("revision", f.revision());
        m.put("section", f.section());
        m.put("statement_index", f.statementIndex() < 0 ? null : f.statementIndex());
        m.put("line", f.line());
        m.put("script", f.script() == null ? null : f.script().toString());
        m.put("excused", f.excused());
        return m;
    }

    static List<Map<String, Object>> json(LintReport report) {
        return report.findings().stream().map(Lints::json).toList();
    }
}
