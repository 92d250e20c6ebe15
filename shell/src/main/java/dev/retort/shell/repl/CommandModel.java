package dev.retort.shell.repl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What the shell knows of the command line, read from the same picocli model the one-shot CLI
 * runs: commands with their descriptions, each command's options, and which arguments are
 * revisions (for completion and highlighting). Shell-only commands ({@code connect},
 * {@code theme}, {@code help}, {@code exit}) are added here. Immutable.
 */
public final class CommandModel {

    /** What an argument is, so completion and highlighting know what to offer. */
    public enum ArgKind { NONE, REVISION, REVISION_RANGE, CONFIG_FILE, THEME, COMMAND, COLOR, URL }

    /** One option: names, one-line description, whether it takes a value and what kind. */
    public record Option(List<String> names, String description, boolean takesValue, ArgKind valueKind) {}

    /** One command: its name, description, options and what its positional arguments are. */
    public record Command(String name, String description, List<Option> options, ArgKind positional, boolean shellOnly) {

        public Optional<Option> option(String name) {
            return options.stream().filter(o -> o.names().contains(name)).findFirst();
        }
    }

    private static final Set<String> REVISION_COMMANDS = Set.of("upgrade", "downgrade", "stamp", "show", "edit", "merge");
    private static final Map<String, ArgKind> OPTION_KINDS = Map.of(
            "--config", ArgKind.CONFIG_FILE,
            "--rev-range", ArgKind.REVISION_RANGE,
            "-r", ArgKind.REVISION_RANGE,
            "--head", ArgKind.REVISION,
            "--depends-on", ArgKind.REVISION,
            "--color", ArgKind.COLOR,
            "--url", ArgKind.URL);

    private final Command root;
    private final Map<String, Command> commands;

    private CommandModel(Command root, Map<String, Command> commands) {
        this.root = root;
        this.commands = commands;
    }

    /** Reads the model of {@code commandLine} (the CLI's root) and adds the shell's own commands. */
    public static CommandModel of(CommandLine commandLine) {
        Map<String, Command> commands = new LinkedHashMap<>();
        for (Map.Entry<String, CommandLine> e : commandLine.getSubcommands().entrySet()) {
            String name = e.getKey();
            if (name.equals(e.getValue().getCommandName())) {
                commands.put(name, command(name, e.getValue().getCommandSpec()));
            }
        }
        shellOnly(commands, "graph", GraphCommand.DESCRIPTION, ArgKind.REVISION);
        shellOnly(commands, "connect", "Open another database for this session: connect URL.", ArgKind.URL);
        shellOnly(commands, "theme", "Show the themes, or switch to one: theme NAME.", ArgKind.THEME);
        shellOnly(commands, "help", "List the commands, or describe one: help COMMAND.", ArgKind.COMMAND);
        shellOnly(commands, "exit", "Leave the shell (also quit, or Ctrl-D).", ArgKind.NONE);
        shellOnly(commands, "quit", "Leave the shell.", ArgKind.NONE);
        return new CommandModel(command("retort", commandLine.getCommandSpec()), commands);
    }

    private static void shellOnly(Map<String, Command> commands, String name, String description, ArgKind kind) {
        commands.putIfAbsent(name, new Command(name, description, List.of(), kind, true));
    }

    private static Command command(String name, CommandSpec spec) {
        List<Option> options = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            List<String> names = Arrays.asList(o.names());
            ArgKind kind = ArgKind.NONE;
            for (String n : names) {
                kind = OPTION_KINDS.getOrDefault(n, kind);
            }
            boolean takesValue = o.arity().max() > 0 && !o.typeInfo().isBoolean();
            options.add(new Option(names, firstLine(o.description()), takesValue, kind));
        }
        ArgKind positional = REVISION_COMMANDS.contains(name) ? ArgKind.REVISION : ArgKind.NONE;
        return new Command(name, firstLine(spec.usageMessage().description()), List.copyOf(options), positional, false);
    }

    private static String firstLine(String[] description) {
        return description.length == 0 ? "" : description[0].replaceAll("%n.*", "").strip();
    }

    /** The top-level command: its options are the global options. */
    public Command root() {
        return root;
    }

    public Optional<Command> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /** All commands, CLI commands first in the CLI's order, then the shell's own. */
    public List<Command> commands() {
        return List.copyOf(commands.values());
    }

    /**
     * True for a line whose output the shell colours as SQL: a move's plan, the candidate of
     * {@code revision --autogenerate} (shown before its question, like a plan) and a
     * {@code diff}, but not their JSON.
     */
    public static boolean printsSql(String command, List<String> words) {
        if (isMove(command)) {
            return true;
        }
        if (words.contains("--json")) {
            return false;
        }
        return command.equals("diff") || command.equals("revision") && words.contains("--autogenerate");
    }

    /** True for commands that change the database and ask before they do. */
    public static boolean isMove(String command) {
        return command.equals("upgrade") || command.equals("downgrade") || command.equals("stamp");
    }
}
