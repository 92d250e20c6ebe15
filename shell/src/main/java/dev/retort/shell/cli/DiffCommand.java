package dev.retort.shell.cli;

import dev.retort.engine.schema.SchemaDiffer;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diff", description = "Print the SQL that turns schema FROM into schema TO (each a database URL, "
        + "or a .sql file or directory built in a scratch database).")
final class DiffCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "FROM", description = "Database URL, .sql file or directory.")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "Database URL, .sql file or directory.")
    String to;

    @Option(names = "--dialect", paramLabel = "NAME", description = "Family of the scratch database when neither side is a URL (sqlite, postgresql, mariadb).")
    String dialect;

    @Option(names = "--dev-url", paramLabel = "URL", description = "Scratch database for .sql sides (default: dev_url, else SQLite in memory or a temporary database on the other side's server).")
    String devUrl;

    @Option(names = "--json", description = "The changes as JSON.")
    boolean json;

    @Override
    int run() {
        var config = SchemaSides.config(this, false);
        SchemaDiffer.Result r = SchemaDiffer.diff(SchemaSides.side(this, from), SchemaSides.side(this, to),
                SchemaSides.options(this, config, dialect, devUrl));
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("retort_json", 1);
            m.put("command", "diff");
            m.put("dialect", r.family());
            m.put("changes", SchemaSides.json(r.changes()));
            printJson(m);
        } else {
            out().print(r.sql());
        }
        return 0;
    }
}
