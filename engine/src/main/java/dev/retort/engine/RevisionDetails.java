package dev.retort.engine;

import dev.retort.engine.api.RevisionDetail;
import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.dialect.Statement;
import dev.retort.engine.lint.Finding;
import dev.retort.engine.lint.LintReport;
import dev.retort.engine.revision.Revision;
import dev.retort.engine.script.ScriptBody;
import dev.retort.engine.script.Section;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link RevisionDetail}: a script's sections for one dialect, split, with findings. */
final class RevisionDetails {
    private RevisionDetails() {}

    /** {@code upgradeLint} is the upgrade as a one-step plan's findings (step 0). */
    static RevisionDetail of(Revision r, Dialect d, ScriptBody body, LintReport upgradeLint) {
        return new RevisionDetail(r, d.name(), body.upgrade(d.name()).map(s -> section(d, s, upgradeLint)),
                body.downgrade(d.name()).map(s -> section(d, s, LintReport.EMPTY)));
    }

    private static RevisionDetail.SectionDetail section(Dialect d, Section s, LintReport lint) {
        List<Statement> statements = d.split(s.sql(), s.firstLine());
        List<List<Finding>> perStatement = new ArrayList<>();
        for (int k = 0; k < statements.size(); k++) {
            perStatement.add(lint.of(0, k));
        }
        return new RevisionDetail.SectionDetail(s.firstLine(), s.noTransaction(), statements, lint.of(0, -1),
                perStatement);
    }
}
