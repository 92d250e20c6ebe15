package dev.retort.shell.cli;

import java.util.Map;

/**
 * Keeps drivers' {@code java.util.logging} output off the terminal without starting
 * {@code java.util.logging} in commands that never use it: named as the
 * {@code java.util.logging.config.class} before anything logs, so that when a driver first
 * logs, the log manager instantiates this class instead of reading the JDK's
 * {@code logging.properties}, and the root logger gets no console handler. Retort reports every
 * failure itself, in one line. {@code RETORT_DEBUG}, or a logging configuration of the user's
 * own ({@code -Djava.util.logging.config.file/class}), leaves logging as it is.
 */
public final class QuietLogging {
    /** Called by the log manager: reading no configuration leaves the root without handlers. */
    public QuietLogging() {}

    /** Names this class as the logging configuration, unless debugging or configured. */
    public static void install(Map<String, String> environment) {
        if (environment.containsKey("RETORT_DEBUG")
                || System.getProperty("java.util.logging.config.class") != null
                || System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        System.setProperty("java.util.logging.config.class", QuietLogging.class.getName());
    }

    /** Whether {@link #install} named this class: {@code java.util.logging} needs nothing more. */
    static boolean installed() {
        return QuietLogging.class.getName().equals(System.getProperty("java.util.logging.config.class"));
    }
}
