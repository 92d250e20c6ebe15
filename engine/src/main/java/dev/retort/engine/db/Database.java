package dev.retort.engine.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.retort.engine.RetortException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One database and its connections, kept for the life of a shell session (or of an
 * application's start-up migration). Thread-safe.
 *
 * <p>Where the family {@linkplain DatabaseFamily#direct opens one connection directly} (SQLite,
 * so nothing inside Retort contends with itself for the file), that connection is opened on
 * first use and lent to one borrower at a time ({@link OneConnectionSource}); otherwise Retort
 * opens a HikariCP pool sized for a command-line tool, whose
 * {@linkplain DatabaseFamily#configurePool family} sets the driver and the size (PostgreSQL
 * two, one holding the migration lock while the other works). Every message names the
 * database by its {@linkplain DatabaseUrl#masked() masked} URL.
 */
public final class Database implements AutoCloseable {

    private final DatabaseUrl url;
    private final DataSource dataSource;
    private final AutoCloseable closer;
    /** The dialect under this database's session settings, read once; null until asked. */
    private volatile dev.retort.engine.dialect.Dialect dialect;

    Database(DatabaseUrl url, DataSource dataSource, AutoCloseable closer) {
        this.url = url;
        this.dataSource = dataSource;
        this.closer = closer;
    }

    /** Opens {@code url} (any form {@link DatabaseUrl} accepts); see {@link #open(DatabaseUrl)}. */
    public static Database open(String url) {
        return open(DatabaseUrl.parse(url));
    }

    /**
     * Opens {@code url}. A family's {@linkplain DatabaseFamily#direct direct} connection is
     * opened on first use, so a wrong URL fails in {@link #connection()}; a pool opens one
     * connection now, so that a wrong URL or a server that is down fails here at once.
     *
     * @throws RetortException when the pool cannot connect, naming the masked URL
     */
    public static Database open(DatabaseUrl url) {
        java.util.Optional<ConnectionOpener> direct = url.family().direct(url);
        if (direct.isPresent()) {
            OneConnectionSource one = new OneConnectionSource(direct.get(), direct.get().borrowTimeout());
            return new Database(url, one, one);
        }
        return pooled(url);
    }

    private static Database pooled(DatabaseUrl url) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("retort");
        hc.setJdbcUrl(url.jdbcUrl());
        url.user().ifPresent(hc::setUsername);
        url.password().ifPresent(hc::setPassword);
        hc.setMinimumIdle(0);
        // one connection attempt at open: a wrong URL or a server that is down fails at once,
        // not after the pool's wait for a connection
        hc.setInitializationFailTimeout(1);
        hc.setIdleTimeout(0);
        hc.setMaxLifetime(0);
        url.family().configurePool(hc, url);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new RetortException("Can't connect to " + url.masked() + ": " + reason(e), e);
        }
        return new Database(url, ds, ds);
    }

    /**
     * The application's own pool (the embedding API): connections come from {@code dataSource},
     * which Retort never closes; the family is found from the driver's URL. The migration lock
     * holds one connection of it for a run while another does the work, so a pool that allows
     * fewer connections than the family needs is refused here, saying why.
     *
     * @throws RetortException when no connection can be had, the database is not one Retort
     *                         knows, or the pool is too small
     */
    public static Database of(DataSource dataSource) {
        DatabaseUrl url;
        try (Connection c = dataSource.getConnection()) {
            url = DatabaseUrl.parse(c.getMetaData().getURL(), Map.of());
        } catch (SQLException e) {
            throw new RetortException("Can't connect through the application's DataSource: " + reason(e), e);
        }
        int needed = url.family().connectionsPerRun();
        if (dataSource instanceof HikariDataSource h && h.getMaximumPoolSize() < needed) {
            throw new RetortException("The DataSource allows " + h.getMaximumPoolSize() + " connection(s); Retort needs "
                    + needed + " on " + url.family().name() + " (one holds the migration lock while another migrates):"
                    + " raise maximumPoolSize, or give Retort a url() to open its own");
        }
        return new Database(url, dataSource, () -> { });
    }

    public DatabaseUrl url() {
        return url;
    }

    /** The family of this database: its dialect, lock, catalog. */
    public DatabaseFamily family() {
        return url.family();
    }

    /**
     * The dialect to plan with against this database: the family's, under the server's session
     * settings ({@link DatabaseFamily#dialect(Database)}), read once for the life of this object.
     *
     * @throws RetortException when the database cannot be reached to read them
     */
    public dev.retort.engine.dialect.Dialect dialect() {
        dev.retort.engine.dialect.Dialect d = dialect;
        if (d == null) {
            d = family().dialect(this);
            dialect = d;
        }
        return d;
    }

    /**
     * A connection from the pool (or the direct connection); close it to give it back.
     * Connection failures become a {@link RetortException} naming the masked URL and the
     * driver's reason.
     */
    public Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new RetortException("Can't connect to " + url.masked() + ": " + reason(e), e);
        }
    }

    /**
     * Closes {@code c} and drops it from the pool, so that nothing it carried (a session lock,
     * an interrupted statement) reaches the next borrower.
     */
    public void discard(Connection c) {
        if (dataSource instanceof OneConnectionSource one) {
            one.evict(c);
            return;
        }
        if (closer instanceof HikariDataSource h) {
            h.evictConnection(c);
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // already gone
        }
    }

    /** The innermost driver message of {@code e}, first line, password-masked. */
    public static String reason(Throwable e) {
        Throwable best = e;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                best = t; // the innermost driver message is the most specific
            }
        }
        String m = best.getMessage() == null ? best.getClass().getSimpleName() : best.getMessage();
        return DatabaseUrl.mask(firstLine(m));
    }

    static String firstLine(String m) {
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }

    @Override
    public void close() {
        try {
            closer.close();
        } catch (Exception e) {
            throw new RetortException("Can't close database " + url.masked() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return url.masked();
    }
}
