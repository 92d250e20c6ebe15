package dev.retort.shell.repl;

import dev.retort.engine.dialect.Dialect;
import dev.retort.shell.cli.ShellActions;
import dev.retort.shell.highlight.SqlRoles;
import dev.retort.shell.panel.EngineGraphModels;
import dev.retort.shell.panel.GraphModel;
import dev.retort.shell.panel.PanelActions;
import java.util.List;

/**
 * The graph panel's actions on the shell's session, through {@link ShellActions}: the detail of
 * a revision with its SQL for the database's dialect, previews planned under the migration
 * lock and applied exactly as shown, and merges of marked heads.
 *
 * <p>A preview holds the migration lock until it is applied or discarded; this class also
 * releases it when the next preview is asked for and on {@link #close()}, so a panel that
 * forgets one cannot keep other runners waiting after the user has left it.
 */
final class SessionPanelActions implements PanelActions, AutoCloseable {

    private final ShellActions shell;
    private ShellActions.PendingRun open;

    SessionPanelActions(ShellActions shell) {
        this.shell = shell;
    }

    /** The panel's model of the revision map and the database's rows as they are now. */
    GraphModel model() {
        return EngineGraphModels.of(shell.map(), shell.currentRows());
    }

    @Override
    public GraphModel reload(GraphModel current) {
        return model();
    }

    @Override
    public String detail(String revisionId) {
        return shell.detail(revisionId);
    }

    @Override
    public List<dev.retort.engine.api.HistoryEntry> applications(String revisionId, int limit) {
        return shell.applications(revisionId, limit);
    }

    @Override
    public List<dev.retort.engine.api.PartialStep> partialSteps() {
        return shell.partialSteps();
    }

    @Override
    public Dialect dialect() {
        try {
            return SqlRoles.dialect(shell.dialectName());
        } catch (RuntimeException noUrl) {
            return SqlRoles.dialect(null);
        }
    }

    @Override
    public Preview preview(Move move, String revisionId) {
        close();
        ShellActions.PendingRun run = switch (move) {
            case UPGRADE -> shell.prepareUpgrade(revisionId);
            case DOWNGRADE -> shell.prepareDowngrade(revisionId);
            case STAMP -> shell.prepareStamp(revisionId);
        };
        if (run.isEmpty()) {
            String heads = String.join(", ", run.plan().startHeads());
            run.close();
            throw new IllegalStateException("Nothing to " + move.verb() + ": the database is already there ("
                    + (heads.isEmpty() ? "base" : heads) + ")");
        }
        open = run;
        return new Preview() {
            @Override
            public String summary() {
                return run.summary();
            }

            @Override
            public String text() {
                return run.text();
            }

            @Override
            public GraphModel apply() {
                try {
                    run.apply();
                } finally {
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

    private void forget(ShellActions.PendingRun run) {
        if (open == run) {
            open = null;
        }
    }

    @Override
    public GraphModel merge(List<String> headIds, String message) {
        shell.merge(headIds, message);
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
