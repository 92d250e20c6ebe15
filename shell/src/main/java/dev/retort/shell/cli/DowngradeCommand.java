package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import dev.retort.engine.Retort;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@CommandHelp(group = CommandHelp.Group.MOVE, examples = {
        "downgrade -1",
        "one step down",
        "downgrade shipping@-1",
        "one step down on the shipping branch",
        "downgrade base",
        "undo every revision",
        "downgrade heads:base --sql",
        "offline: the SQL that undoes everything"})
@Command(name = "downgrade", description = "Revert to a previous revision: an id, prefix, label@rev, base, -N, label@-N.")
final class DowngradeCommand extends MoveCommand {

    @Parameters(paramLabel = "REVISION", description = "Target revision (with --sql: START:END).")
    String revision;

    @Override
    int run() {
        String[] r = range(revision);
        if (sql) {
            if (r == null) {
                throw new RetortException("downgrade with --sql requires <fromrev>:<torev>");
            }
            return offline(Retort.Direction.DOWNGRADE, r[0], List.of(r[1]), this::warn);
        }
        if (r != null) {
            throw new RetortException("Range revision not allowed");
        }
        return online(Retort.Direction.DOWNGRADE, List.of(revision), false, this::warn);
    }
}
