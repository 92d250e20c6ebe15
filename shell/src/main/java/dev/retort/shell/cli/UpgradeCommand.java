package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "upgrade", description = "Upgrade to a later revision: an id, prefix, label, head, heads, label@head, +N, rev+N.")
final class UpgradeCommand extends MoveCommand {

    private static final Pattern MINUS_N = Pattern.compile("-\\d+");

    @Parameters(paramLabel = "REVISION", description = "Target revision (with --sql: [START:]END).")
    String revision;

    @Override
    int run() {
        String[] r = range(revision);
        if (r != null && !sql) {
            throw new RetortException("Range revision not allowed");
        }
        String destination = r == null ? revision : r[1];
        if (MINUS_N.matcher(destination).matches()) {
            // Alembic's rule: a bare -N is never an upgrade target
            throw new RetortException("Relative revision " + destination + " didn't produce "
                    + destination.substring(1) + " migrations");
        }
        if (sql) {
            var map = map();
            var start = Plans.offlineStart(map, r == null ? null : r[0]);
            var steps = map.upgradeSteps(destination, start);
            return Offline.print(this, steps, start);
        }
        return new Online(this).move("upgrade", heads -> map().upgradeSteps(destination, heads));
    }
}
