package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import java.util.regex.Pattern;
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

    private static final Pattern MINUS_N = Pattern.compile("-(\\d+)");

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
        var minus = MINUS_N.matcher(revision);
        return new Online(this).move(heads -> {
            if (minus.matches() && heads.isEmpty()) {
                // nothing to step down from; Alembic says so before reading the scripts
                throw new RetortException("Relative revision " + revision + " didn't produce " + minus.group(1)
                        + " migrations");
            }
            return map().downgradeSteps(revision, heads, this::warn);
        });
    }
}
