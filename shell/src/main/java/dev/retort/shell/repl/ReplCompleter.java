package dev.retort.shell.repl;

import dev.retort.shell.repl.CommandModel.ArgKind;
import dev.retort.shell.repl.CommandModel.Command;
import dev.retort.shell.repl.CommandModel.Option;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion over the CLI's command model and the revision graph: commands, options,
 * revision ids (full or partial, described by their message and marked head, current, branch
 * point), branch labels, {@code label@head}, {@code heads}, {@code base}, {@code +1},
 * {@code -1}, ranges for {@code -r}, {@code .ini} files for {@code -c}, theme names.
 *
 * <p>Revision candidates come from a {@link RevisionIndex} by binary search, so a prefix among
 * 10,000 revisions completes at once. Thread-safe if its suppliers are.
 */
public final class ReplCompleter implements Completer {

    static final String GROUP_COMMANDS = "commands";
    static final String GROUP_OPTIONS = "options";
    static final String GROUP_REVISIONS = "revisions";
    static final String GROUP_LABELS = "branch labels";
    static final String GROUP_SYMBOLS = "symbols";

    private static final List<String[]> SYMBOLS = List.of(
            new String[] {"heads", "every head"},
            new String[] {"head", "the head (when there is only one)"},
            new String[] {"base", "before the first revision"},
            new String[] {"+1", "one step up from current"},
            new String[] {"-1", "one step down from current"});

    private final CommandModel model;
    private final Supplier<RevisionIndex> revisions;
    private final Supplier<List<String>> themes;
    private final Supplier<Path> workingDirectory;

    public ReplCompleter(CommandModel model, Supplier<RevisionIndex> revisions, Supplier<List<String>> themes,
            Supplier<Path> workingDirectory) {
        this.model = model;
        this.revisions = revisions;
        this.themes = themes;
        this.workingDirectory = workingDirectory;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        String word = line.word() == null ? "" : line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        List<String> upToCurrent = new java.util.ArrayList<>(words.subList(0, Math.min(index, words.size())));
        upToCurrent.add(word);
        complete(LineAnalysis.of(model, upToCurrent), index, word, candidates);
    }

    void complete(LineAnalysis analysis, int index, String word, List<Candidate> out) {
        LineAnalysis.Reading reading = analysis.reading(index);
        Command command = analysis.command().filter(c -> analysis.commandIndex() < index).orElse(null);
        switch (reading.role()) {
            case VALUE -> value(reading.kind(), word, out);
            case COMMAND, UNKNOWN_COMMAND -> commands(word, out);
            case OPTION, UNKNOWN_OPTION -> options(command == null ? model.root() : command, word, out);
            case POSITIONAL -> {
                value(reading.kind(), word, out);
                if (word.startsWith("-") && command != null) {
                    options(command, word, out);
                }
            }
        }
    }

    private void commands(String word, List<Candidate> out) {
        for (Command c : model.commands()) {
            if (c.name().startsWith(word)) {
                out.add(new Candidate(c.name(), c.name(), GROUP_COMMANDS, c.description(), null, null, true));
            }
        }
    }

    private void options(Command command, String word, List<Candidate> out) {
        for (Option o : command.options()) {
            for (String name : o.names()) {
                if (name.startsWith(word) && (name.startsWith("--") || word.length() <= 2)) {
                    out.add(new Candidate(name, name, GROUP_OPTIONS, o.description(), null, o.names().get(0), true));
                }
            }
        }
    }

    private void value(ArgKind kind, String word, List<Candidate> out) {
        switch (kind) {
            case REVISION -> revisions("", word, out);
            case REVISION_RANGE -> {
                int colon = word.lastIndexOf(':');
                revisions(colon < 0 ? "" : word.substring(0, colon + 1), colon < 0 ? word : word.substring(colon + 1), out);
            }
            case CONFIG_FILE -> configFiles(word, out);
            case THEME -> {
                for (String t : themes.get()) {
                    if (t.startsWith(word)) {
                        out.add(new Candidate(t, t, "themes", null, null, null, true));
                    }
                }
            }
            case COMMAND -> {
                for (Command c : model.commands()) {
                    if (c.name().startsWith(word) && !c.shellOnly()) {
                        out.add(new Candidate(c.name(), c.name(), GROUP_COMMANDS, c.description(), null, null, true));
                    }
                }
            }
            case COLOR -> {
                for (String v : List.of("auto", "always", "never")) {
                    if (v.startsWith(word)) {
                        out.add(new Candidate(v));
                    }
                }
            }
            case NONE, URL -> { }
        }
    }

    /**
     * Revision candidates for {@code word}, each value prefixed with {@code prefix} (the
     * {@code start:} of a range).
     */
    void revisions(String prefix, String word, List<Candidate> out) {
        RevisionIndex index = revisions.get();
        int at = word.indexOf('@');
        if (at >= 0) {
            String left = word.substring(0, at);
            for (String suffix : List.of("head", "base", "-1", "+1")) {
                String v = left + "@" + suffix;
                if (v.startsWith(word)) {
                    out.add(new Candidate(prefix + v, v, GROUP_LABELS, describeAt(left, suffix), null, null, true));
                }
            }
            return;
        }
        for (String[] s : SYMBOLS) {
            if (s[0].startsWith(word)) {
                out.add(new Candidate(prefix + s[0], s[0], GROUP_SYMBOLS, s[1], null, null, true));
            }
        }
        for (String label : index.labels()) {
            if (label.startsWith(word)) {
                out.add(new Candidate(prefix + label, label, GROUP_LABELS, "branch label", null, null, true));
                out.add(new Candidate(prefix + label + "@head", label + "@head", GROUP_LABELS,
                        "the head of branch " + label, null, null, true));
            }
        }
        for (RevisionEntry e : index.withPrefix(word)) {
            out.add(new Candidate(prefix + e.id(), e.id(), GROUP_REVISIONS, describe(e), null, null, true));
        }
    }

    /** {@code (head) (current) message}, what a revision candidate is described by. */
    static String describe(RevisionEntry e) {
        String marks = e.marks();
        String labels = e.labels().isEmpty() ? "" : "[" + String.join(", ", e.labels()) + "] ";
        return (marks.isEmpty() ? "" : marks + " ") + labels + e.message();
    }

    private static String describeAt(String left, String suffix) {
        return switch (suffix) {
            case "head" -> "the head of " + left;
            case "base" -> "the base of " + left;
            default -> suffix + " from " + left;
        };
    }

    private void configFiles(String word, List<Candidate> out) {
        Path base = workingDirectory.get();
        int slash = word.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : word.substring(0, slash + 1);
        String namePart = word.substring(slash + 1);
        Path dir = dirPart.isEmpty() ? base : base.resolve(dirPart.startsWith("~/")
                ? Path.of(System.getProperty("user.home")).resolve(dirPart.substring(2)).toString() : dirPart);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!name.startsWith(namePart) || name.startsWith(".") && !namePart.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    out.add(new Candidate(dirPart + name + "/", name + "/", "files", null, null, null, false));
                } else if (name.endsWith(".ini")) {
                    out.add(new Candidate(dirPart + name, name, "files", "configuration", null, null, true));
                }
            }
        } catch (IOException e) {
            // an unreadable directory offers nothing
        }
    }
}
