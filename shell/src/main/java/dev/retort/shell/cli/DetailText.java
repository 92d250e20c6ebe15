package dev.retort.shell.cli;

import dev.retort.engine.api.RevisionDetail;
import dev.retort.engine.lint.Finding;
import dev.retort.engine.revision.RevisionMap;
import java.util.List;
import java.util.Optional;

/**
 * The text of a revision's detail (the panel's detail view): Alembic's {@code show} block
 * ({@code Rev:}, {@code Parent:}, ..., {@code Path:}, its docstring), then its upgrade and
 * downgrade statements as the database's dialect would run them, each section headed by a
 * {@code --} comment, lint findings as comments.
 */
public final class DetailText {
    private DetailText() {}

    public static String of(RevisionMap map, RevisionDetail detail) {
        StringBuilder out = new StringBuilder(new Formats(map).logEntry(detail.revision(), false));
        out.append('\n');
        section(out, "upgrade", detail.dialect(), detail.upgrade(), "no upgrade section");
        out.append('\n');
        section(out, "downgrade", detail.dialect(), detail.downgrade(), "no downgrade section: irreversible");
        return out.toString();
    }

    private static void section(StringBuilder out, String direction, String dialect,
            Optional<RevisionDetail.SectionDetail> section, String missing) {
        if (section.isEmpty()) {
            out.append("-- ").append(direction).append(" (").append(dialect).append("): ").append(missing).append('\n');
            return;
        }
        RevisionDetail.SectionDetail s = section.get();
        out.append("-- ").append(direction).append(" (").append(dialect).append(", line ").append(s.firstLine())
                .append(s.noTransaction() ? ", no transaction" : "").append(")\n");
        if (s.statements().isEmpty()) {
            out.append("-- (no statements)\n");
        }
        findings(out, s.sectionFindings());
        for (int k = 0; k < s.statements().size(); k++) {
            out.append(s.statements().get(k).sql()).append(";\n");
            findings(out, s.statementFindings().get(k));
        }
    }

    private static void findings(StringBuilder out, List<Finding> findings) {
        for (Finding f : findings) {
            out.append("-- ").append(f.oneLine()).append('\n');
        }
    }
}
