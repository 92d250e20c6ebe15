package dev.retort.engine.api;

import dev.retort.engine.dialect.Statement;
import dev.retort.engine.lint.Finding;
import dev.retort.engine.revision.Revision;
import java.util.List;
import java.util.Optional;

/**
 * One revision as a front end shows it in detail: its header (the {@link Revision}, which
 * {@code show} formats), and its upgrade and downgrade sections for the database's dialect,
 * split into the statements that would run, with the lint findings of the upgrade.
 *
 * @param dialect   the dialect the sections were chosen and split for, e.g. {@code sqlite}
 * @param upgrade   the upgrade section, empty when the script has none
 * @param downgrade the downgrade section, empty when the revision is irreversible
 */
public record RevisionDetail(Revision revision, String dialect, Optional<SectionDetail> upgrade,
        Optional<SectionDetail> downgrade) {

    /**
     * A section, split.
     *
     * @param firstLine         1-based line of the section's first line in the file
     * @param statements        the statements, in order
     * @param sectionFindings   findings about the section as a whole
     * @param statementFindings findings per statement, same indexes as {@code statements}
     */
    public record SectionDetail(int firstLine, boolean noTransaction, List<Statement> statements,
            List<Finding> sectionFindings, List<List<Finding>> statementFindings) {
        public SectionDetail {
            statements = List.copyOf(statements);
            sectionFindings = List.copyOf(sectionFindings);
            statementFindings = statementFindings.stream().map(List::copyOf).toList();
        }
    }
}
