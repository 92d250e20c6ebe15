package dev.retort.shell.repl;

import dev.retort.shell.repl.CommandModel.ArgKind;
import dev.retort.themes.Role;
import dev.retort.themes.Styler;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * Colours the line as it is typed: commands, options, and revision arguments by what they
 * resolve to (one revision, several, none, a label, a symbol), so a typo or an ambiguous
 * prefix shows before Enter. Runs on every keystroke: word splitting plus binary searches.
 */
public final class ReplHighlighter implements Highlighter {

    private final CommandModel model;
    private final Supplier<RevisionIndex> revisions;
    private final Supplier<Styler> styler;

    public ReplHighlighter(CommandModel model, Supplier<RevisionIndex> revisions, Supplier<Styler> styler) {
        this.model = model;
        this.revisions = revisions;
        this.styler = styler;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        return highlight(buffer);
    }

    /** The highlighted line. */
    public AttributedString highlight(String buffer) {
        Styler s = styler.get();
        List<Words.Word> words = Words.split(buffer);
        LineAnalysis analysis = LineAnalysis.of(model, words.stream().map(Words.Word::text).toList());
        RevisionIndex index = revisions.get();
        AttributedStringBuilder sb = new AttributedStringBuilder();
        int pos = 0;
        for (int i = 0; i < words.size(); i++) {
            Words.Word w = words.get(i);
            sb.append(buffer, pos, w.start());
            String raw = buffer.substring(w.start(), w.end());
            LineAnalysis.Reading r = analysis.reading(i);
            switch (r.role()) {
                case COMMAND -> s.append(sb, Role.COMMAND, raw);
                case UNKNOWN_COMMAND -> s.append(sb, Role.ERROR, raw);
                case OPTION -> option(sb, s, raw, r.kind(), index);
                case UNKNOWN_OPTION -> s.append(sb, Role.WARNING, raw);
                case VALUE, POSITIONAL -> argument(sb, s, raw, w, r.kind(), index);
            }
            pos = w.end();
        }
        sb.append(buffer, pos, buffer.length());
        return sb.toAttributedString();
    }

    private void option(AttributedStringBuilder sb, Styler s, String raw, ArgKind kind, RevisionIndex index) {
        int eq = raw.indexOf('=');
        if (eq < 0) {
            s.append(sb, Role.OPTION, raw);
            return;
        }
        s.append(sb, Role.OPTION, raw.substring(0, eq + 1));
        String value = raw.substring(eq + 1);
        if (kind == ArgKind.REVISION || kind == ArgKind.REVISION_RANGE) {
            revisionRange(sb, s, value, index);
        } else {
            sb.append(value);
        }
    }

    private void argument(AttributedStringBuilder sb, Styler s, String raw, Words.Word w, ArgKind kind, RevisionIndex index) {
        if (w.quoted()) {
            s.append(sb, Role.SQL_STRING, raw);
        } else if (kind == ArgKind.REVISION || kind == ArgKind.REVISION_RANGE) {
            revisionRange(sb, s, raw, index);
        } else {
            sb.append(raw);
        }
    }

    private static final Pattern RANGE = Pattern.compile(":");

    private void revisionRange(AttributedStringBuilder sb, Styler s, String raw, RevisionIndex index) {
        String[] parts = RANGE.split(raw, -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            if (!parts[i].isEmpty()) {
                s.append(sb, role(index.classify(parts[i])), parts[i]);
            }
        }
    }

    static Role role(RevisionIndex.Kind kind) {
        return switch (kind) {
            case REVISION -> Role.REVISION_ID;
            case AMBIGUOUS -> Role.REVISION_AMBIGUOUS;
            case UNKNOWN -> Role.REVISION_UNKNOWN;
            case LABEL -> Role.BRANCH_LABEL;
            case SYMBOL -> Role.SYMBOL;
        };
    }
}
