package dev.retort.shell.cli;

import dev.retort.engine.Retort;
import dev.retort.engine.RetortException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@CommandHelp(group = CommandHelp.Group.MOVE, examples = {
        "stamp heads",
        "record every head as applied, running no script",
        "stamp a1f3c09e7b2d --purge",
        "empty the version table, then record a1f3c09e7b2d",
        "stamp base:heads --sql",
        "offline: the version-table statements only"})
@Command(name = "stamp", description = "Set the version table to the given revision(s) without running any migration.")
final class StampCommand extends MoveCommand {

    @Parameters(paramLabel = "REVISIONS", arity = "1..*", description = "Target revision(s) (with --sql: START:END).")
    List<String> revisions = new ArrayList<>();

    @Option(names = "--purge", description = "Delete every row of the version table first.")
    boolean purge;

    @Override
    int run() {
        if (sql) {
            if (purge) {
                throw new RetortException("Can't use --purge with --sql mode");
            }
            List<String> destinations = new ArrayList<>();
            String start = null;
            for (String value : revisions) {
                String[] r = range(value);
                if (r != null) {
                    if (start != null && !start.equals(r[0])) {
                        throw new RetortException(
                                "Stamp operation with --sql only supports a single starting revision at a time");
                    }
                    start = r[0];
                    destinations.add(r[1]);
                } else {
                    destinations.add(value);
                }
            }
            return offline(Retort.Direction.STAMP, start, destinations, w -> {});
        }
        return online(Retort.Direction.STAMP, revisions, purge, w -> {});
    }
}
