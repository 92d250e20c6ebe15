package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.schema.SchemaDiffer;
import dev.retort.shell.json.CheckView;
import dev.retort.shell.json.SchemaChangeView;
import picocli.CommandLine.Command;

@CommandHelp(group = CommandHelp.Group.INSPECT, examples = {
        "check",
        "exit 1 when schema.sql has changes no revision covers (for CI)",
        "check --json",
        "the same, with the missing operations as data"})
@Command(name = "check", description = "Exit 1 when the desired schema (schema) has changes that no revision covers "
        + "(the database must be at its heads).")
final class CheckCommand extends ReportingCommand {

    @Override
    int run() {
        RetortConfig cfg = config();
        String url = SchemaSides.url(cfg);
        String desired = SchemaSides.desired(cfg);
        Autogenerate.requireAtHeads(this, "check");
        SchemaDiffer.Result r = SchemaDiffer.diff(url, desired, SchemaSides.options(this, java.util.Optional.of(cfg), null, null));
        CheckView view = new CheckView(r.isEmpty(), SchemaChangeView.of(r.changes()));
        if (r.isEmpty()) {
            if (json) {
                report(view);
            } else {
                out().println("No new upgrade operations detected.");
            }
            return 0;
        }
        throw failure(new RetortException("New upgrade operations detected: " + SchemaSides.operations(r.changes())), view);
    }
}
