package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@link DirectLine} (the read commands' lines parsed without picocli) sets exactly what
 * picocli sets, for every option of every command it parses, and leaves to picocli every line
 * whose help, error or exit status is picocli's or {@link HelpRouter}'s.
 */
class DirectLineTest {

    static final List<String> DIRECT = List.of("heads", "history", "show", "branches", "current", "upgrade", "downgrade");

    @TempDir
    Path dir;

    private Session session() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return new Session(dir, Map.of(), sink, sink, false);
    }

    /** Every option of each direct command's picocli model, alone and all together, with globals before and after. */
    private List<String[]> lines() {
        List<String[]> lines = new ArrayList<>();
        CommandLine all = new Cli(session(), (s, o) -> 0).commandLine();
        for (String name : DIRECT) {
            CommandSpec spec = all.getSubcommands().get(name).getCommandSpec();
            List<String> parameter = spec.positionalParameters().isEmpty() ? List.of() : List.of("a1f3");
            List<String> together = new ArrayList<>(List.of(name));
            together.addAll(parameter);
            lines.add(together.toArray(String[]::new));
            for (OptionSpec o : spec.options()) {
                for (String option : o.names()) {
                    boolean valued = o.arity().max() > 0 && !o.typeInfo().isBoolean();
                    List<String> line = new ArrayList<>(List.of(name, option));
                    if (valued) {
                        line.add("v1");
                    }
                    line.addAll(parameter);
                    lines.add(line.toArray(String[]::new));
                    if (valued && option.startsWith("--")) {
                        lines.add(concat(List.of(name, option + "=v2"), parameter));
                    }
                }
                together.add(o.longestName());
                if (o.arity().max() > 0 && !o.typeInfo().isBoolean()) {
                    together.add("v3");
                }
            }
            lines.add(together.toArray(String[]::new));
            lines.add(concat(List.of("-c", "f.ini", "--url", "sqlite:///a.db", "-x", "a=1", "-x", "b=2", "--color", "never",
                    "-n", "other", name), parameter));
            lines.add(concat(List.of("--config=f.ini", "--name=other", "--url=u", "--color=always", name), parameter));
            lines.add(concat(List.of("-x", "a=1", name), List.of(concat(parameter, List.of("-c", "f.ini", "--url", "u", "-x", "b=2",
                    "--name", "s")))));
            lines.add(concat(List.of(name), List.of(concat(parameter, List.of("--config=f.ini", "--url=u", "-n", "s")))));
        }
        lines.add(new String[] {"history", "-r", "-3:"});
        lines.add(new String[] {"history", "--rev-range", "-1:+1", "-v", "-i"});
        lines.add(new String[] {"history", "-r", "base:heads", "--json"});
        lines.add(new String[] {"downgrade", "-1"});
        lines.add(new String[] {"downgrade", "heads:-1", "--sql"});
        lines.add(new String[] {"downgrade", "--sql", "-2:base"});
        lines.add(new String[] {"upgrade", "--sql", "heads", "--tag", "t"});
        lines.add(new String[] {"upgrade", "+1", "-y", "--dry-run", "--restart-step"});
        lines.add(new String[] {"show", "current", "--json"});
        lines.add(new String[] {"show", "payments@head"});
        return lines;
    }

    private static String[] concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all.toArray(String[]::new);
    }

    @Test
    void everyLineWithEveryOptionOfTheReadCommandsSetsWhatPicocliSets() throws Exception {
        for (String[] line : lines()) {
            String shown = String.join(" ", line);
            Cli cli = new Cli(session(), (s, o) -> 0);
            RetortCommand root = new RetortCommand(session(), (s, o) -> 0);
            BaseCommand direct = DirectLine.parse(line, root);
            assertNotNull(direct, "DirectLine left to picocli: " + shown);

            String[] hoisted = Cli.hoistGlobalOptions(line);
            CommandLine model = cli.commandLine(hoisted);
            assertNull(new HelpRouter(session()).route(hoisted, model), "HelpRouter handles " + shown);
            CommandLine.ParseResult parsed = model.parseArgs(hoisted);
            Object picocli = parsed.subcommand().commandSpec().userObject();
            GlobalOptions picocliGlobals = ((RetortCommand) model.getCommandSpec().userObject()).options;

            assertEquals(picocli.getClass(), direct.getClass(), shown);
            assertEquals(parsed.subcommand().commandSpec().name(), direct.name(), shown);
            assertEquals(fields(picocli), fields(direct), shown);
            assertEquals(fields(picocliGlobals), fields(root.options), shown);
        }
    }

    /** The values of every picocli-annotated field of {@code o} and its superclasses. */
    private static Map<String, Object> fields(Object o) throws IllegalAccessException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Class<?> k = o.getClass(); k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (f.isAnnotationPresent(CommandLine.Option.class) || f.isAnnotationPresent(CommandLine.Parameters.class)) {
                    f.setAccessible(true);
                    values.put(k.getSimpleName() + "." + f.getName(), f.get(o));
                }
            }
        }
        return values;
    }

    @ParameterizedTest
    @ValueSource(strings = {"heads --help", "heads -h", "--help heads", "--version", "-V", "help heads", "heads -v -v",
            "heads -v --verbose", "heads --json --json", "history -vi", "history -r", "history -r --verbose",
            "history -rbase:", "heads --", "-- heads", "show", "show a b", "heads x", "heads -1", "heads --bogus",
            "heads --color never", "heads --json=true", "--url=u --url=v heads", "-c a heads -c b", "-c heads",
            "-c -v heads", "--bogus heads", "status", "log", "stamp heads", "upgrade", "upgrade -", "upgrade --sql=1 heads",
            "-x=a=b heads", "-cfile heads", "heads -x"})
    void aLineWhoseAnswerIsPicocliOrHelpRoutersIsLeftToThem(String line) {
        assertNull(DirectLine.parse(line.split(" "), new RetortCommand(session(), (s, o) -> 0)), line);
    }

    @Test
    void anEmptyWordIsLeftToPicocli() {
        assertNull(DirectLine.parse(new String[] {"show", ""}, new RetortCommand(session(), (s, o) -> 0)));
    }
}
