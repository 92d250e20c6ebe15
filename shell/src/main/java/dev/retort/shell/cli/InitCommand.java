package dev.retort.shell.cli;

import dev.retort.engine.script.Templates;
import dev.retort.shell.json.InitView;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@CommandHelp(group = CommandHelp.Group.WRITE, examples = {
        "init migrations",
        "a new environment in ./migrations, and ./retort.ini pointing at it",
        "init db/migrations -t generic",
        "the same with the template named explicitly (see list-templates)"})
@Command(name = "init", description = "Create a new migration environment: DIRECTORY/versions, a script template and retort.ini.")
final class InitCommand extends ReportingCommand {

    @Parameters(paramLabel = "DIRECTORY", description = "Directory for the scripts (must be new or empty).")
    String directory;

    @Option(names = {"-t", "--template"}, defaultValue = "generic", description = "Template (default: generic).")
    String template;

    @Override
    int run() {
        Path dir = session().workingDirectory().resolve(directory).normalize();
        Path ini = session().ownConfigFile(options()); // a new project's, never the sample's
        Templates.Initialized made = Templates.create(dir, template, ini);
        if (json) {
            report(new InitView(dir.toAbsolutePath().toString(), template, made.configFile().toString(),
                    made.configFileExisted(), made.created().stream().map(Path::toString).toList()));
            return 0;
        }
        for (String line : made.lines()) {
            out().println(line);
        }
        return 0;
    }
}
