package dev.retort.engine.db.postgresql;

import dev.retort.engine.RetortException;
import dev.retort.engine.api.Cancellation;
import dev.retort.engine.api.LockHolder;
import dev.retort.engine.api.RunListener;
import dev.retort.engine.db.Database;
import dev.retort.engine.db.Identity;
import dev.retort.engine.db.LockWaiter;
import dev.retort.engine.db.MigrationLock;
import dev.retort.engine.db.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * PostgreSQL: a session-level advisory lock on a connection of its own, held for the whole run.
 * Because the working connection is another session, a {@code CREATE INDEX CONCURRENTLY} in a
 * script never waits on the lock's session. The lock dies with the session, so a killed runner
 * frees it at once. The holder names itself through {@code application_name}
 * ({@code retort-lock <pid> <epoch-ms> <host>}), which {@code pg_stat_activity} shows to
 * other runners.
 */
final class AdvisoryLock implements MigrationLock {

    /** Key space: the first key is "RETR", the second a hash of the version table's name. */
    static final int CLASS_ID = 0x52455452;
    private static final String APP_PREFIX = "retort-lock ";

    private final Database db;
    private final Connection connection;
    private final int objectId;

    private AdvisoryLock(Database db, Connection connection, int objectId) {
        this.db = db;
        this.connection = connection;
        this.objectId = objectId;
    }

    static int objectId(TableName versionTable) {
        return (versionTable.schema() == null ? "" : versionTable.schema()).concat(".")
                .concat(versionTable.name()).hashCode() & 0x7fffffff;
    }

    static MigrationLock acquire(Database db, TableName versionTable, Identity me, Duration timeout,
            RunListener listener, Cancellation cancel) {
        int key = objectId(versionTable);
        Connection c = db.connection();
        boolean ok = false;
        try {
            c.setAutoCommit(true);
            keepAlive(c);
            LockWaiter waiter = new LockWaiter(db, timeout, listener, cancel, 20, 250);
            while (true) {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                    ps.setInt(1, CLASS_ID);
                    ps.setInt(2, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getBoolean(1)) {
                            break;
                        }
                    }
                }
                Optional<LockHolder> holder = holder(c, key);
                waiter.failedAttempt(holder);
            }
            String app = APP_PREFIX + me.pid() + " " + System.currentTimeMillis() + " " + me.host();
            try (Statement st = c.createStatement()) {
                st.execute("SET application_name = '" + truncate(app, 63).replace("'", "''") + "'");
            }
            ok = true;
            return new AdvisoryLock(db, c, key);
        } catch (SQLException e) {
            throw new RetortException("Can't take the migration lock on " + db.url().masked() + ": "
                    + Database.reason(e), e);
        } finally {
            if (!ok) {
                db.discard(c);
            }
        }
    }

    /**
     * The lock's session sits idle for the whole run: a server (or role, or database) that closes
     * idle sessions would end it and free the lock under a running migration. Those timeouts are
     * turned off for this session only; TCP keepalives (pool setting) keep proxies from cutting it.
     */
    private static void keepAlive(Connection c) throws SQLException {
        for (String setting : new String[] {"idle_session_timeout", "idle_in_transaction_session_timeout"}) {
            try (Statement st = c.createStatement()) {
                st.execute("SET " + setting + " = 0");
            } catch (SQLException e) {
                if (!"42704".equals(e.getSQLState())) { // unknown setting: a server older than 14 has no such timeout
                    throw e;
                }
            }
        }
    }

    /**
     * Asks the lock's own session whether it still holds the lock: a closed session, a
     * terminated backend or a lock released behind Retort's back all stop the run before the
     * next statement.
     */
    @Override
    public void check() {
        String why;
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM pg_locks WHERE"
                + " locktype = 'advisory' AND granted AND objsubid = 2 AND pid = pg_backend_pid()"
                + " AND classid = ?::bigint::oid AND objid = ?::bigint::oid")) {
            ps.setQueryTimeout(15);
            ps.setLong(1, CLASS_ID);
            ps.setLong(2, objectId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getLong(1) > 0) {
                    return;
                }
            }
            why = "its session no longer holds it";
        } catch (SQLException e) {
            why = "its session was closed (" + Database.reason(e) + ")";
        }
        throw new RetortException("The migration lock on " + db.url().masked() + " was lost: " + why
                + "; stopped so that no other runner repeats work");
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    static Optional<LockHolder> holder(Database db, TableName versionTable) {
        try (Connection c = db.connection()) {
            return holder(c, objectId(versionTable));
        } catch (SQLException e) {
            throw new RetortException("Can't read the migration lock on " + db.url().masked() + ": "
                    + Database.reason(e), e);
        }
    }

    private static Optional<LockHolder> holder(Connection c, int key) throws SQLException {
        String sql = "SELECT a.application_name, a.pid, a.client_hostname, host(a.client_addr), a.backend_start"
                + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2"
                + " AND l.classid = ?::bigint::oid AND l.objid = ?::bigint::oid AND l.database = "
                + "(SELECT oid FROM pg_database WHERE datname = current_database())";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, CLASS_ID);
            ps.setLong(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String app = rs.getString(1);
                if (app != null && app.startsWith(APP_PREFIX)) {
                    String[] f = app.substring(APP_PREFIX.length()).split(" ", 3);
                    if (f.length == 3) {
                        try {
                            return Optional.of(new LockHolder(Long.parseLong(f[0]), f[2],
                                    Instant.ofEpochMilli(Long.parseLong(f[1]))));
                        } catch (NumberFormatException ignored) {
                            // not ours after all: describe the session instead
                        }
                    }
                }
                String host = rs.getString(3) != null ? rs.getString(3)
                        : rs.getString(4) != null ? rs.getString(4) : "local socket";
                var started = rs.getTimestamp(5);
                return Optional.of(new LockHolder(rs.getLong(2), host + " (database backend)",
                        started == null ? null : started.toInstant()));
            }
        }
    }

    @Override
    public void close() {
        boolean clean = false;
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            ps.setInt(1, CLASS_ID);
            ps.setInt(2, objectId);
            try (ResultSet rs = ps.executeQuery()) {
                clean = rs.next() && rs.getBoolean(1);
            }
            try (Statement st = connection.createStatement()) {
                st.execute("SET application_name = 'retort'");
                st.execute("RESET idle_in_transaction_session_timeout");
            }
        } catch (SQLException e) {
            clean = false;
        } finally {
            if (clean) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    db.discard(connection);
                }
            } else {
                db.discard(connection); // ending the session is what frees a session lock for sure
            }
        }
    }
}
