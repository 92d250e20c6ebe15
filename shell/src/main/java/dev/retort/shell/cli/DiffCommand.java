package dev.retort.shell.cli;

import dev.retort.engine.schema.SchemaDiffer;
import dev.retort.shell.json.DiffView;
import dev.retort.shell.json.SchemaChangeView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@CommandHelp(group = CommandHelp.Group.INSPECT, examples = {
        "diff sqlite:///staging.db sqlite:///prod.db",
        "the SQL that turns staging's schema into production's",
        "diff postgresql://me@db/app schema.sql",
        "what the database lacks of a schema file (built in a scratch database)",
        "diff --dialect sqlite old.sql new.sql --json",
        "the changes between two schema files, as data"})
@Command(name = "diff", description = "Print the SQL that turns schema FROM into schema TO (each a database URL, "
        + "or a .sql file or directory built in a scratch database).")
final class DiffCommand extends ReportingCommand {

    @Parameters(index = "0", paramLabel = "FROM", description = "Database URL, .sql file or directory.")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "Database URL, .sql file or directory.")
    String to;

    @Option(names = "--dialect", paramLabel = "NAME", description = "Family of the scratch database when neither side is a URL (sqlite, postgresql, mariadb).")
    String dialect;

    @Option(names = "--dev-url", paramLabel = "URL", description = "Scratch database for .sql sides (default: dev_url, else SQLite in memory or a temporary database on the other side's server).")
    String devUrl;

    @Override
    int run() {
        var config = SchemaSides.config(this, false);
        SchemaDiffer.Result r = SchemaDiffer.diff(SchemaSides.side(this, from), SchemaSides.side(this, to),
                SchemaSides.options(this, config, dialect, devUrl));
        if (json) {
            report(new DiffView(r.family(), SchemaChangeView.of(r.changes())));
        } else {
            out().print(r.sql());
        }
        return 0;
    }
}
