package dev.retort.engine.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source of exactly one physical connection, lent to one borrower at a time: what
 * {@link Database#open} uses for a family that offers {@link DatabaseFamily#direct} (SQLite),
 * where a pool of one buys nothing and costs a one-shot command its threads and classes.
 *
 * <p>It behaves as HikariCP did with one connection, no idle timeout and no maximum lifetime:
 * the connection is opened on the first {@link #getConnection()} and kept until
 * {@linkplain #evict evicted}, broken or {@linkplain #close() closed}, so an in-memory SQLite
 * database keeps its tables from one borrow to the next. A second borrower, on another thread
 * (the shell's panel beside its REPL), waits for the first to give the connection back, up to
 * the borrow timeout, then fails saying so. Each borrower gets a {@link LentConnection}: closing
 * it gives the physical connection back, with open statements closed and the session reset;
 * a connection whose reset fails is closed and dropped, and the next borrow opens a new one.
 *
 * <p>Thread-safe.
 */
final class OneConnectionSource implements DataSource, AutoCloseable {

    private final ConnectionOpener opener;
    private final long borrowTimeoutNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition givenBack = lock.newCondition();
    /** The physical connection, or null before the first borrow and after a drop; guarded by lock. */
    private Connection physical;
    /** Who holds {@link #physical} now, or null; guarded by lock. */
    private LentConnection lent;
    /** Whether {@link #lent}'s connection is to be dropped when it is given back; guarded by lock. */
    private boolean dropOnReturn;
    /** Guarded by lock. */
    private boolean closed;
    private volatile PrintWriter logWriter;
    private volatile int loginTimeout;

    /** {@code opener} opens the connection when it is first needed; a borrower waits {@code borrowTimeout} for it. */
    OneConnectionSource(ConnectionOpener opener, Duration borrowTimeout) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.borrowTimeoutNanos = borrowTimeout.toNanos();
    }

    /**
     * The connection, opened now if it is not open; waits while another borrower holds it.
     *
     * @throws SQLException when it is not given back within the borrow timeout, this source is
     *                      closed, the wait is interrupted, or the driver cannot open it
     */
    @Override
    public Connection getConnection() throws SQLException {
        lock.lock();
        try {
            long nanos = borrowTimeoutNanos;
            while (lent != null && !closed) {
                if (nanos <= 0) {
                    throw new SQLException("the connection was not available within "
                            + TimeUnit.NANOSECONDS.toMillis(borrowTimeoutNanos) + " ms (held by another task)", "08001");
                }
                try {
                    nanos = givenBack.awaitNanos(nanos);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while waiting for the connection", "08001", e);
                }
            }
            if (closed) {
                throw new SQLException("the database was closed", "08003");
            }
            if (physical == null) {
                Connection c = opener.open();
                if (c == null) {
                    throw new SQLException("the driver opened no connection", "08001");
                }
                physical = c;
            }
            lent = new LentConnection(this, physical);
            dropOnReturn = false;
            return lent;
        } finally {
            lock.unlock();
        }
    }

    /** Always fails: the connection's credentials are the URL's. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("one connection, opened with the URL's credentials");
    }

    /**
     * Takes the connection back from {@code c}, which has closed its statements and reset its
     * session; {@code healthy} false (the reset failed) closes and drops the physical connection.
     */
    void giveBack(LentConnection c, boolean healthy) {
        lock.lock();
        try {
            if (!healthy || (lent == c && dropOnReturn)) {
                drop(c.physical());
            }
            if (lent == c) {
                lent = null;
                givenBack.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes and drops the physical connection behind {@code c}, which is dead from now on, so
     * that nothing it carried (an interrupted statement, a broken transaction) reaches the next
     * borrower; the next borrow opens a new connection. A connection that is not from this
     * source is closed.
     */
    void evict(Connection c) {
        if (!(c instanceof LentConnection l) || !l.from(this)) {
            closeQuietly(c);
            return;
        }
        l.kill();
        lock.lock();
        try {
            if (lent == null || lent == l) {
                drop(l.physical());
            } else if (lent.physical() == l.physical()) {
                dropOnReturn = true; // given back earlier and lent again: drop it when the new borrower is done
            }
            if (lent == l) {
                lent = null;
                givenBack.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Closes {@code c} if it is still this source's physical connection, which is then forgotten. Under lock. */
    private void drop(Connection c) {
        if (physical == c && c != null) {
            physical = null;
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // it is being thrown away
        }
    }

    /** Closes the physical connection; any later borrow fails, a borrower still waiting too. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            if (lent != null) {
                lent.kill();
                lent = null;
            }
            drop(physical);
            givenBack.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        logWriter = out;
    }

    /** Kept, unused: the driver's own timeout applies to opening the connection. */
    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
