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

    /**
     * SIGTERM (what {@code kill}, systemd, Kubernetes and CI runners send) and SIGHUP (the
     * terminal went away) do what Ctrl-C does while a run is in progress: cancel the statement
     * on the server, roll back what is transactional, record the outcome and release the lock;
     * the run then ends with 143 or 129. Without this the JVM would exit at once and leave the
     * statement running on the server.
     */
    @SuppressWarnings("restriction")
    static AutoCloseable onTermination(dev.retort.engine.api.Cancellation cancel) {
        java.util.List<Runnable> restore = new java.util.ArrayList<>();
        for (String name : new String[] {"TERM", "HUP"}) {
            int code = name.equals("TERM") ? 143 : 129;
            try {
                sun.misc.Signal sig = new sun.misc.Signal(name);
                sun.misc.SignalHandler previous = sun.misc.Signal.handle(sig, s -> cancel.cancel(code, "SIG" + name));
                restore.add(() -> sun.misc.Signal.handle(sig, previous));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // this platform has no such signal (or the JVM keeps it, -Xrs): nothing to route
            }
        }
        return () -> restore.forEach(Runnable::run);
    }

    /** After a run a signal cancelled: the signal's usual effect (the JVM's exit, its hooks restoring the terminal). */
    @SuppressWarnings("restriction")
    static void reraise(String signal) {
        try {
            sun.misc.Signal.raise(new sun.misc.Signal(signal.substring(3)));
        } catch (IllegalArgumentException e) {
            // no such signal here: the exit status already says what happened
        }
    }
}
