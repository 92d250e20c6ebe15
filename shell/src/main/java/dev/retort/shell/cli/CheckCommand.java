package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.schema.SchemaDiffer;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check", description = "Exit 1 when the desired schema (schema) has changes that no revision covers.")
final class CheckCommand extends BaseCommand {

    @Option(names = "--json", description = "The result as JSON.")
    boolean json;

    @Override
    int run() {
        RetortConfig cfg = config();
        SchemaDiffer.Result r = SchemaDiffer.diff(SchemaSides.url(cfg), SchemaSides.desired(cfg),
                SchemaSides.options(this, java.util.Optional.of(cfg), null, null));
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("retort_json", 1);
            m.put("command", "check");
            m.put("up_to_date", r.isEmpty());
            m.put("changes", SchemaSides.json(r.changes()));
            printJson(m);
        }
        if (r.isEmpty()) {
            if (!json) {
                out().println("No new upgrade operations detected.");
            }
            return 0;
        }
        throw new RetortException("New upgrade operations detected: " + SchemaSides.operations(r.changes()));
    }
}
