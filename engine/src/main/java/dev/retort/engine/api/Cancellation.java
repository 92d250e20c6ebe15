package dev.retort.engine.api;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A cancellation token for one run. {@link #cancel()} may be called from any thread (a
 * Ctrl-C handler): it marks the run cancelled and interrupts the statement running at that
 * moment through its registered action ({@code java.sql.Statement#cancel}). The runner then
 * rolls back as for a failing statement and throws with exit code 130.
 */
public final class Cancellation {

    private static final Runnable NOTHING = () -> {};

    private volatile boolean cancelled;
    private volatile int exitCode = 130;
    private volatile String signal;
    private final AtomicReference<Runnable> onCancel = new AtomicReference<>(NOTHING);

    /** A token nobody will cancel. */
    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancel(130, null);
    }

    /**
     * Cancels because the process received {@code signal} ({@code SIGTERM}, {@code SIGHUP}):
     * the same as Ctrl-C, but the run ends with {@code exitCode} (143, 129) and says which
     * signal stopped it. The first cancel wins.
     */
    public void cancel(int exitCode, String signal) {
        if (!cancelled) {
            this.exitCode = exitCode;
            this.signal = signal;
        }
        cancelled = true;
        try {
            onCancel.get().run();
        } catch (RuntimeException ignored) {
            // best effort: the runner sees the flag at its next check
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** The exit status a cancelled run ends with: 130 for Ctrl-C, 128 + the signal's number otherwise. */
    public int exitCode() {
        return exitCode;
    }

    /** {@code SIGTERM} or {@code SIGHUP} when a signal other than Ctrl-C cancelled the run; else null. */
    public String signal() {
        return signal;
    }

    /**
     * For the runner: {@code action} interrupts the work in progress; it is dropped when the
     * returned handle closes. Registering then checking {@link #isCancelled()} leaves no
     * window in which a cancel is lost.
     */
    public Registration whileRunning(Runnable action) {
        onCancel.set(action);
        return () -> onCancel.compareAndSet(action, NOTHING);
    }

    /** A registered cancel action; closing it unregisters. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
