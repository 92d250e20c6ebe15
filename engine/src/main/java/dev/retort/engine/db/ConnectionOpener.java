package dev.retort.engine.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * How a family that needs no pool opens its one connection ({@link DatabaseFamily#direct}):
 * {@link Database#open} lends that connection through a {@link OneConnectionSource} instead of
 * starting HikariCP. Implementations are thread-safe; {@link #open()} may be called again after
 * a connection was dropped.
 */
public interface ConnectionOpener {

    /**
     * Opens one physical connection with the family's session set-up done, straight through
     * its driver (not {@link java.sql.DriverManager}, which loads every driver on the class path).
     *
     * @throws SQLException when the driver cannot open it, with the driver's reason
     */
    Connection open() throws SQLException;

    /** How long a borrower waits for the connection while another holds it, then fails. */
    Duration borrowTimeout();
}
