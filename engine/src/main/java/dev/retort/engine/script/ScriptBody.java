package dev.retort.engine.script;

import dev.retort.engine.RetortException;
import dev.retort.engine.dialect.SqlTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parsed body of one script: its sections and checksum.
 *
 * <p>PUBLIC CONTRACT.
 *
 * <p>Markers (each alone on its line): {@code -- retort:upgrade [dialect]},
 * {@code -- retort:downgrade [dialect]} start a section that runs to the next section
 * marker or the end of the file; {@code -- retort:no-transaction} inside a section marks
 * it (the marker stays in the section's text, as the SQL comment it is). Before the first
 * section only blank lines and {@code --} comments (the header) may appear. An unknown
 * {@code -- retort:} marker, SQL outside a section, and two sections for the same direction
 * and dialect are errors naming {@code file:line}. Immutable (its checksums are computed once, when first asked).
 */
public final class ScriptBody {

    private static final Pattern MARKER = Pattern.compile("--\\s*retort:(\\S*)\\s*(.*)");
    private static final Pattern DIALECT = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final List<Section> sections;
    /*
     * Computed when first asked (a race computes the same string twice): offline SQL and the
     * graph commands never ask, and lexing every section of 5,000 scripts for a checksum was a
     * third of `upgrade heads --sql` on them (bench/startup).
     */
    private volatile String checksum;
    private volatile String legacyChecksum;

    private ScriptBody(List<Section> sections) {
        this.sections = List.copyOf(sections);
    }

    /** Parses a script's full text; {@code file} is used in error messages only. */
    public static ScriptBody parse(Path file, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<Section> sections = new ArrayList<>();
        List<Integer> sectionMarkerLines = new ArrayList<>();
        int start = -1; // index of the current section's marker line
        Boolean upgrade = null;
        String dialect = null;
        boolean noTx = false;
        for (int i = 0; i <= lines.length; i++) {
            String s = i < lines.length ? lines[i].strip() : null;
            Matcher m = s == null ? null : MARKER.matcher(s);
            boolean marker = m != null && m.matches();
            String name = marker ? m.group(1) : null;
            boolean sectionStart = marker && (name.equals("upgrade") || name.equals("downgrade"));
            if (s == null || sectionStart) {
                if (upgrade != null) {
                    sections.add(section(upgrade, dialect, lines, start, i, noTx));
                    sectionMarkerLines.add(start + 1);
                }
                if (s == null) {
                    break;
                }
                upgrade = name.equals("upgrade");
                dialect = dialect(file, i + 1, m.group(2));
                noTx = false;
                start = i;
                checkDuplicate(file, i + 1, sections, sectionMarkerLines, upgrade, dialect);
                continue;
            }
            if (marker && name.equals("lint-ignore")) {
                // an excuse for the next statement: lint reads it; to the database it is a comment
                if (m.group(2).isEmpty()) {
                    throw new RetortException(file + ":" + (i + 1)
                            + ": '-- retort:lint-ignore' needs a rule id: '-- retort:lint-ignore rule-id: reason'");
                }
            } else if (marker) {
                if (!name.equals("no-transaction")) {
                    throw new RetortException(file + ":" + (i + 1) + ": unknown marker '-- retort:" + name + "'"
                            + nearest(name, MARKER_NAMES) + " (known: upgrade, downgrade, no-transaction, lint-ignore)");
                }
                if (upgrade == null) {
                    throw new RetortException(file + ":" + (i + 1)
                            + ": '-- retort:no-transaction' outside a section");
                }
                if (!m.group(2).isEmpty()) {
                    throw new RetortException(file + ":" + (i + 1)
                            + ": '-- retort:no-transaction' takes no argument");
                }
                noTx = true;
            } else if (upgrade == null && !s.isEmpty() && !s.startsWith("--")) {
                throw new RetortException(file + ":" + (i + 1)
                        + ": SQL before the first '-- retort:upgrade' or '-- retort:downgrade' marker");
            }
        }
        return new ScriptBody(sections);
    }

    /**
     * Dialect names a section marker may carry ({@code mariadb} is MySQL's alias). Deliberately
     * not every URL scheme: {@code postgres} in a marker is a typo that would otherwise make
     * PostgreSQL silently run the plain section.
     */
    static final List<String> SECTION_DIALECTS = List.of("sqlite", "postgresql", "mysql", "mariadb");

    private static final List<String> MARKER_NAMES = List.of("upgrade", "downgrade", "no-transaction", "lint-ignore");

    private static String dialect(Path file, int line, String arg) {
        if (arg.isEmpty()) {
            return null;
        }
        if (!DIALECT.matcher(arg).matches()) {
            throw new RetortException(file + ":" + line + ": expected one dialect name after the marker, found '"
                    + arg + "'");
        }
        if (!SECTION_DIALECTS.contains(arg.toLowerCase(java.util.Locale.ROOT))) {
            throw new RetortException(file + ":" + line + ": unknown dialect '" + arg + "'"
                    + nearest(arg, SECTION_DIALECTS) + " (known: " + String.join(", ", SECTION_DIALECTS) + ")");
        }
        return dev.retort.engine.dialect.Dialects.canonicalName(arg);
    }

    /**
     * Checks every {@code -- retort:} marker of a script's text (names and dialects) without
     * parsing its sections: what loading the scripts does, so that a misspelt marker or dialect
     * is an error from every command ({@code heads} too), not only from planning.
     */
    static void checkMarkers(Path file, String text) {
        int line = 0;
        int from = 0;
        int n = text.length();
        while (from <= n) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? n : nl;
            line++;
            int i = from;
            while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            int j = i + 2;
            while (j < end && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j++;
            }
            if (i + 1 < end && text.charAt(i) == '-' && text.charAt(i + 1) == '-' && text.startsWith("retort:", j)) {
                Matcher m = MARKER.matcher(text.substring(i, end).strip());
                if (m.matches()) {
                    String name = m.group(1);
                    if (!MARKER_NAMES.contains(name)) {
                        throw new RetortException(file + ":" + line + ": unknown marker '-- retort:" + name + "'"
                                + nearest(name, MARKER_NAMES) + " (known: upgrade, downgrade, no-transaction, lint-ignore)");
                    }
                    if (name.equals("upgrade") || name.equals("downgrade")) {
                        dialect(file, line, m.group(2));
                    }
                }
            }
            if (nl < 0) {
                break;
            }
            from = nl + 1;
        }
    }

    /** {@code "; did you mean 'x'?"} for a near miss, else empty. */
    private static String nearest(String typed, List<String> known) {
        return dev.retort.engine.Suggestions.nearest(typed, known).map(k -> "; did you mean '" + k + "'?").orElse("");
    }

    private static void checkDuplicate(Path file, int line, List<Section> sections, List<Integer> markerLines,
            boolean upgrade, String dialect) {
        for (int k = 0; k < sections.size(); k++) {
            Section other = sections.get(k);
            if (other.upgrade() == upgrade && Objects.equals(other.dialect(), dialect)) {
                throw new RetortException(file + ":" + line + ": second '-- retort:"
                        + (upgrade ? "upgrade" : "downgrade") + (dialect == null ? "" : " " + dialect)
                        + "' section (the first is at line " + markerLines.get(k) + ")");
            }
        }
    }

    /** Lines (marker, end) exclusive; leading and trailing blank lines trimmed. */
    private static Section section(boolean upgrade, String dialect, String[] lines, int marker, int end,
            boolean noTx) {
        int from = marker + 1;
        int to = end;
        while (from < to && lines[from].isBlank()) {
            from++;
        }
        while (to > from && lines[to - 1].isBlank()) {
            to--;
        }
        StringBuilder sql = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                sql.append('\n');
            }
            sql.append(lines[i]);
        }
        return new Section(upgrade, dialect, sql.toString(), from + 1, noTx);
    }

    /** All sections, in file order. */
    public List<Section> sections() {
        return sections;
    }

    /** The section a dialect runs: its own where one exists, else the unqualified one. */
    public Optional<Section> upgrade(String dialect) {
        return pick(true, dialect);
    }

    /**
     * As {@link #upgrade(String)}; empty means the script is irreversible for that dialect
     * and a downgrade through it must be refused before anything runs.
     */
    public Optional<Section> downgrade(String dialect) {
        return pick(false, dialect);
    }

    private Optional<Section> pick(boolean upgrade, String dialect) {
        String d = dialect == null ? null : dialect.toLowerCase(Locale.ROOT);
        Section general = null;
        for (Section s : sections) {
            if (s.upgrade() != upgrade) {
                continue;
            }
            if (d != null && d.equals(s.dialect())) {
                return Optional.of(s);
            }
            if (s.dialect() == null) {
                general = s;
            }
        }
        return Optional.ofNullable(general);
    }

    /**
     * SHA-256 (hex) over the sections' lexer tokens without comments and whitespace: each
     * section's direction, dialect, no-transaction flag and significant tokens, in a canonical
     * order (upgrade before downgrade, unqualified before dialects by name). Reformatting,
     * re-indenting, moving sections and editing comments (the header, {@code lint-ignore}
     * excuses) keep it; any change to a token, a dialect or a no-transaction marker changes it.
     */
    public String checksum() {
        String c = checksum;
        if (c == null) {
            c = computeChecksum(sections, true);
            checksum = c;
        }
        return c;
    }

    /** The {@linkplain #checksum() checksum} when it was computed already, else null. */
    String checksumIfComputed() {
        return checksum;
    }

    /**
     * The checksum Retort recorded before checksums were computed over tokens (lines
     * right-stripped, comments included), so that scripts applied by an older Retort are not
     * reported as changed: a recorded checksum equal to this one is unchanged too.
     */
    public String legacyChecksum() {
        String c = legacyChecksum;
        if (c == null) {
            c = computeChecksum(sections, false);
            legacyChecksum = c;
        }
        return c;
    }

    /** A section's text as stored in the history when it runs: line endings normalised, lines right-stripped. */
    public static String normalisedText(Section s) {
        StringBuilder b = new StringBuilder();
        for (String line : s.sql().split("\r\n|\r|\n", -1)) {
            b.append(line.stripTrailing()).append('\n');
        }
        return b.toString();
    }

    /** The significant tokens of a section, one space apart; the lines as written when it does not lex. */
    private static String tokens(Section s) {
        try {
            StringBuilder b = new StringBuilder();
            for (SqlTokens.Token t : SqlTokens.of(s.dialect() == null ? "postgresql" : s.dialect(), s.sql(), s.firstLine())) {
                if (t.kind() != SqlTokens.Kind.COMMENT) {
                    b.append(t.text()).append(' ');
                }
            }
            return b.toString();
        } catch (RetortException e) {
            return normalisedText(s); // unreadable SQL: the planner says so; the checksum still covers it
        }
    }

    private static String computeChecksum(List<Section> sections, boolean overTokens) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
        List<Section> sorted = new ArrayList<>(sections);
        sorted.sort(Comparator.comparing((Section s) -> !s.upgrade())
                .thenComparing(s -> s.dialect() == null ? "" : s.dialect()));
        for (Section s : sorted) {
            StringBuilder b = new StringBuilder();
            b.append(s.upgrade() ? "upgrade" : "downgrade").append('\n');
            b.append(s.dialect() == null ? "" : s.dialect()).append('\n');
            if (overTokens) {
                b.append(s.noTransaction() ? "no-transaction\n" : "\n").append(tokens(s));
            } else {
                for (String line : s.sql().split("\r\n|\r|\n", -1)) {
                    b.append(line.stripTrailing()).append('\n');
                }
            }
            b.append('\0');
            sha.update(b.toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
