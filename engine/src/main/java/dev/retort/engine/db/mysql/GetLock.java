package dev.retort.engine.db.mysql;

import dev.retort.engine.RetortException;
import dev.retort.engine.api.Cancellation;
import dev.retort.engine.api.LockHolder;
import dev.retort.engine.api.RunListener;
import dev.retort.engine.db.Database;
import dev.retort.engine.db.DatabaseUrl;
import dev.retort.engine.db.Identity;
import dev.retort.engine.db.LockWaiter;
import dev.retort.engine.db.MigrationLock;
import dev.retort.engine.db.TableName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL/MariaDB: a named user lock ({@code GET_LOCK}) on a session of its own, opened outside
 * the pool and held for the whole run. The lock belongs to that session, so a killed runner
 * (or a {@code KILL} of the session) frees it at once; the name is per database and version
 * table ({@code retort:<database>.<table>}, hashed past MySQL's 64 characters).
 *
 * <p>Once it has the lock, the session naps in short {@code SELECT SLEEP(...)}s carrying a comment
 * {@code retort-lock <pid> <epoch-ms> <host>}: that keeps it alive (a running statement is
 * never closed by {@code wait_timeout}), and the process list shows who holds the lock on
 * MySQL and MariaDB alike ({@code IS_USED_LOCK} names the session, its {@code INFO} the runner).
 * When the client dies the server notices at the end of the current nap and frees the lock.
 *
 * <p>Guarded against silent loss: {@link #check()} asks the server, from another session,
 * whether the lock still belongs to this session ({@code IS_USED_LOCK(name) = id}), so a
 * runner whose lock session was killed stops before its next step or statement instead of
 * working beside a second runner. Thread-safe.
 */
final class GetLock implements MigrationLock {

    static final String INFO_PREFIX = "retort-lock ";

    /**
     * How long each nap of the lock session lasts. The server does not look at a client's socket
     * while {@code SLEEP} runs (MariaDB 10.11 kept a killed runner's lock for the whole of a
     * 24-hour sleep, its socket in CLOSE-WAIT), so the session naps briefly and again: between
     * naps the server sees a dead client and frees the lock within this many seconds.
     */
    static final int NAP_SECONDS = 2;
    private static final Pattern INFO = Pattern.compile("/\\* retort-lock (\\d+) (\\d+) (.*?) \\*/");

    private final Database db;
    private final Connection connection;
    private final String name;
    private final long sessionId;
    private final Thread sleeper;
    private volatile boolean closing;
    private volatile String lost;

    private GetLock(Database db, Connection connection, String name, long sessionId, Identity me) {
        this.db = db;
        this.connection = connection;
        this.name = name;
        this.sessionId = sessionId;
        String sleep = "SELECT SLEEP(" + NAP_SECONDS + ") /* " + INFO_PREFIX + me.pid() + " " + System.currentTimeMillis() + " "
                + me.host().replace("*/", "") + " */";
        this.sleeper = new Thread(() -> sit(sleep), "retort-lock-session");
        sleeper.setDaemon(true);
        sleeper.start();
    }

    /** {@code retort:<database>.<table>}: unique per server, at most 64 characters. */
    static String lockName(String database, TableName versionTable) {
        String n = "retort:" + (versionTable.schema() != null ? versionTable.schema() : database) + "." + versionTable.name();
        if (n.length() <= 64) {
            return n;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(n.getBytes(StandardCharsets.UTF_8));
            return "retort:" + HexFormat.of().formatHex(h, 0, 28);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }

    static MigrationLock acquire(Database db, TableName versionTable, Identity me, Duration timeout,
            RunListener listener, Cancellation cancel) {
        String name = lockName(db.url().database(), versionTable);
        Connection c = open(db);
        boolean ok = false;
        try {
            LockWaiter waiter = new LockWaiter(db, timeout, listener, cancel, 20, 250);
            while (true) {
                try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, 0), CONNECTION_ID()")) {
                    ps.setString(1, name);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) == 1) {
                            ok = true;
                            return new GetLock(db, c, name, rs.getLong(2), me);
                        }
                    }
                }
                waiter.failedAttempt(holder(c, name));
            }
        } catch (SQLException e) {
            throw new RetortException("Can't take the migration lock on " + db.url().masked() + ": "
                    + Database.reason(e), e);
        } finally {
            if (!ok) {
                closeQuietly(c);
            }
        }
    }

    /** A session of its own, outside the pool: the pool's connections serve the run and the checks. */
    private static Connection open(Database db) {
        DatabaseUrl url = db.url();
        Properties p = new Properties();
        url.user().ifPresent(u -> p.setProperty("user", u));
        url.password().ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("connectTimeout", "10000");
        try {
            return DriverManager.getConnection(url.jdbcUrl(), p);
        } catch (SQLException e) {
            throw new RetortException("Can't connect to " + url.masked() + ": " + Database.reason(e), e);
        }
    }

    static Optional<LockHolder> holder(Database db, TableName versionTable) {
        try (Connection c = db.connection()) {
            return holder(c, lockName(db.url().database(), versionTable));
        } catch (SQLException e) {
            throw new RetortException("Can't read the migration lock on " + db.url().masked() + ": "
                    + Database.reason(e), e);
        }
    }

    private static Optional<LockHolder> holder(Connection c, String name) throws SQLException {
        // a Retort session that has just taken the lock is not asleep under it yet: look again shortly
        Optional<LockHolder> seen = Optional.empty();
        for (int attempt = 0; attempt < 10; attempt++) {
            seen = holderOnce(c, name);
            if (seen.isEmpty() || seen.get().since() != null) {
                return seen;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return seen;
            }
        }
        return seen;
    }

    private static Optional<LockHolder> holderOnce(Connection c, String name) throws SQLException {
        String sql = "SELECT l.id, p.USER, p.HOST, p.INFO, p.TIME FROM (SELECT IS_USED_LOCK(?) AS id) l"
                + " LEFT JOIN information_schema.PROCESSLIST p ON p.ID = l.id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long session = rs.getLong(1);
                if (rs.wasNull()) {
                    return Optional.empty();
                }
                String info = rs.getString(4);
                Matcher m = info == null ? null : INFO.matcher(info);
                if (m != null && m.find()) {
                    return Optional.of(new LockHolder(Long.parseLong(m.group(1)), m.group(3),
                            Instant.ofEpochMilli(Long.parseLong(m.group(2)))));
                }
                // not yet asleep (it has just taken the lock), or not a Retort session: name the session
                String host = rs.getString(3) == null ? "an unknown host" : rs.getString(3);
                return Optional.of(new LockHolder(session, host + " (database session " + session
                        + (rs.getString(2) == null ? "" : ", user " + rs.getString(2)) + ")", null));
            }
        }
    }

    /** The lock's session id, as {@code IS_USED_LOCK} and the process list show it. */
    long sessionId() {
        return sessionId;
    }

    /** The lock session's life: asleep under the lock until {@link #close()} wakes it. */
    private void sit(String sleep) {
        while (!closing) {
            try (PreparedStatement ps = connection.prepareStatement(sleep)) {
                ps.executeQuery().close();
            } catch (SQLException e) {
                if (closing) {
                    return;
                }
                if (!isValid()) {
                    lost = "its session ended (" + Database.reason(e) + ")";
                    return;
                }
                // a statement time limit interrupted the sleep: sleep again
            }
        }
    }

    private boolean isValid() {
        try {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Throws when the lock is gone: its session was killed, closed by the server, or the lock
     * released behind Retort's back. One round trip on a pooled connection.
     *
     * @throws RetortException naming the database and what happened
     */
    @Override
    public void check() {
        String why = lost;
        if (why == null) {
            try (Connection c = db.connection();
                    PreparedStatement ps = c.prepareStatement("SELECT IS_USED_LOCK(?)")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long holder = rs.getLong(1);
                    if (rs.wasNull() || holder != sessionId) {
                        why = "its database session " + sessionId + " no longer holds it (killed or closed)";
                    }
                }
            } catch (SQLException e) {
                why = "it can't be checked (" + Database.reason(e) + ")";
            }
        }
        if (why != null) {
            lost = why;
            throw new RetortException("Lost the migration lock on " + db.url().masked() + ": " + why
                    + "; stopped so that no other runner repeats this work");
        }
    }

    /** Wakes the session (KILL QUERY from a pooled connection), releases the lock and ends the session. */
    @Override
    public void close() {
        closing = true;
        // KILL QUERY until the sleeper is out: once more if it was just about to fall asleep
        for (int i = 0; i < 25 && sleeper.isAlive(); i++) {
            try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("KILL QUERY " + sessionId)) {
                ps.execute();
            } catch (SQLException | RuntimeException e) {
                break; // the session may be gone already; closing it below frees the lock in any case
            }
            try {
                sleeper.join(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!sleeper.isAlive()) {
            try (PreparedStatement ps = connection.prepareStatement("DO RELEASE_LOCK(?)")) {
                ps.setString(1, name);
                ps.execute();
            } catch (SQLException ignored) {
                // closing the session frees the lock anyway
            }
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // gone already: the server freed the lock with the session
        }
    }
}
