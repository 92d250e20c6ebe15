package dev.retort.shell.repl;

import dev.retort.shell.cli.GlobalOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The global options the shell was started with ({@code -c}, {@code -n}, {@code --url},
 * {@code -x}, {@code --color}), as arguments put in front of every line it dispatches, so a
 * shell command means exactly what the same one-shot command means. {@code connect} replaces
 * {@code --url}; a line's own global options replace the shell's. Not thread-safe.
 */
final class GlobalArgs {

    /** One option occurrence: its canonical (longest) name, all its names, and its value. */
    private record Arg(String name, List<String> aliases, String value) {}

    private final List<Arg> args = new ArrayList<>();
    private final CommandSpec spec;

    private GlobalArgs(CommandSpec spec) {
        this.spec = spec;
    }

    /** The options set in {@code options} (as parsed by picocli from the command line). */
    static GlobalArgs of(GlobalOptions options) {
        CommandSpec spec = CommandSpec.forAnnotatedObject(options);
        GlobalArgs g = new GlobalArgs(CommandSpec.forAnnotatedObject(new GlobalOptions()));
        for (OptionSpec o : spec.options()) {
            Object value = o.getValue();
            if (value == null) {
                continue;
            }
            String defaultValue = o.defaultValue();
            if (value instanceof Collection<?> many) {
                for (Object v : many) {
                    g.args.add(arg(o, String.valueOf(v)));
                }
            } else if (defaultValue == null || !defaultValue.equals(String.valueOf(value))) {
                g.args.add(arg(o, String.valueOf(value)));
            }
        }
        return g;
    }

    private static Arg arg(OptionSpec o, String value) {
        return new Arg(o.longestName(), Arrays.asList(o.names()), value);
    }

    /** Sets a single-valued option ({@code --url} for {@code connect}), replacing any before. */
    void set(String name, String value) {
        OptionSpec o = spec.findOption(name);
        args.removeIf(a -> a.aliases().contains(name));
        args.add(arg(o, value));
    }

    /** The value of a single-valued option, or null. */
    String get(String name) {
        return args.stream().filter(a -> a.aliases().contains(name)).map(Arg::value).reduce((a, b) -> b).orElse(null);
    }

    /** The options as arguments. */
    List<String> toArgs() {
        List<String> out = new ArrayList<>();
        for (Arg a : args) {
            out.add(a.name());
            out.add(a.value());
        }
        return out;
    }

    /** Global options parsed back into the CLI's type, for reading the session's state. */
    GlobalOptions toOptions() {
        return CommandLine.populateCommand(new GlobalOptions(), toArgs().toArray(String[]::new));
    }

    /**
     * The arguments for one line: the shell's global options, minus those the line gives
     * itself before its command, then the line.
     *
     * @param commandIndex index of the command word in {@code words} (-1 when none)
     */
    List<String> forLine(List<String> words, int commandIndex) {
        // the line's own global options, before or after its command (the CLI moves those after it)
        int end = words.indexOf("--") < 0 ? words.size() : words.indexOf("--");
        List<String> given = new ArrayList<>();
        for (String w : words.subList(0, end)) {
            if (w.startsWith("-")) {
                String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
                OptionSpec o = spec.findOption(name.replaceFirst("^-+", ""));
                if (o == null) {
                    o = spec.findOption(name);
                }
                if (o != null) {
                    given.addAll(Arrays.asList(o.names()));
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (Arg a : args) {
            if (a.aliases().stream().noneMatch(given::contains)) {
                out.add(a.name());
                out.add(a.value());
            }
        }
        out.addAll(words);
        return out;
    }
}
