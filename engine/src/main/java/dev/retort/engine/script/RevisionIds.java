package dev.retort.engine.script;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a revision id and a branch label may be: something the version table can hold, a file
 * name can carry inside its version directory, and a target can never mistake for something
 * else. Checked when a script is written ({@code revision}, {@code merge}) and when one is
 * loaded, before anything runs.
 */
public final class RevisionIds {
    private RevisionIds() {}

    /** Labels may also use {@code .}, never first: {@code .} and {@code ..} would be paths. */
    private static final Pattern SAFE_LABEL = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.]*");
    /** Words a target means something else by. */
    private static final Set<String> RESERVED = Set.of("head", "heads", "base");

    /**
     * Why {@code id} cannot be a revision id, or null when it can. Alembic's texts first (the
     * characters {@code @ - + :}, whitespace and commas), then Retort's: reserved words, the
     * safe character set, and the length the version table holds.
     */
    public static String problem(String id, int maxLength) {
        String alembic = HeaderReader.idProblem(id);
        if (alembic != null) {
            return alembic;
        }
        if (RESERVED.contains(id.toLowerCase(Locale.ROOT))) {
            return "'" + id + "' is reserved (it names a target); it can't be a revision identifier";
        }
        if (!safeId(id)) {
            return "Revision identifier '" + id + "' may only contain letters, digits and '_'";
        }
        if (id.length() > maxLength) {
            return "Revision identifier '" + id + "' is " + id.length() + " characters long; the version table"
                    + " holds " + maxLength + " (widen version_num and set version_num_length to allow more)";
        }
        return null;
    }

    /**
     * Letters, digits and {@code _} only, at least one: safe in a file name, a URL, a shell and a
     * {@code Revises:} line. A loop, not a regular expression: it runs for every loaded revision
     * at every start, mostly interpreted.
     */
    private static boolean safeId(String id) {
        if (id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Why {@code label} cannot be a branch label, or null when it can. */
    public static String labelProblem(String label) {
        if (RESERVED.contains(label.toLowerCase(Locale.ROOT))) {
            return "'" + label + "' is reserved (it names a target); it can't be a branch label";
        }
        if (!SAFE_LABEL.matcher(label).matches()) {
            return "Branch label '" + label + "' may only contain letters, digits, '_' and '.' (not first)";
        }
        return null;
    }
}
