package dev.retort.shell.repl;

import dev.retort.shell.repl.CommandModel.ArgKind;
import dev.retort.shell.repl.CommandModel.Command;
import dev.retort.shell.repl.CommandModel.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What each word of a typed line is: global options and their values, the command, the
 * command's options and their values, positional arguments. Shared by completion and
 * highlighting so that both read a line the same way.
 */
final class LineAnalysis {

    private static final Pattern RELATIVE = Pattern.compile("[+-]\\d+");

    enum Role { OPTION, UNKNOWN_OPTION, VALUE, COMMAND, UNKNOWN_COMMAND, POSITIONAL }

    /** One word's reading; {@code kind} says what a value or positional argument holds. */
    record Reading(Role role, ArgKind kind) {}

    private final List<Reading> readings;
    private final Command command;
    private final int commandIndex;

    private LineAnalysis(List<Reading> readings, Command command, int commandIndex) {
        this.readings = readings;
        this.command = command;
        this.commandIndex = commandIndex;
    }

    /** Reads {@code words} (complete words; the last one may be partial). */
    static LineAnalysis of(CommandModel model, List<String> words) {
        List<Reading> readings = new ArrayList<>();
        Command current = model.root();
        Command command = null;
        int commandIndex = -1;
        ArgKind pendingValue = null;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (pendingValue != null) {
                readings.add(new Reading(Role.VALUE, pendingValue));
                pendingValue = null;
                continue;
            }
            boolean relative = RELATIVE.matcher(w).matches();
            if (w.startsWith("-") && w.length() > 1 && !(relative && command != null && command.positional() != ArgKind.NONE)) {
                String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
                Optional<Option> o = current.option(name);
                if (o.isEmpty() && command != null) {
                    o = model.root().option(name);
                }
                if (o.isPresent()) {
                    readings.add(new Reading(Role.OPTION, o.get().valueKind()));
                    if (o.get().takesValue() && !w.contains("=")) {
                        pendingValue = o.get().valueKind();
                    }
                } else {
                    readings.add(new Reading(Role.UNKNOWN_OPTION, ArgKind.NONE));
                }
                continue;
            }
            if (command == null) {
                Optional<Command> c = model.command(w);
                command = c.orElse(null);
                commandIndex = i;
                readings.add(new Reading(c.isPresent() ? Role.COMMAND : Role.UNKNOWN_COMMAND, ArgKind.NONE));
                if (c.isPresent()) {
                    current = c.get();
                } else {
                    // unknown command: read the rest as plain arguments
                    for (int j = i + 1; j < words.size(); j++) {
                        readings.add(new Reading(Role.POSITIONAL, ArgKind.NONE));
                    }
                    break;
                }
                continue;
            }
            readings.add(new Reading(Role.POSITIONAL, command.positional()));
        }
        return new LineAnalysis(readings, command, commandIndex);
    }

    Reading reading(int wordIndex) {
        return readings.get(wordIndex);
    }

    int size() {
        return readings.size();
    }

    /** The command, once a known one has been typed. */
    Optional<Command> command() {
        return Optional.ofNullable(command);
    }

    /** Index of the command word, or -1 before one has been typed. */
    int commandIndex() {
        return commandIndex;
    }
}
