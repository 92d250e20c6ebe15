package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import dev.retort.engine.api.Cancellation;
import dev.retort.engine.api.LockHolder;
import dev.retort.engine.api.PartialStepPolicy;
import dev.retort.engine.api.RunListener;
import dev.retort.engine.api.RunResult;
import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.db.Database;
import dev.retort.engine.db.MigrationSettings;
import dev.retort.engine.db.Migrator;
import dev.retort.engine.db.PreparedRun;
import dev.retort.engine.lint.LintReport;
import dev.retort.engine.plan.OfflineSql;
import dev.retort.engine.plan.Plan;
import dev.retort.engine.plan.PlannedStep;
import dev.retort.engine.revision.RevisionMap;
import dev.retort.engine.revision.Step;
import dev.retort.shell.json.MoveView;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The commands' access to the database: current rows, and upgrade/downgrade/stamp runs that
 * plan under the migration lock from the real heads, let the front end approve exactly that
 * plan, and execute it with progress on standard error and Ctrl-C wired to cancellation.
 */
final class Online {
    private final BaseCommand command;

    Online(BaseCommand command) {
        this.command = command;
    }

    Migrator migrator() {
        RetortConfig config = command.config();
        Database db = command.session().database(config);
        return new Migrator(db, MigrationSettings.from(config, this::checksum).withLegacyChecksums(
                revision -> command.map().get(revision).map(r -> command.scripts().body(r).legacyChecksum())));
    }

    private Optional<String> checksum(String revision) {
        RevisionMap map = command.map();
        return map.get(revision).map(r -> command.scripts().body(r).checksum());
    }

    /** The version table's rows in storage order (empty when the table does not exist). */
    List<String> currentRows() {
        return migrator().heads();
    }

    /** Alembic's display of the database for {@code current -v}: a SQLite file as {@code sqlite:///path}. */
    static String display(Database db) {
        return db.url() instanceof dev.retort.engine.db.FileUrl f
                ? f.file().map(p -> f.family().name() + ":///" + p.toAbsolutePath()).orElse(f.masked()) : db.url().masked();
    }

    int move(Function<List<String>, List<Step>> steps) {
        MoveCommand move = (MoveCommand) command;
        String verb = command.getClass().getSimpleName().startsWith("Downgrade") ? "downgrade" : "upgrade";
        Function<List<String>, List<Step>> checked = heads -> {
            if (!heads.isEmpty()) { // an empty database has no missing script; keep Alembic's error order
                MissingScripts.refuse(command.map(), heads, verb);
            }
            return steps.apply(heads);
        };
        return run(checked, false, move.restartStep ? PartialStepPolicy.RESTART_STEP : PartialStepPolicy.RESUME);
    }

    int stamp(List<String> destinations, boolean purge) {
        return run(heads -> command.map().stampSteps(destinations, heads), purge, PartialStepPolicy.FORGET);
    }

    private int run(Function<List<String>, List<Step>> steps, boolean purge, PartialStepPolicy partial) {
        MoveCommand move = (MoveCommand) command;
        Migrator migrator = migrator();
        Database db = migrator.database();
        PrintWriter err = command.err();
        Cancellation cancel = new Cancellation();
        Session session = command.session();
        RunListener listener = progress(err);
        try (AutoCloseable sigterm = Signals.onTermination(cancel);
                AutoCloseable sigint = session.interrupts().route(cancel::cancel);
                PreparedRun run = prepare(migrator, steps, purge, listener, cancel, partial)) {
            Plan plan = run.plan();
            if (move.dryRun) {
                if (move.json) {
                    move.report(MoveView.dryRun(plan, Lints.online(command, db, plan)));
                } else {
                    printPlan(run, display(db));
                }
                return 0;
            }
            if (!run.notes().isEmpty() && (!session.interactive() || move.yes)) {
                run.notes().forEach(err::println); // else the shell shows them in the plan it asks about
                err.flush();
            }
            if (session.interactive() && !move.yes) {
                // the shell shows what will run, then asks (non-TTY input: the answer is no)
                if (plan.isEmpty()) {
                    command.out().println("Nothing to do: the database is already there (" + heads(plan.startHeads()) + ").");
                    return 0;
                }
                printPlan(run, display(db));
                command.out().flush();
                String question = "Apply " + plan.steps().size() + " step(s) to " + display(db) + "?";
                if (!session.prompter().confirm(question)) {
                    err.println("Nothing applied (answer yes, or pass --yes).");
                    return 1;
                }
            }
            LintReport excuses = Lints.offline(command, plan); // lint-ignore reasons go into the history rows
            for (PlannedStep s : plan.steps()) {
                if (s.step() instanceof Step.Migration m) {
                    run.note(m.revision().id(), excuses.excusesOf(m.revision().id()));
                }
            }
            RunResult result = run.execute(listener, cancel);
            if (move.json) {
                move.report(MoveView.ran(plan, result));
            }
            return 0;
        } catch (RetortException e) {
            if (cancel.signal() != null && session.interactive()) {
                // the shell: say what happened, then let the signal end the process as it would have
                command.err().println("FAILED: " + e.getMessage());
                command.err().flush();
                Signals.reraise(cancel.signal());
            }
            throw e; // includes MigrationFailedException: revision, file, line and the database's message
        } catch (Exception e) {
            // only closing the Ctrl-C route can throw a checked exception here
            throw new RetortException("Run failed: " + e.getMessage(), e);
        }
    }

    /**
     * Takes the migration lock and plans {@code steps} from the heads read under it; the caller
     * shows {@link PreparedRun#plan()} / {@link PreparedRun#sql()}, may execute it, and must
     * close it to release the lock.
     */
    PreparedRun prepare(Migrator migrator, Function<List<String>, List<Step>> steps, boolean purge,
            RunListener listener, Cancellation cancel) {
        return prepare(migrator, steps, purge, listener, cancel, PartialStepPolicy.RESUME);
    }

    PreparedRun prepare(Migrator migrator, Function<List<String>, List<Step>> steps, boolean purge,
            RunListener listener, Cancellation cancel, PartialStepPolicy partial) {
        RetortConfig config = command.config();
        // read before the lock is taken: on MySQL it asks the server for its sql_mode
        dev.retort.engine.dialect.Dialect dialect = migrator.database().dialect();
        return migrator.prepare(heads -> {
            // the steps first: from an empty database a relative target fails as Alembic's does,
            // before the whole graph is loaded (and found broken)
            List<Step> planned = steps.apply(heads);
            return Plans.build(config, command.scripts(), command.map(), dialect, planned, heads);
        }, purge, listener, cancel, partial);
    }

    /** {@code --dry-run}: the steps from the real heads, and every statement that would run. */
    void printPlan(PreparedRun run, String database) {
        Plan plan = run.plan();
        StringBuilder header = new StringBuilder("-- Plan for " + database + ": " + plan.steps().size()
                + " step(s), heads " + heads(plan.startHeads()) + " -> " + heads(plan.endHeads()) + "\n");
        for (String note : run.notes()) {
            header.append("-- ").append(note).append('\n');
        }
        LintReport lint = Lints.online(command, command.session().database(command.config()), plan);
        command.printSql(header + "\n" + OfflineSql.preview(plan, lint), plan.dialect());
    }

    static String heads(List<String> heads) {
        return heads.isEmpty() ? "(none)" : String.join(", ", heads);
    }

    private RunListener progress(PrintWriter err) {
        return new RunListener() {
            @Override
            public void waitingForLock(LockHolder holder) {
                err.println("Waiting for the migration lock, held by " + holder.describe() + " ...");
                err.flush();
            }

            @Override
            public void changedScripts(List<dev.retort.engine.api.ChangedScript> changed) {
                err.println(command.styler().paint(dev.retort.themes.Role.WARNING, "WARNING: applied script(s) changed since they ran: "
                        + String.join(", ", changed.stream().map(dev.retort.engine.api.ChangedScript::revision).toList())
                        + " (on_changed_script = warn)"));
                err.flush();
            }

            @Override
            public void stepStarted(int index, int total, PlannedStep step) {
                String doc = step.step() instanceof Step.Migration m ? m.revision().doc() : "";
                err.println("Running " + step.step().describe() + (doc.isEmpty() ? "" : ", " + doc));
                err.flush();
            }

            @Override
            public void stepFinished(int index, int total, PlannedStep step, Duration elapsed) {}
        };
    }
}
