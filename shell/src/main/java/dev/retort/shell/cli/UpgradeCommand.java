package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import dev.retort.engine.revision.RelativeTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@CommandHelp(group = CommandHelp.Group.MOVE, examples = {
        "upgrade heads",
        "every branch to its head (the shell shows the SQL and asks first)",
        "upgrade +1 --dry-run",
        "the next step's plan and SQL from the database's real heads; nothing written",
        "upgrade base:heads --sql",
        "offline: the whole SQL script, without a database",
        "upgrade payments@head --yes",
        "the payments branch to its head, without asking"})
@Command(name = "upgrade", description = "Upgrade to a later revision: an id, prefix, label, head, heads, label@head, +N, rev+N.")
final class UpgradeCommand extends MoveCommand {

    @Parameters(paramLabel = "REVISION", description = "Target revision (with --sql: [START:]END).")
    String revision;

    @Override
    int run() {
        String[] r = range(revision);
        if (r != null && !sql) {
            throw new RetortException("Range revision not allowed");
        }
        String destination = r == null ? revision : r[1];
        var relative = RelativeTarget.parse(destination);
        if (relative.isPresent() && relative.get().fromCurrent() && relative.get().downward()) {
            // Alembic's rule, checked before the scripts are read: [branch@]-N is never an upgrade target
            throw new RetortException(relative.get().didNotProduceParsed());
        }
        if (sql) {
            var map = map();
            var start = map.startingHeads(r == null ? null : r[0]);
            var steps = map.upgradeSteps(destination, start);
            return Offline.print(this, steps, start);
        }
        return new Online(this).move(heads -> map().upgradeSteps(destination, heads));
    }
}
