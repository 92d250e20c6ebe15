package dev.retort.engine.db;

import dev.retort.engine.LockTimeout;
import dev.retort.engine.RetortException;
import dev.retort.engine.api.Cancellation;
import dev.retort.engine.api.LockHolder;
import dev.retort.engine.api.RunListener;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The waiting side of taking a migration lock, shared by every family: tells the listener once
 * who holds it, gives up at the deadline naming the holder, and otherwise sleeps with an
 * exponential back-off that a cancellation interrupts. One per attempt to take a lock; not
 * thread-safe.
 */
public final class LockWaiter {

    private final Database db;
    private final Duration timeout;
    private final RunListener listener;
    private final Cancellation cancel;
    private final long deadline;
    private final long maxSleep;
    private long sleep;
    private boolean told;

    /** @param firstSleep, maxSleep milliseconds between attempts: first, and at most */
    public LockWaiter(Database db, Duration timeout, RunListener listener, Cancellation cancel, long firstSleep,
            long maxSleep) {
        this.db = db;
        this.timeout = timeout;
        this.listener = listener;
        this.cancel = cancel;
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.sleep = firstSleep;
        this.maxSleep = maxSleep;
    }

    /** After a failed attempt: report {@code holder}, time out, or wait before the next try. */
    public void failedAttempt(Optional<LockHolder> holder) {
        if (!told && holder.isPresent()) {
            listener.waitingForLock(holder.get());
            told = true;
        }
        if (System.nanoTime() - deadline >= 0) {
            throw timeout(db, timeout, holder);
        }
        pause(sleep, cancel);
        sleep = Math.min(sleep * 2, maxSleep);
    }

    /** The time-out error, naming the holder. */
    public static LockTimeout timeout(Database db, Duration timeout, Optional<LockHolder> holder) {
        return new LockTimeout("Timed out after " + seconds(timeout) + " waiting for the migration lock on "
                + db.url().masked() + "; it is held by "
                + holder.map(LockHolder::describe).orElse("a runner that has just released it"), holder.orElse(null));
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }

    static void pause(long millis, Cancellation cancel) {
        if (cancel.isCancelled()) {
            throw new RetortException("Cancelled while waiting for the migration lock", cancel.exitCode(), null);
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetortException("Interrupted while waiting for the migration lock", 130, e);
        }
        if (cancel.isCancelled()) {
            throw new RetortException("Cancelled while waiting for the migration lock", cancel.exitCode(), null);
        }
    }
}
