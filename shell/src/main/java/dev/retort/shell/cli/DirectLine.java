package dev.retort.shell.cli;

import java.util.HashSet;
import java.util.Set;

/**
 * The command lines of the one-shot read commands ({@code heads}, {@code history}, {@code show},
 * {@code branches}, {@code current}, {@code upgrade}, {@code downgrade}) parsed without
 * picocli: picocli builds its model by reflection at every start (annotation proxies generated
 * at run time, its Java 5 class files kept out of the JDK's AOT cache), which bench/startup
 * measured as the largest fixed cost of a one-shot command, more than the command itself.
 *
 * <p>It accepts only a line it understands completely, and then sets exactly the fields picocli
 * would: global options before the command, or after it as {@link Cli#hoistGlobalOptions} moves
 * them ({@code --color} only before it); the command's own options, a value as the next word or
 * after {@code =} (long names); the command's one positional parameter. Anything else (help,
 * {@code --version}, an unknown, repeated or clustered option, {@code --}, a missing or extra
 * parameter, a value that looks like an option) returns null, and picocli and {@link HelpRouter}
 * parse the line as before: every error, help page and exit status stays theirs.
 * {@code DirectLineTest} compares the fields set here with picocli's for every option of every
 * command listed here, so an option added to a command without a line here fails it.
 */
final class DirectLine {
    private DirectLine() {}

    /**
     * The command {@code args} name, its fields and {@code root}'s global options set, or null
     * when picocli must parse the line. {@code root} is changed even when null is returned.
     */
    static BaseCommand parse(String[] args, RetortCommand root) {
        BaseCommand command = null;
        String parameter = null;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.isEmpty() || a.equals("-") || a.equals("--")) {
                return null;
            }
            if (!a.startsWith("-") || (command != null && isNumeric(a))) {
                if (command == null) {
                    command = create(a);
                    if (command == null) {
                        return null;
                    }
                    command.root = root;
                    command.typedName = a;
                } else if (parameter == null && takesParameter(command)) {
                    parameter = a;
                } else {
                    return null;
                }
                continue;
            }
            int eq = a.startsWith("--") ? a.indexOf('=') : -1;
            String name = eq > 0 ? a.substring(0, eq) : a;
            boolean global = command == null ? GLOBAL.contains(name) : !owns(command, name) && MOVABLE.contains(name);
            if (!global && (command == null || !owns(command, name))) {
                return null;
            }
            boolean valued = global || VALUED.contains(name);
            String value = null;
            if (eq > 0) {
                value = a.substring(eq + 1);
                if (!valued) {
                    return null;
                }
            } else if (valued) {
                if (i + 1 >= args.length || !plainValue(args[i + 1], global)) {
                    return null;
                }
                value = args[++i];
            }
            String key = (global ? "global " : "") + canonical(name);
            if (!key.equals("global -x") && !seen.add(key)) {
                return null;
            }
            if (global) {
                setGlobal(root.options, name, value);
            } else {
                set(command, name, value);
            }
        }
        if (command == null || (takesParameter(command) && parameter == null)) {
            return null;
        }
        if (parameter != null) {
            setParameter(command, parameter);
        }
        return command;
    }

    private static final Set<String> GLOBAL = Set.of("-c", "--config", "-n", "--name", "--url", "-x", "--color");
    /** The global options {@link Cli#hoistGlobalOptions} moves in front of the command. */
    private static final Set<String> MOVABLE = Set.of("-c", "--config", "-n", "--name", "--url", "-x");
    /** The commands' options that take a value (every other one listed here is a flag). */
    private static final Set<String> VALUED = Set.of("-r", "--rev-range", "--tag");

    private static BaseCommand create(String name) {
        switch (name) {
            case "heads": return new HeadsCommand();
            case "history": return new HistoryCommand();
            case "show": return new ShowCommand();
            case "branches": return new BranchesCommand();
            case "current": return new CurrentCommand();
            case "upgrade": return new UpgradeCommand();
            case "downgrade": return new DowngradeCommand();
            default: return null;
        }
    }

    private static boolean takesParameter(BaseCommand c) {
        return c instanceof ShowCommand || c instanceof UpgradeCommand || c instanceof DowngradeCommand;
    }

    /** Whether {@code c} declares the option {@code name} (the names of its picocli annotations). */
    private static boolean owns(BaseCommand c, String name) {
        if (name.equals("--json")) {
            return true; // every command here reports
        }
        if (c instanceof HeadsCommand) {
            return Set.of("-v", "--verbose", "--resolve-dependencies", "--check").contains(name);
        }
        if (c instanceof HistoryCommand) {
            return Set.of("-r", "--rev-range", "-v", "--verbose", "-i", "--indicate-current").contains(name);
        }
        if (c instanceof BranchesCommand) {
            return Set.of("-v", "--verbose").contains(name);
        }
        if (c instanceof CurrentCommand) {
            return Set.of("-v", "--verbose", "--check-heads").contains(name);
        }
        if (c instanceof MoveCommand) {
            return Set.of("--sql", "--tag", "--dry-run", "-y", "--yes", "--restart-step").contains(name);
        }
        return false;
    }

    private static void set(BaseCommand c, String name, String value) {
        if (name.equals("--json")) {
            ((ReportingCommand) c).json = true;
        } else if (c instanceof HeadsCommand h) {
            switch (name) {
                case "--resolve-dependencies" -> h.resolveDependencies = true;
                case "--check" -> h.check = true;
                default -> h.verbose = true;
            }
        } else if (c instanceof HistoryCommand h) {
            switch (canonical(name)) {
                case "--rev-range" -> h.range = value;
                case "--indicate-current" -> h.indicateCurrent = true;
                default -> h.verbose = true;
            }
        } else if (c instanceof BranchesCommand b) {
            b.verbose = true;
        } else if (c instanceof CurrentCommand cur) {
            if (name.equals("--check-heads")) {
                cur.checkHeads = true;
            } else {
                cur.verbose = true;
            }
        } else if (c instanceof MoveCommand m) {
            switch (canonical(name)) {
                case "--sql" -> m.sql = true;
                case "--tag" -> m.tag = value;
                case "--dry-run" -> m.dryRun = true;
                case "--restart-step" -> m.restartStep = true;
                default -> m.yes = true;
            }
        }
    }

    private static void setParameter(BaseCommand c, String value) {
        if (c instanceof ShowCommand s) {
            s.rev = value;
        } else if (c instanceof UpgradeCommand u) {
            u.revision = value;
        } else if (c instanceof DowngradeCommand d) {
            d.revision = value;
        }
    }

    private static void setGlobal(GlobalOptions o, String name, String value) {
        switch (canonical(name)) {
            case "--config" -> o.config = value;
            case "--name" -> o.name = value;
            case "--url" -> o.url = value;
            case "--color" -> o.color = value;
            default -> o.x.add(value);
        }
    }

    /** The long name of an option given by its short one, for noticing it twice. */
    private static String canonical(String name) {
        switch (name) {
            case "-c": return "--config";
            case "-n": return "--name";
            case "-v": return "--verbose";
            case "-r": return "--rev-range";
            case "-i": return "--indicate-current";
            case "-y": return "--yes";
            default: return name;
        }
    }

    /**
     * A value given as the next word: any word but one that looks like an option, except the
     * relative steps a range may start with ({@code history -r -3:}); a global option's value
     * never starts with {@code -}.
     */
    private static boolean plainValue(String v, boolean global) {
        return !v.isEmpty() && (!v.startsWith("-") || (!global && isNumeric(v)));
    }

    /** A relative step or a range starting with one: {@code -1}, {@code -2:}, {@code -1:+1}. */
    private static boolean isNumeric(String a) {
        return a.length() > 1 && a.charAt(0) == '-' && Character.isDigit(a.charAt(1));
    }
}
