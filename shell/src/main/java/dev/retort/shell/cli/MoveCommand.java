package dev.retort.shell.cli;

import dev.retort.engine.Retort;
import dev.retort.engine.RetortException;
import dev.retort.engine.api.Cancellation;
import dev.retort.engine.api.PartialStepPolicy;
import dev.retort.engine.api.RunResult;
import dev.retort.engine.db.PreparedRun;
import dev.retort.engine.lint.LintReport;
import dev.retort.engine.plan.OfflineSql;
import dev.retort.engine.plan.Plan;
import dev.retort.engine.plan.PlanPreview;
import dev.retort.engine.plan.PlannedStep;
import dev.retort.engine.revision.Step;
import dev.retort.shell.json.MoveView;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * What upgrade, downgrade and stamp share: offline SQL, dry runs, confirmation, JSON plans.
 * The engine plans under the migration lock from the real heads ({@link Retort#prepare}); this
 * class shows that plan, asks, and executes it with progress on standard error and Ctrl-C
 * wired to cancellation.
 */
abstract class MoveCommand extends ReportingCommand {

    @Option(names = "--sql", description = "Don't touch the database: print the SQL (offline mode; START:END ranges).")
    boolean sql;

    @Option(names = "--tag", paramLabel = "TAG", description = "Accepted for Alembic compatibility; Retort has no env.py to read it.")
    String tag;

    @Option(names = "--dry-run", description = "Plan from the database's real heads and print it; write nothing.")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "Apply without asking (the shell asks otherwise).")
    boolean yes;

    @Option(names = "--restart-step", description = "Run a step an earlier run left partly applied from its first"
            + " statement, instead of resuming after the statements that completed (its statements must be safe to repeat).")
    boolean restartStep;

    /** Splits Alembic's {@code start:end}; more than one colon is an error rather than a crash. */
    static String[] range(String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            return null;
        }
        if (value.indexOf(':', colon + 1) >= 0) {
            throw new RetortException("Revision range '" + value + "' has more than one ':'; use <fromrev>:<torev>");
        }
        return new String[] {value.substring(0, colon), value.substring(colon + 1)};
    }

    /** {@code --sql}: the engine's offline plan, printed as a script (or its JSON); nothing connects. */
    int offline(Retort.Direction direction, String start, List<String> targets, Consumer<String> warnings) {
        Retort retort = retort();
        Plan plan = retort.offlinePlan(direction, start, targets, warnings);
        LintReport lint = retort.lint(plan);
        if (json) {
            report(MoveView.offline(plan, lint));
        } else {
            printSql(OfflineSql.render(plan, lint), plan.dialect());
        }
        return 0;
    }

    /**
     * Plans {@code direction} to {@code targets} under the migration lock, then: prints it
     * ({@code --dry-run}), or shows it and asks (the shell, without {@code --yes}), or runs it.
     */
    int online(Retort.Direction direction, List<String> targets, boolean purge, Consumer<String> warnings) {
        if (json && !yes && !dryRun && session().interactive()) {
            // the shell would show a plan and ask, but --json promises one object and no conversation
            throw usage(name() + " --json cannot ask before applying: add --yes to apply, or --dry-run for the plan");
        }
        Retort retort = retort();
        PrintWriter err = err();
        Cancellation cancel = new Cancellation();
        Session session = session();
        Progress progress = new Progress(err, styler());
        Retort.RunOptions options = Retort.RunOptions.DEFAULT.withPurge(purge)
                .withPartial(restartStep ? PartialStepPolicy.RESTART_STEP : PartialStepPolicy.RESUME)
                .withListener(progress).withCancellation(cancel).withWarnings(warnings);
        try (AutoCloseable sigterm = Signals.onTermination(cancel);
                AutoCloseable sigint = session.interrupts().route(cancel::cancel);
                PreparedRun run = retort.prepare(direction, targets, options)) {
            Plan plan = run.plan();
            if (dryRun) {
                if (json) {
                    report(MoveView.dryRun(plan, retort.lintLive(plan)));
                } else {
                    printPlan(retort, run);
                }
                return 0;
            }
            if (!run.notes().isEmpty() && (!session.interactive() || yes)) {
                run.notes().forEach(err::println); // else the shell shows them in the plan it asks about
                err.flush();
            }
            if (session.interactive() && !yes) {
                // the shell shows what will run, then asks (non-TTY input: the answer is no)
                if (plan.isEmpty()) {
                    out().println("Nothing to do: the database is already there ("
                            + PlanPreview.heads(plan.startHeads()) + ").");
                    return 0;
                }
                printPlan(retort, run);
                out().flush();
                String question = "Apply " + plan.steps().size() + " step(s) to " + retort.databaseDisplay() + "?";
                if (!session.prompter().confirm(question)) {
                    err.println("Nothing applied (answer yes, or pass --yes).");
                    return 1;
                }
            }
            LintReport excuses = retort.lint(plan); // lint-ignore reasons go into the history rows
            for (PlannedStep s : plan.steps()) {
                if (s.step() instanceof Step.Migration m) {
                    run.note(m.revision().id(), excuses.excusesOf(m.revision().id()));
                }
            }
            RunResult result = run.execute(progress, cancel);
            if (json) {
                report(MoveView.ran(plan, result));
            }
            return 0;
        } catch (RetortException e) {
            if (cancel.signal() != null && session.interactive()) {
                // the shell: say what happened, then let the signal end the process as it would have
                err().println("FAILED: " + e.getMessage());
                err().flush();
                Signals.reraise(cancel.signal());
            }
            throw e; // includes MigrationFailedException: revision, file, line and the database's message
        } catch (Exception e) {
            // only closing the Ctrl-C route can throw a checked exception here
            throw new RetortException("Run failed: " + e.getMessage(), e);
        }
    }

    /** The engine's preview of the run (the same text the panel shows), coloured as SQL. */
    private void printPlan(Retort retort, PreparedRun run) {
        printSql(retort.preview(run, List.of()), run.plan().dialect());
    }
}
