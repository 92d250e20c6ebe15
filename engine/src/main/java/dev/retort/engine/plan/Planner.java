package dev.retort.engine.plan;

import dev.retort.engine.RetortException;
import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.dialect.Statement;
import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.Step;
import dev.retort.engine.revision.VersionChange;
import dev.retort.engine.script.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns graph steps into a {@link Plan}: each migration's section for the dialect, split into
 * statements, and each step's version-table changes as SQL. Everything that can be refused is
 * refused here, before anything runs: a missing downgrade section, a script the splitter
 * cannot read. Immutable and thread-safe (each call gets its own tracker).
 */
public final class Planner {

    private final Dialect dialect;
    private final SectionSource sections;
    private final String versionTable;
    private final String versionTableSchema;
    private final boolean transactionPerMigration;

    /**
     * @param versionTableSchema the version table's schema, or null
     */
    public Planner(Dialect dialect, SectionSource sections, String versionTable, String versionTableSchema,
            boolean transactionPerMigration) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.sections = Objects.requireNonNull(sections, "sections");
        this.versionTable = Objects.requireNonNull(versionTable, "versionTable");
        this.versionTableSchema = versionTableSchema;
        this.transactionPerMigration = transactionPerMigration;
    }

    /**
     * Plans {@code steps} in order. The tracker holds the starting rows and is advanced through
     * every step (it is used up). All sections are read and split before the tracker sees the
     * first step, so a refusal leaves it untouched.
     *
     * @throws RetortException {@code Revision <id> (<file>) has no downgrade section; cannot
     *         downgrade through it}, or a splitter error prefixed with {@code Revision <id> (<file>): }
     */
    public Plan plan(List<Step> steps, VersionTracker tracker) {
        List<Section> stepSections = new ArrayList<>(steps.size());
        List<List<Statement>> stepStatements = new ArrayList<>(steps.size());
        for (Step step : steps) {
            if (step instanceof Step.Migration migration) {
                Section section = sectionOf(migration);
                stepSections.add(section);
                stepStatements.add(split(migration.revision(), section));
            } else {
                stepSections.add(null);
                stepStatements.add(List.of());
            }
        }

        List<String> startHeads = List.copyOf(tracker.heads());
        List<PlannedStep> planned = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Section section = stepSections.get(i);
            boolean createVersionTable = tracker.heads().isEmpty();
            List<VersionChange> changes = tracker.apply(step);
            List<String> versionSql = new ArrayList<>(changes.size());
            for (VersionChange change : changes) {
                versionSql.add(dialect.versionChangeSql(change, versionTable, versionTableSchema));
            }
            planned.add(new PlannedStep(
                    step,
                    step instanceof Step.Migration m ? m.revision().path() : null,
                    stepStatements.get(i),
                    section != null && section.noTransaction(),
                    createVersionTable,
                    changes,
                    versionSql,
                    tracker.heads()));
        }
        return new Plan(dialect, versionTable, versionTableSchema, transactionPerMigration, startHeads, planned);
    }

    private Section sectionOf(Step.Migration migration) {
        Revision r = migration.revision();
        return sections.section(r, migration.upgrade(), dialect.name()).orElseThrow(() -> new RetortException(
                migration.upgrade()
                        ? name(r) + " has no upgrade section; cannot upgrade through it"
                        : name(r) + " has no downgrade section; cannot downgrade through it"));
    }

    private List<Statement> split(Revision r, Section section) {
        try {
            return dialect.split(section.sql(), section.firstLine());
        } catch (RetortException e) {
            throw new RetortException(name(r) + ": " + e.getMessage(), e);
        }
    }

    /** {@code Revision abc (abc_add_x.sql)}, or without the file for revisions built in tests. */
    static String name(Revision r) {
        return r.path() == null
                ? "Revision " + r.id()
                : "Revision " + r.id() + " (" + r.path().getFileName() + ")";
    }
}
