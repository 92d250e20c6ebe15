package dev.retort.shell.cli;

/**
 * Routes Ctrl-C to a running migration, so that it cancels the statement in progress and rolls
 * back instead of killing the process half-way.
 */
@FunctionalInterface
public interface Interrupts {

    /** Calls {@code onInterrupt} on Ctrl-C until the returned handle is closed. */
    AutoCloseable route(Runnable onInterrupt);

    /** The one-shot CLI: SIGINT. */
    Interrupts SIGINT = Signals::onInterrupt;
}
