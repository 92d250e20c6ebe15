package dev.retort.shell.cli;

import dev.retort.themes.Role;
import dev.retort.themes.Styler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Renders help pages from the commands' own models: picocli's {@code @Command}/{@code @Option}
 * texts plus the {@link CommandHelp} on the class. Wraps to the terminal's width and colours
 * by the theme's roles (plain when colour is off). Reads no configuration and touches no file,
 * so {@code --help} works anywhere.
 */
public final class HelpPage {

    /** One line of the command index: name, one-line description, group. */
    public record Entry(String name, String description, CommandHelp.Group group) {}

    private final Styler styler;
    private final int width;

    public HelpPage(Styler styler, int width) {
        this.styler = styler;
        this.width = Math.max(40, Math.min(width, 120));
    }

    /** The page of one command: usage, description, arguments, options, examples. */
    public String command(CommandSpec spec) {
        StringBuilder sb = new StringBuilder();
        String name = spec.name();
        StringBuilder usage = new StringBuilder();
        usage.append(styler.paint(Role.COMMAND, "retort " + name));
        if (!spec.options().isEmpty()) {
            usage.append(" [OPTIONS]");
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            String label = p.paramLabel() + (p.arity().max() > 1 ? "..." : "");
            usage.append(' ').append(p.arity().min() == 0 ? "[" + label + "]" : label);
        }
        sb.append(styler.paint(Role.HEADING, "Usage:")).append(' ').append(usage).append('\n');
        sb.append('\n');
        wrap(sb, String.join(" ", spec.usageMessage().description()), 0, 0);
        List<String[]> args = new ArrayList<>();
        for (PositionalParamSpec p : spec.positionalParameters()) {
            args.add(new String[] {p.paramLabel(), String.join(" ", p.description())});
        }
        if (!args.isEmpty()) {
            sb.append('\n').append(styler.paint(Role.HEADING, "Arguments:")).append('\n');
            table(sb, args, Role.SYMBOL);
        }
        sb.append('\n').append(styler.paint(Role.HEADING, "Options:")).append('\n');
        table(sb, options(spec, true), Role.OPTION);
        CommandHelp help = help(spec);
        if (help != null && help.examples().length > 0) {
            sb.append('\n').append(styler.paint(Role.HEADING, "Examples:")).append('\n');
            String[] ex = help.examples();
            for (int i = 0; i + 1 < ex.length; i += 2) {
                wrap(sb, "retort " + ex[i], 6, 2, Role.COMMAND);
                wrap(sb, ex[i + 1], 6, 6);
            }
        }
        if (spec.userObject() instanceof HelpSections extra) {
            for (HelpSections.Section section : extra.helpSections()) {
                sb.append('\n').append(styler.paint(Role.HEADING, section.heading() + ":")).append('\n');
                for (String[] item : section.items()) {
                    wrap(sb, item[0], 6, 2, Role.OPTION);
                    for (int k = 1; k < item.length; k++) {
                        wrap(sb, item[k], 6, 6);
                    }
                }
            }
        }
        sb.append('\n');
        wrap(sb, "Global options (-c FILE, -n NAME, --url URL, -x KEY=VALUE, --color WHEN) go before the command; "
                + "'retort --help' lists them. In the shell, the same command is typed without 'retort'.", 0, 0, Role.MUTED);
        return sb.toString();
    }

    /**
     * The index: usage, the commands by group, the global options, where to read more.
     * {@code extra} adds commands the caller knows of (the shell's own).
     */
    public String index(CommandSpec root, List<Entry> entries) {
        StringBuilder sb = new StringBuilder();
        sb.append(styler.paint(Role.HEADING, "Usage:")).append(' ')
                .append(styler.paint(Role.COMMAND, "retort")).append(" [GLOBAL OPTIONS] [COMMAND [OPTIONS]]\n\n");
        wrap(sb, String.join(" ", root.usageMessage().description())
                + " With no command, the interactive shell starts (on sample-env/ when there is no retort.ini).", 0, 0);
        int col = entries.stream().mapToInt(e -> e.name().length()).max().orElse(8) + 4;
        for (CommandHelp.Group g : CommandHelp.Group.values()) {
            List<Entry> in = entries.stream().filter(e -> e.group() == g).toList();
            if (in.isEmpty()) {
                continue;
            }
            sb.append('\n').append(styler.paint(Role.HEADING, g.title() + ":")).append('\n');
            for (Entry e : in) {
                sb.append("  ").append(styler.paint(Role.COMMAND, e.name())).append(" ".repeat(col - 2 - e.name().length()));
                wrap(sb, e.description(), col, 0);
            }
        }
        sb.append('\n').append(styler.paint(Role.HEADING, "Global options:")).append('\n');
        table(sb, options(root, false), Role.OPTION);
        sb.append('\n');
        wrap(sb, "'retort help COMMAND' or 'retort COMMAND --help' describes one command (usage, options, examples); "
                + "'retort help settings' the user settings (theme, pager, history, colour).", 0, 0, Role.MUTED);
        return sb.toString();
    }

    /** {@code retort help settings}: where the user's settings live and what they mean. */
    public String settings(Map<String, String> environment) {
        StringBuilder sb = new StringBuilder();
        sb.append(styler.paint(Role.HEADING, "User settings")).append('\n');
        wrap(sb, "Settings of yours, for every environment, live in " + UserSettings.file(environment)
                + " ($XDG_CONFIG_HOME/retort/settings.ini, else ~/.config/retort/settings.ini), one [retort] section:", 0, 0);
        sb.append('\n');
        table(sb, UserSettings.KEYS, Role.OPTION);
        sb.append('\n').append(styler.paint(Role.HEADING, "Also")).append('\n');
        table(sb, UserSettings.ALSO, Role.OPTION);
        return sb.toString();
    }

    static CommandHelp help(CommandSpec spec) {
        Object user = spec.userObject();
        Class<?> cls = user instanceof Class<?> c ? c : user == null ? null : user.getClass();
        return cls == null ? null : cls.getAnnotation(CommandHelp.class);
    }

    private static List<String[]> options(CommandSpec spec, boolean addHelp) {
        List<String[]> rows = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            String names = String.join(", ", o.names());
            if (o.names().length == 1 && o.longestName().startsWith("--")) {
                names = "    " + names;
            }
            if (o.arity().max() > 0 && !o.typeInfo().isBoolean()) {
                names += " " + o.paramLabel();
            }
            rows.add(new String[] {names, String.join(" ", o.description())});
        }
        if (addHelp) {
            rows.add(new String[] {"-h, --help", "Show this help (reads no configuration, writes nothing)."});
        }
        return rows;
    }

    private void table(StringBuilder sb, List<String[]> rows, Role role) {
        int col = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0) + 4;
        boolean stacked = col > width / 2;
        for (String[] r : rows) {
            sb.append("  ").append(styler.paint(role, r[0]));
            if (stacked) {
                sb.append('\n');
                wrap(sb, r[1], 8, 8);
            } else {
                sb.append(" ".repeat(col - 2 - r[0].length()));
                wrap(sb, r[1], col, 0);
            }
        }
    }

    private void wrap(StringBuilder sb, String text, int indent, int firstIndent) {
        wrap(sb, text, indent, firstIndent, null);
    }

    /**
     * Appends {@code text} wrapped at the width: the first line after {@code firstIndent}
     * spaces (the caller may have written the start of the line already), the rest after
     * {@code indent}.
     */
    private void wrap(StringBuilder sb, String text, int indent, int firstIndent, Role role) {
        String clean = text.replace("%n", " ").strip();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int room = width - (firstIndent == 0 && indent > 0 ? indent : firstIndent);
        for (String whole : Arrays.stream(clean.split("\\s+")).filter(w -> !w.isEmpty()).toList()) {
            String word = whole;
            // a word wider than the room (a long path) is cut where it would overflow
            while (word.length() > width - indent && width - indent > 10) {
                int cut = (line.length() > 0 ? room - line.length() - 1 : room);
                if (cut < 10) {
                    lines.add(line.toString());
                    line.setLength(0);
                    room = width - indent;
                    continue;
                }
                line.append(line.length() > 0 ? " " : "").append(word, 0, cut);
                lines.add(line.toString());
                line.setLength(0);
                room = width - indent;
                word = word.substring(cut);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > room) {
                lines.add(line.toString());
                line.setLength(0);
                room = width - indent;
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        for (int i = 0; i < lines.size(); i++) {
            if (i == 0) {
                sb.append(" ".repeat(firstIndent));
            } else {
                sb.append(" ".repeat(indent));
            }
            sb.append(role == null ? lines.get(i) : styler.paint(role, lines.get(i))).append('\n');
        }
    }
}
