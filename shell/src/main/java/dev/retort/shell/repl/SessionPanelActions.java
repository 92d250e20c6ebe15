package dev.retort.shell.repl;

import dev.retort.engine.Retort;
import dev.retort.engine.api.Cancellation;
import dev.retort.engine.api.HistoryEntry;
import dev.retort.engine.api.RunListener;
import dev.retort.engine.db.PreparedRun;
import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.plan.Plan;
import dev.retort.engine.plan.PlanPreview;
import dev.retort.shell.cli.DetailText;
import dev.retort.shell.cli.GlobalOptions;
import dev.retort.shell.cli.NewRevision;
import dev.retort.shell.cli.Session;
import dev.retort.shell.highlight.SqlRoles;
import dev.retort.shell.panel.EngineGraphModels;
import dev.retort.shell.panel.GraphModel;
import dev.retort.shell.panel.PanelActions;
import java.util.ArrayList;
import java.util.List;

/**
 * The graph panel's actions: a small adapter over the session's engine service
 * ({@link Session#retort}): the detail of a revision with its SQL for the database's dialect,
 * previews planned under the migration lock and applied exactly as shown (the same preview
 * text as {@code --dry-run}), and merges of marked heads.
 *
 * <p>A preview holds the migration lock until it is applied or discarded; this class also
 * releases it when the next preview is asked for and on {@link #close()}, so a panel that
 * forgets one cannot keep other runners waiting after the user has left it.
 */
final class SessionPanelActions implements PanelActions, AutoCloseable {

    private final Session session;
    private final GlobalOptions options;
    private PreparedRun open;

    SessionPanelActions(Session session, GlobalOptions options) {
        this.session = session;
        this.options = options;
    }

    private Retort retort() {
        return session.retort(options);
    }

    /** The panel's model of the revision map and the database's rows as they are now. */
    GraphModel model() {
        Retort retort = retort();
        return EngineGraphModels.of(retort.map(), retort.current());
    }

    @Override
    public GraphModel reload(GraphModel current) {
        return model();
    }

    @Override
    public String detail(String revisionId) {
        Retort retort = retort();
        return DetailText.of(retort.map(), retort.detail(revisionId));
    }

    @Override
    public List<HistoryEntry> applications(String revisionId, int limit) {
        return retort().log(revisionId).entries().stream().limit(limit).toList();
    }

    @Override
    public List<dev.retort.engine.api.PartialStep> partialSteps() {
        return retort().partialSteps();
    }

    @Override
    public Dialect dialect() {
        try {
            return SqlRoles.dialect(retort().dialect().name());
        } catch (RuntimeException noUrl) {
            return SqlRoles.dialect(null);
        }
    }

    @Override
    public Preview preview(Move move, String revisionId) {
        close();
        Retort retort = retort();
        List<String> warnings = new ArrayList<>();
        Retort.Direction direction = switch (move) {
            case UPGRADE -> Retort.Direction.UPGRADE;
            case DOWNGRADE -> Retort.Direction.DOWNGRADE;
            case STAMP -> Retort.Direction.STAMP;
        };
        PreparedRun run = retort.prepare(direction, List.of(revisionId),
                Retort.RunOptions.DEFAULT.withWarnings(warnings::add));
        String text;
        try {
            Plan plan = run.plan();
            if (plan.isEmpty()) {
                String heads = String.join(", ", plan.startHeads());
                throw new IllegalStateException("Nothing to " + move.verb() + ": the database is already there ("
                        + (heads.isEmpty() ? "base" : heads) + ")");
            }
            text = retort.preview(run, warnings.stream().map(w -> "WARNING: " + w).toList());
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
        open = run;
        Plan plan = run.plan();
        String summary = move.verb() + " " + revisionId + ": " + plan.steps().size() + " step(s), "
                + PlanPreview.heads(plan.startHeads()) + " -> " + PlanPreview.heads(plan.endHeads());
        return new Preview() {
            @Override
            public String summary() {
                return summary;
            }

            @Override
            public String text() {
                return text;
            }

            @Override
            public GraphModel apply() {
                try {
                    run.execute(RunListener.NONE, Cancellation.none());
                } finally {
                    run.close();
                    forget(run);
                }
                return model();
            }

            @Override
            public void discard() {
                run.close();
                forget(run);
            }
        };
    }

    private void forget(PreparedRun run) {
        if (open == run) {
            open = null;
        }
    }

    @Override
    public GraphModel merge(List<String> headIds, String message) {
        new NewRevision(session, options, session.out()).merge(headIds, message);
        return model();
    }

    /** Releases the lock of a preview still open. Idempotent. */
    @Override
    public void close() {
        if (open != null) {
            open.close();
            open = null;
        }
    }
}
