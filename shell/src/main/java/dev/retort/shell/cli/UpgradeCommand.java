package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import java.util.regex.Pattern;
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

    /** Alembic's relative form, matched from the start: [branch@][symbol](+|-)N. */
    private static final Pattern RELATIVE = Pattern.compile("(?:(.+?)@)?(\\w+)?([+-]\\d+)");

    @Parameters(paramLabel = "REVISION", description = "Target revision (with --sql: [START:]END).")
    String revision;

    @Override
    int run() {
        String[] r = range(revision);
        if (r != null && !sql) {
            throw new RetortException("Range revision not allowed");
        }
        String destination = r == null ? revision : r[1];
        var relative = RELATIVE.matcher(destination);
        if (relative.lookingAt() && relative.group(2) == null && relative.group(3).startsWith("-")) {
            // Alembic's rule, checked before the scripts are read: [branch@]-N is never an upgrade target
            int n = Integer.parseInt(relative.group(3).substring(1));
            throw new RetortException("Relative revision -" + n + " didn't produce " + n + " migrations");
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
