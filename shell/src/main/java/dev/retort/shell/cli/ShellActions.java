package dev.retort.shell.cli;

import dev.retort.engine.lint.Finding;
import dev.retort.engine.lint.LintReport;
import dev.retort.engine.RetortException;
import dev.retort.engine.api.Cancellation;
import dev.retort.engine.api.RunListener;
import dev.retort.engine.db.Migrator;
import dev.retort.engine.db.PreparedRun;
import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.dialect.Statement;
import dev.retort.engine.plan.Plan;
import dev.retort.engine.plan.PlannedStep;
import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.RevisionMap;
import dev.retort.engine.revision.Step;
import dev.retort.engine.script.ScriptBody;
import dev.retort.engine.script.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the commands do, for front ends that are not a command line (the shell's graph panel):
 * the detail of a revision, upgrade/downgrade/stamp planned under the migration lock and
 * applied exactly as shown, and merges of heads. Each call means what the same command
 * means for this session and these global options, through the commands' own code
 * ({@link Online}, {@link Plans}, {@link NewRevision}); nothing here prints to the terminal
 * except what {@code merge} reports on the session's output, as the command does.
 *
 * <p>Not thread-safe, like the {@link Session} it works on.
 */
public final class ShellActions {

    private final BaseCommand command;

    public ShellActions(Session session, GlobalOptions options) {
        RetortCommand root = new RetortCommand(session, (s, o) -> 2);
        root.options = options;
        Bound bound = new Bound();
        bound.root = root;
        this.command = bound;
    }

    /** A command with no options of its own: the session and global options, to reuse the commands' code. */
    private static final class Bound extends BaseCommand {
        @Override
        int run() {
            return 0;
        }
    }

    /** The revision map of the environment (cached by the session until the scripts change). */
    public RevisionMap map() {
        return command.map();
    }

    /** The database's version-table rows, storage order; empty when the table does not exist. */
    public List<String> currentRows() {
        return new Online(command).currentRows();
    }

    /** A revision's last steps in {@code retort_history}, newest first, at most {@code limit}. */
    public List<dev.retort.engine.api.HistoryEntry> applications(String revisionId, int limit) {
        List<dev.retort.engine.api.HistoryEntry> all = new java.util.ArrayList<>(new Online(command).migrator().history());
        java.util.Collections.reverse(all);
        return all.stream().filter(e -> revisionId.equals(e.revision())).limit(limit).toList();
    }

    /** Steps an earlier run left partly applied (see {@code status}'s {@code Partial:} lines). */
    public List<dev.retort.engine.api.PartialStep> partialSteps() {
        return new Online(command).migrator().partialSteps();
    }

    /** The dialect of the configured database URL, e.g. {@code sqlite}. */
    public String dialectName() {
        return Plans.dialect(command.config()).name();
    }

    /**
     * Alembic's {@code show} block for a revision ({@code Rev:}, {@code Parent:}, ...,
     * {@code Path:}, its docstring), then its upgrade and downgrade statements as the
     * database's dialect would run them, each section headed by a {@code --} comment.
     *
     * @throws RetortException when the revision is unknown or its SQL cannot be split
     */
    public String detail(String revision) {
        RevisionMap map = map();
        Revision r = map.resolveOne(revision)
                .orElseThrow(() -> new RetortException("Can't locate revision identified by '" + revision + "'"));
        Dialect dialect = Plans.dialect(command.config());
        ScriptBody body = command.scripts().body(r);
        StringBuilder out = new StringBuilder(new Formats(map).logEntry(r, false));
        out.append('\n');
        section(out, "upgrade", dialect, body.upgrade(dialect.name()), "no upgrade section", upgradeLint(r, dialect));
        out.append('\n');
        section(out, "downgrade", dialect, body.downgrade(dialect.name()), "no downgrade section: irreversible",
                LintReport.EMPTY);
        return out.toString();
    }

    /** Lint of the revision's upgrade as a one-step plan (rules only: the detail pane does not query the database). */
    private LintReport upgradeLint(Revision r, Dialect dialect) {
        try {
            Plan plan = Plans.build(command.config(), command.scripts(), map(), dialect,
                    List.of(new Step.Migration(r, true, r.downRevisions())), r.downRevisions());
            return Lints.offline(command, plan);
        } catch (RuntimeException e) {
            return LintReport.EMPTY; // the section itself shows what is wrong with the script
        }
    }

    private static void section(StringBuilder out, String direction, Dialect dialect, Optional<Section> section,
            String missing, LintReport lint) {
        if (section.isEmpty()) {
            out.append("-- ").append(direction).append(" (").append(dialect.name()).append("): ").append(missing)
                    .append('\n');
            return;
        }
        Section s = section.get();
        out.append("-- ").append(direction).append(" (").append(dialect.name()).append(", line ")
                .append(s.firstLine()).append(s.noTransaction() ? ", no transaction" : "").append(")\n");
        List<Statement> statements = dialect.split(s.sql(), s.firstLine());
        if (statements.isEmpty()) {
            out.append("-- (no statements)\n");
        }
        findings(out, lint.of(0, -1));
        for (int k = 0; k < statements.size(); k++) {
            out.append(statements.get(k).sql()).append(";\n");
            findings(out, lint.of(0, k));
        }
    }

    private static void findings(StringBuilder out, List<Finding> findings) {
        for (Finding f : findings) {
            out.append("-- ").append(f.oneLine()).append('\n');
        }
    }

    /** Plans {@code upgrade TARGET} under the migration lock; the caller applies or closes it. */
    public PendingRun prepareUpgrade(String target) {
        return prepare("upgrade", target, (heads, warnings) -> map().upgradeSteps(target, heads, warnings::add));
    }

    /** Plans {@code downgrade TARGET} under the migration lock; the caller applies or closes it. */
    public PendingRun prepareDowngrade(String target) {
        return prepare("downgrade", target, (heads, warnings) -> map().downgradeSteps(target, heads, warnings::add));
    }

    /** Plans {@code stamp TARGET} under the migration lock; the caller applies or closes it. */
    public PendingRun prepareStamp(String target) {
        return prepare("stamp", target, (heads, warnings) -> map().stampSteps(List.of(target), heads));
    }

    private interface StepsFrom {
        List<Step> steps(List<String> heads, List<String> warnings);
    }

    private PendingRun prepare(String verb, String target, StepsFrom steps) {
        Online online = new Online(command);
        Migrator migrator = online.migrator();
        List<String> warnings = new ArrayList<>();
        Function<List<String>, List<Step>> planSteps = heads -> steps.steps(heads, warnings);
        PreparedRun run = online.prepare(migrator, planSteps, false, RunListener.NONE, Cancellation.none());
        LintReport lint;
        try {
            lint = Lints.online(command, migrator.database(), run.plan());
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
        return new PendingRun(verb, target, run, Online.display(migrator.database()), warnings, lint);
    }

    /**
     * Writes a merge revision of {@code heads} (as {@code merge HEADS -m MESSAGE} does, with a
     * generated id) and returns its id. The "Generating ..." line goes to the session's output.
     */
    public String merge(List<String> heads, String message) {
        String id = NewRevision.newId();
        new NewRevision(command).create(id, message == null || message.isBlank() ? null : message, heads, false,
                List.of(), List.of(), null);
        return id;
    }

    /**
     * A run planned under the migration lock, which it holds until {@link #apply()} or
     * {@link #close()}: what {@link #sql()} lists is exactly what {@link #apply()} sends.
     */
    public static final class PendingRun implements AutoCloseable {
        private final String verb;
        private final String target;
        private final PreparedRun run;
        private final String database;
        private final List<String> warnings;
        private final LintReport lint;

        private PendingRun(String verb, String target, PreparedRun run, String database, List<String> warnings,
                LintReport lint) {
            this.lint = lint;
            this.verb = verb;
            this.target = target;
            this.run = run;
            this.database = database;
            this.warnings = List.copyOf(warnings);
        }

        public Plan plan() {
            return run.plan();
        }

        public boolean isEmpty() {
            return run.plan().isEmpty();
        }

        /** {@code upgrade f05e8a1c2b37: 3 step(s), 9d0c6e3a21f7 -> f05e8a1c2b37}. */
        public String summary() {
            Plan plan = run.plan();
            return verb + " " + target + ": " + plan.steps().size() + " step(s), " + Online.heads(plan.startHeads())
                    + " -> " + Online.heads(plan.endHeads());
        }

        /** Every statement the run sends, in order (see {@link PreparedRun#sql()}). */
        public List<String> sql() {
            return run.sql();
        }

        /**
         * The plan as text: a comment naming the database and heads, warnings, then
         * {@link #sql()} with a {@code -- Running <step>} comment before each step's statements.
         */
        public String text() {
            Plan plan = run.plan();
            StringBuilder out = new StringBuilder();
            out.append("-- Plan for ").append(database).append(": ").append(plan.steps().size())
                    .append(" step(s), heads ").append(Online.heads(plan.startHeads())).append(" -> ")
                    .append(Online.heads(plan.endHeads())).append('\n');
            for (String w : warnings) {
                out.append("-- WARNING: ").append(w).append('\n');
            }
            for (String note : run.notes()) {
                out.append("-- ").append(note).append('\n');
            }
            if (run.createsVersionTable()) {
                out.append(plan.dialect().versionTableDdl(plan.versionTable(), plan.versionTableSchema()))
                        .append(";\n");
            }
            run.purgeSql().ifPresent(sql -> out.append(sql).append(";\n"));
            for (int i = 0; i < plan.steps().size(); i++) {
                PlannedStep step = plan.steps().get(i);
                out.append("\n-- Running ").append(step.step().describe()).append('\n');
                findings(out, lint.of(i, -1));
                if (step.resumeAt() > 0) {
                    out.append("-- The first ").append(step.resumeAt())
                            .append(" statement(s) of this step were applied by an earlier run\n");
                }
                for (int k = step.resumeAt(); k < step.statements().size(); k++) {
                    Statement st = step.statements().get(k);
                    if (plan.dialect().commitsImplicitly(st)) {
                        out.append(dev.retort.engine.plan.OfflineSql.IMPLICIT_COMMIT_NOTE).append('\n');
                    }
                    out.append(st.sql()).append(";\n");
                    findings(out, lint.of(i, k));
                }
                for (String sql : step.versionSql()) {
                    out.append(sql).append(";\n");
                }
            }
            return out.toString();
        }

        /** The lint findings of the plan, as every preview shows them. */
        public LintReport lint() {
            return lint;
        }

        /** Runs the plan, releases the lock, and returns the version-table rows after it. */
        public List<String> apply() {
            try {
                return run.execute(RunListener.NONE, Cancellation.none()).headsAfter();
            } finally {
                close();
            }
        }

        /** Releases the migration lock without running anything. Idempotent. */
        @Override
        public void close() {
            run.close();
        }
    }
}
