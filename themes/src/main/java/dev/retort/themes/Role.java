package dev.retort.themes;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a piece of text is, as opposed to how it looks: the shell, the CLI and the graph panel
 * tag text with roles, and a {@link Theme} maps each role to a {@link Style}.
 *
 * <p>Each role has a stable {@link #key()} used in theme files ({@code revision-id = yellow}).
 * Adding a role means adding it to every bundled theme; a test enforces that.
 */
public enum Role {
    /** The REPL prompt's frame ({@code retort}, separators). */
    PROMPT("prompt"),
    /** The environment name inside the prompt. */
    PROMPT_ENVIRONMENT("prompt-environment"),
    /** A command name ({@code upgrade}, {@code history}). */
    COMMAND("command"),
    /** An option ({@code --sql}, {@code -r}). */
    OPTION("option"),
    /** A revision id that resolves to exactly one revision. */
    REVISION_ID("revision-id"),
    /** A partial id matching several revisions. */
    REVISION_AMBIGUOUS("revision-ambiguous"),
    /** An id matching no revision. */
    REVISION_UNKNOWN("revision-unknown"),
    /** Symbolic targets: {@code head}, {@code heads}, {@code base}, {@code +1}, {@code -1}. */
    SYMBOL("symbol"),
    /** The {@code (head)} mark and head revisions. */
    HEAD("head"),
    /** The {@code (current)} mark: revisions the database is at. */
    CURRENT("current"),
    /** Branch labels ({@code payments}, {@code payments@head}). */
    BRANCH_LABEL("branch-label"),
    /** The {@code (branchpoint)} mark. */
    BRANCH_POINT("branch-point"),
    /** The {@code (mergepoint)} mark. */
    MERGE_POINT("merge-point"),
    /** A revision message. */
    MESSAGE("message"),
    /** Headings in verbose output and help. */
    HEADING("heading"),
    /** Secondary text: dates, paths, descriptions in completion lists. */
    MUTED("muted"),
    SQL_KEYWORD("sql-keyword"),
    SQL_STRING("sql-string"),
    SQL_NUMBER("sql-number"),
    SQL_COMMENT("sql-comment"),
    ERROR("error"),
    WARNING("warning"),
    SUCCESS("success"),
    /** The status line at the bottom of the REPL. */
    STATUS("status"),
    /** The selected row in the graph panel and in menus. */
    SELECTION("selection"),
    LANE_0("lane-0"),
    LANE_1("lane-1"),
    LANE_2("lane-2"),
    LANE_3("lane-3"),
    LANE_4("lane-4"),
    LANE_5("lane-5"),
    LANE_6("lane-6"),
    LANE_7("lane-7");

    private static final Role[] LANES = {LANE_0, LANE_1, LANE_2, LANE_3, LANE_4, LANE_5, LANE_6, LANE_7};

    private final String key;

    Role(String key) {
        this.key = key;
    }

    /** The name of this role in theme files. */
    public String key() {
        return key;
    }

    /** The role by its theme-file key. */
    public static Optional<Role> byKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }

    /** The lane role for graph column {@code n}; lanes cycle through eight styles. */
    public static Role lane(int n) {
        return LANES[Math.floorMod(n, LANES.length)];
    }
}
