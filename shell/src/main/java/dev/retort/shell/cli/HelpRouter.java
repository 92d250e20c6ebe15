package dev.retort.shell.cli;

import dev.retort.engine.Suggestions;
import dev.retort.themes.Role;
import dev.retort.themes.Styler;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What happens to a command line before any command runs: {@code help}, {@code --help} and
 * {@code -h} print help pages, and an unknown command or option is one line with the nearest
 * known name. All of it from the commands' models alone, before any configuration is read or
 * file touched: {@code retort init --help} must never create {@code ./--help/}.
 *
 * <p>Options are checked here rather than left to picocli because the parser treats an
 * unknown option as a value ({@code downgrade -1}, {@code history -r -1:}), which turned
 * {@code upgrade --help} into a revision named {@code --help}.
 */
final class HelpRouter {

    /** The shell's own commands: named one-shot, they get a pointer to the shell instead of "unknown". */
    static final Set<String> SHELL_ONLY = Set.of("graph", "theme", "connect", "exit", "quit");

    private static final Set<String> HELP = Set.of("-h", "--help");
    /** A value that looks like an option: -1, -2:, -1:+1 (relative steps and ranges). */
    private static final Pattern NUMERIC = Pattern.compile("-\\d.*");

    private final Session session;

    HelpRouter(Session session) {
        this.session = session;
    }

    /**
     * The exit status when the line was fully handled here (help shown, usage error), else null.
     * {@code all} is the model {@link Cli} built for {@code args}: every command when they name
     * none or an unknown one, else at least the one they name.
     */
    Integer route(String[] args, CommandLine all) {
        CommandSpec root = all.getCommandSpec();
        int ci = -1;
        String color = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                ci = i + 1 < args.length ? i + 1 : -1;
                break;
            }
            if (!a.startsWith("-") || a.equals("-")) {
                ci = i;
                break;
            }
            String name = optionName(a);
            OptionSpec o = root.findOption(name);
            if (HELP.contains(name)) {
                return print(index(all, color), color);
            }
            if (o == null) {
                return usage(unknownOption(a, root, "retort"), color);
            }
            if (takesValue(o) && !a.contains("=")) {
                if (name.equals("--color") && i + 1 < args.length) {
                    color = args[i + 1];
                }
                i++;
            } else if (name.equals("--color") && a.contains("=")) {
                color = a.substring(a.indexOf('=') + 1);
            }
        }
        if (ci < 0) {
            return null;
        }
        String command = args[ci];
        List<String> rest = Arrays.asList(args).subList(ci + 1, args.length);
        if (command.equals("help")) {
            return help(all, rest, color);
        }
        CommandLine sub = all.getSubcommands().get(command);
        if (sub == null) {
            if (command.equals("graph") && rest.stream().anyMatch(HELP::contains)) {
                return print(ShellHelp.GRAPH + "\n" + ShellHelp.shellOnly(command), color);
            }
            if (SHELL_ONLY.contains(command)) {
                return usage("'" + command + "' is a command of the shell: start it with 'retort' (no command) and type "
                        + command + " there", color);
            }
            List<String> names = new ArrayList<>(all.getSubcommands().keySet());
            names.add("help");
            if (session.interactive()) {
                names.addAll(SHELL_ONLY);
            }
            String hint = Suggestions.nearest(command, names).map(s -> "; did you mean '" + s + "'?")
                    .orElse("; 'retort help' lists the commands");
            return usage("Unknown command '" + command + "'" + hint, color);
        }
        CommandSpec spec = sub.getCommandSpec();
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if (a.equals("--")) {
                break;
            }
            if (HELP.contains(a)) {
                return print(new HelpPage(styler(color), session.width()).command(spec), color);
            }
            if (!a.startsWith("-") || a.equals("-") || NUMERIC.matcher(a).matches()) {
                continue;
            }
            String name = optionName(a);
            OptionSpec o = spec.findOption(name);
            if (o == null) {
                o = root.findOption(name);
            }
            if (o == null && clusterOfFlags(a, spec)) {
                continue;
            }
            if (o == null) {
                String message = unknownOption(a, spec, "retort " + command);
                jsonUsage(spec, rest, message);
                return usage(message, color);
            }
            if (takesValue(o) && !a.contains("=") && !(a.length() > 2 && !a.startsWith("--"))) {
                i++;
            }
        }
        return null;
    }

    private int help(CommandLine all, List<String> rest, String color) {
        if (rest.isEmpty() || HELP.contains(rest.get(0))) {
            return print(index(all, color), color);
        }
        String topic = rest.get(0);
        if (topic.equals("settings")) {
            return print(new HelpPage(styler(color), session.width()).settings(session.environment()), color);
        }
        CommandLine sub = all.getSubcommands().get(topic);
        if (sub != null) {
            return print(new HelpPage(styler(color), session.width()).command(sub.getCommandSpec()), color);
        }
        if (topic.equals("graph") && !session.interactive()) {
            return print(ShellHelp.GRAPH + "\n" + ShellHelp.shellOnly(topic), color);
        }
        List<String> topics = new ArrayList<>(all.getSubcommands().keySet());
        topics.add("settings");
        if (session.interactive()) {
            topics.addAll(SHELL_ONLY);
        }
        String hint = SHELL_ONLY.contains(topic) && !session.interactive() ? "; it is a command of the shell: type 'help " + topic + "' there"
                : Suggestions.nearest(topic, topics).map(s -> "; did you mean '" + s + "'?")
                        .orElse("; 'retort help' lists the commands");
        return usage("No help for '" + topic + "'" + hint, color);
    }

    private String index(CommandLine all, String color) {
        return new HelpPage(styler(color), session.width()).index(all.getCommandSpec(), entries(all));
    }

    /** The index entries of the CLI's commands (and {@code help}), each under its {@link CommandHelp#group()}. */
    static List<HelpPage.Entry> entries(CommandLine all) {
        List<HelpPage.Entry> entries = new ArrayList<>();
        for (var e : all.getSubcommands().entrySet()) {
            CommandSpec spec = e.getValue().getCommandSpec();
            if (!e.getKey().equals(spec.name())) {
                continue;
            }
            CommandHelp h = HelpPage.help(spec);
            entries.add(new HelpPage.Entry(e.getKey(), String.join(" ", spec.usageMessage().description()),
                    h == null ? CommandHelp.Group.EXPLORE : h.group()));
        }
        entries.add(new HelpPage.Entry("help", "List the commands, or describe one: help COMMAND, help settings.",
                CommandHelp.Group.EXPLORE));
        return entries;
    }

    private static boolean clusterOfFlags(String a, CommandSpec spec) {
        if (a.startsWith("--") || a.length() < 3) {
            return false;
        }
        for (char c : a.substring(1).toCharArray()) {
            OptionSpec o = spec.findOption("-" + c);
            if (o == null || takesValue(o)) {
                return false;
            }
        }
        return true;
    }

    private static String optionName(String a) {
        int eq = a.indexOf('=');
        return a.startsWith("--") && eq > 0 ? a.substring(0, eq) : a.startsWith("--") || a.length() <= 2 ? a : a.substring(0, 2);
    }

    private static boolean takesValue(OptionSpec o) {
        return o.arity().max() > 0 && !o.typeInfo().isBoolean();
    }

    private static String unknownOption(String typed, CommandSpec spec, String qualified) {
        Set<String> names = new LinkedHashSet<>();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                names.addAll(Arrays.asList(o.names()));
            }
        }
        names.addAll(HELP);
        String name = typed.contains("=") && typed.startsWith("--") ? typed.substring(0, typed.indexOf('=')) : typed;
        Optional<String> near = Suggestions.nearest(name, names);
        return "Unknown option '" + name + "' for " + qualified + near.map(s -> "; did you mean '" + s + "'?")
                .orElse("; '" + qualified + " --help' lists them");
    }

    private Styler styler(String color) {
        GlobalOptions o = new GlobalOptions();
        if (color != null) {
            o.color = color;
        }
        try {
            return session.helpStyler(o);
        } catch (RuntimeException e) {
            return Styler.plain();
        }
    }

    private int print(String text, String color) {
        PrintWriter out = session.out();
        out.print(text);
        out.flush();
        return 0;
    }

    /** Under {@code --json}, a usage error is an error object on standard output too (the JSON contract). */
    private void jsonUsage(CommandSpec spec, List<String> rest, String message) {
        if (spec.findOption("--json") != null && rest.contains("--json")) {
            session.out().println(dev.retort.shell.json.JsonReport.failure(spec.name(), null,
                    dev.retort.shell.json.ErrorView.usage(message)));
            session.out().flush();
        }
    }

    private int usage(String message, String color) {
        PrintWriter err = session.err();
        err.println(styler(color).paint(Role.ERROR, "retort: error: " + message));
        err.flush();
        return 2;
    }
}
