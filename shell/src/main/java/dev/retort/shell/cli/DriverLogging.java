package dev.retort.shell.cli;

import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * Keeps drivers' {@code java.util.logging} output (the PostgreSQL driver warns on a bad port
 * before it throws) off the terminal: Retort reports every failure itself, in one line. HikariCP
 * logs through SLF4J, which goes nowhere. {@code RETORT_DEBUG} leaves logging as it is.
 */
final class DriverLogging {
    private DriverLogging() {}

    static void silence(Map<String, String> environment) {
        if (environment.containsKey("RETORT_DEBUG") || QuietLogging.installed()) {
            return; // the process's entry point already kept the console handler from being made
        }
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h); // the console handler: the only way JUL reaches stderr
        }
    }
}
