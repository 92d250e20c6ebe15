package dev.retort.shell.panel;

/**
 * What a piece of the panel is, for colouring: each role maps to a style of the active theme
 * (see {@link PanelStyles}). Lanes are numbered roles of their own ({@link PanelStyles#lane}).
 */
public enum PanelRole {
    /** The title bar. */
    TITLE,
    /** Plain text: messages, detail text. */
    TEXT,
    /** An applied revision's id. */
    REVISION_ID,
    /** A pending (not yet applied) revision: its id and message are drawn in this role. */
    PENDING,
    /** A current head of the database: node, id and the {@code (current)} tag. */
    CURRENT,
    /** The {@code (head)} tag. */
    HEAD,
    /** {@code (branchpoint)} and {@code (mergepoint)} tags. */
    MARKER,
    BRANCH_LABEL,
    /** {@code depends_on} edges. */
    DEPENDENCY,
    /** The selected row: its background and modifiers overlay the row's own styles. */
    SELECTION,
    /** The mark of a revision chosen for a merge. */
    MARKED,
    /** The detail pane's separator and field names. */
    DETAIL_HEADER,
    SQL_KEYWORD,
    SQL_STRING,
    SQL_COMMENT,
    /** The bottom line: key hints and input prompts. */
    STATUS,
    SUCCESS,
    WARNING,
    ERROR
}
