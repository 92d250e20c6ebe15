package dev.retort.shell.repl;

import dev.retort.engine.dialect.Urls;
import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.revision.RevisionMap;
import dev.retort.shell.cli.GlobalOptions;
import dev.retort.shell.cli.Session;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The shell's state read through the CLI's {@link Session}: the configuration and graph it
 * has loaded (cached there until the files change), and the database's rows where the engine
 * can read them. Anything that fails to load leaves that part unknown rather than failing
 * the prompt; the next command reports the real error.
 */
final class SessionShellState implements ShellState {

    private final Session session;
    private final Supplier<GlobalOptions> options;

    SessionShellState(Session session, Supplier<GlobalOptions> options) {
        this.session = session;
        this.options = options;
    }

    @Override
    public Snapshot refresh() {
        GlobalOptions g = options.get();
        Path file = session.configFile(g);
        Path dir = file.getParent();
        String environment = dir == null || dir.getFileName() == null ? file.getFileName().toString() : dir.getFileName().toString();
        RetortConfig config;
        try {
            config = session.config(g);
        } catch (RuntimeException e) {
            return Snapshot.empty(environment);
        }
        String database = "";
        try {
            database = config.url().map(Urls::maskText).orElse("");
        } catch (RuntimeException e) {
            // leave it blank
        }
        RevisionIndex index = RevisionIndex.empty();
        RevisionMap map = null;
        try {
            map = session.map(g);
        } catch (RuntimeException e) {
            // a broken script directory: no revisions to offer until it is fixed
        }
        List<String> rows = null;
        int pending = -1;
        if (map != null) {
            rows = DatabaseRows.read(session, g, config);
            try {
                index = RevisionIndex.of(map, rows == null ? List.of() : rows);
            } catch (RuntimeException e) {
                index = RevisionIndex.empty();
            }
            if (rows != null) {
                try {
                    pending = map.upgradeSteps("heads", rows).size();
                } catch (RuntimeException e) {
                    pending = -1;
                }
            }
        }
        List<String> heads = null;
        if (rows != null && map != null) {
            try {
                heads = map.currentBranchHeads(rows).stream().map(r -> r.id()).toList();
            } catch (RuntimeException e) {
                heads = rows;
            }
        }
        List<String> partial = rows == null ? List.of() : DatabaseRows.partial(session, g, config);
        return new Snapshot(environment, database, heads, pending, index, partial);
    }
}
