package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import dev.retort.engine.Retort;
import java.util.List;
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
        Retort.checkUpgradeTarget(destination); // before the scripts are read, as Alembic
        if (sql) {
            return offline(Retort.Direction.UPGRADE, r == null ? null : r[0], List.of(destination), w -> {});
        }
        return online(Retort.Direction.UPGRADE, List.of(destination), false, w -> {});
    }
}
