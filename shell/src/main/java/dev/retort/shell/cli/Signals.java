package dev.retort.shell.cli;

/**
 * SIGINT for the one-shot CLI: while a run is in progress Ctrl-C cancels it (the runner rolls
 * back and the process exits 130) instead of killing the JVM half-way.
 */
final class Signals {
    private Signals() {}

    @SuppressWarnings("restriction")
    static AutoCloseable onInterrupt(Runnable action) {
        try {
            sun.misc.Signal sig = new sun.misc.Signal("INT");
            sun.misc.SignalHandler previous = sun.misc.Signal.handle(sig, s -> action.run());
            return () -> sun.misc.Signal.handle(sig, previous);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return () -> {};
        }
    }
}
