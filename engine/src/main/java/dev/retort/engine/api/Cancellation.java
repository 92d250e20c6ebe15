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
    private final AtomicReference<Runnable> onCancel = new AtomicReference<>(NOTHING);

    /** A token nobody will cancel. */
    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
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
