package dev.retort.themes;

/**
 * A theme that cannot be found or read. The message is one line for the user, naming the
 * file and line where there is one.
 */
public final class ThemeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ThemeException(String message) {
        super(message);
    }

    public ThemeException(String message, Throwable cause) {
        super(message, cause);
    }
}
