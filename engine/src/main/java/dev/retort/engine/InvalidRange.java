package dev.retort.engine;

/**
 * A range or target that is not along one branch: {@code Requested range a:b does not refer to
 * ancestor/descendant revisions along the same branch}, or {@code Destination x is not a valid
 * upgrade target from current head(s)} (Alembic's texts).
 */
public final class InvalidRange extends RetortException {
    private static final long serialVersionUID = 1L;
    private final String start;
    private final String end;

    public InvalidRange(String message, String start, String end, Throwable cause) {
        super(message, cause);
        this.start = start;
        this.end = end;
    }

    /** The lower end as given, or null. */
    public String start() {
        return start;
    }

    /** The upper end (or destination) as given, or null. */
    public String end() {
        return end;
    }
}
