package dev.retort.engine;

/**
 * No revision answers to an identifier: {@code Can't locate revision identified by 'x'}
 * (Alembic's text). {@link #identifier()} is what was asked for.
 */
public class RevisionNotFound extends RetortException {
    private static final long serialVersionUID = 1L;
    private final String identifier;

    public RevisionNotFound(String message, String identifier, Throwable cause) {
        super(message, cause);
        this.identifier = identifier;
    }

    /** Alembic's text for an identifier no revision answers to: the one wording of this error. */
    public static String message(String identifier) {
        return "Can't locate revision identified by '" + identifier + "'";
    }

    /** The identifier as given (an id, a prefix, a label, {@code label@rev}). */
    public String identifier() {
        return identifier;
    }
}
