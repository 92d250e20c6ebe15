package dev.retort.shell.cli;

import dev.retort.engine.script.Templates;
import dev.retort.shell.json.TemplatesView;
import picocli.CommandLine.Command;

@CommandHelp(group = CommandHelp.Group.WRITE, examples = {
        "list-templates",
        "the templates init can use, with what each holds",
        "init migrations -t generic",
        "then make an environment from one of them"})
@Command(name = "list-templates", description = "List the templates 'init' can use.")
final class ListTemplatesCommand extends ReportingCommand {

    @Override
    int run() {
        if (json) {
            report(new TemplatesView(Templates.names().stream()
                    .map(n -> new TemplatesView.Template(n, Templates.synopsis(n))).toList()));
            return 0;
        }
        out().println("Available templates:\n");
        for (String t : Templates.list()) {
            out().println(t);
        }
        out().println("\nTemplates are used via the 'init' command, e.g.:\n");
        out().println("  retort init --template generic ./scripts");
        return 0;
    }
}
