package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import dev.retort.engine.revision.RelativeTarget;
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
            var map = map();
            var start = map.startingHeads(r[0]);
            var steps = map.downgradeSteps(r[1], start, this::warn);
            return Offline.print(this, steps, start);
        }
        if (r != null) {
            throw new RetortException("Range revision not allowed");
        }
        var minus = RelativeTarget.parse(revision)
                .filter(t -> t.branch() == null && t.fromCurrent() && t.downward() && t.text().equals(revision));
        return new Online(this).move(heads -> {
            if (minus.isPresent() && heads.isEmpty()) {
                // nothing to step down from; Alembic says so before reading the scripts
                throw new RetortException(minus.get().didNotProduce());
            }
            return map().downgradeSteps(revision, heads, this::warn);
        });
    }
}
