package dev.retort.engine;

/**
 * A user error: bad input, a broken script directory, an unknown revision, a failing
 * migration. Its message is the one line shown to the user (after {@code FAILED: }), with
 * Alembic's text wherever Alembic has one. The front end prints it without a stack trace and
 * exits with {@link #exitCode()}.
 *
 * <p>Every error a user can cause is one of these (or a subclass); anything else reaching
 * {@code main} is a bug in Retort.
 */
public class RetortException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public RetortException(String message) {
        this(message, 1, null);
    }

    public RetortException(String message, Throwable cause) {
        this(message, 1, cause);
    }

    public RetortException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Process exit status for this error: 1 for command errors, 2 for usage, 130 for Ctrl-C. */
    public int exitCode() {
        return exitCode;
    }
}
