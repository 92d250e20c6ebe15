package dev.retort.engine.db;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * The one connection of a {@link OneConnectionSource} as one borrower holds it: every method goes
 * to the physical connection until {@link #close()}, which gives it back and is idempotent;
 * after that every method but {@code close}, {@code isClosed} and {@code isValid} throws
 * "Connection is closed". As HikariCP's proxy does, it closes the statements the borrower left
 * open and resets the session when given back (rollback of an open transaction, autocommit,
 * read-only, isolation, warnings), so that the next borrower starts clean. Its size is the
 * {@link Connection} interface's: the rest is one line of delegation per method.
 *
 * <p>Meant for one thread at a time, as a connection is; {@link #close()} and
 * {@link OneConnectionSource#evict} may come from another.
 */
final class LentConnection implements Connection {

    private static final int PRUNE_MIN = 32;

    private final OneConnectionSource source;
    private final Connection physical;
    private volatile boolean closed;
    /** Statements created through this connection that may still be open; guarded by this. */
    private final List<Statement> statements = new ArrayList<>();
    /** Size of {@link #statements} at which closed ones are pruned; guarded by this. */
    private int pruneAt = PRUNE_MIN;
    private volatile boolean readOnlyChanged;
    /** The isolation level before the borrower changed it, or -1 while unchanged. */
    private volatile int isolationBefore = -1;

    LentConnection(OneConnectionSource source, Connection physical) {
        this.source = source;
        this.physical = physical;
    }

    Connection physical() {
        return physical;
    }

    boolean from(OneConnectionSource s) {
        return source == s;
    }

    /** The physical connection while lent. */
    private Connection open() throws SQLException {
        if (closed) {
            throw new SQLException("Connection is closed", "08003");
        }
        return physical;
    }

    /** Marks this connection given back without resetting anything; true if it was still lent. */
    synchronized boolean kill() {
        boolean was = !closed;
        closed = true;
        return was;
    }

    /** Gives the connection back, its statements closed and its session reset. Idempotent. */
    @Override
    public void close() {
        if (kill()) {
            source.giveBack(this, reset());
        }
    }

    /** Closes what the borrower left open and resets its session; false when the connection is unfit to lend again. */
    private boolean reset() {
        closeStatements();
        try {
            if (!physical.getAutoCommit()) {
                physical.rollback();
                physical.setAutoCommit(true);
            }
            if (readOnlyChanged) {
                physical.setReadOnly(false);
            }
            if (isolationBefore >= 0) {
                physical.setTransactionIsolation(isolationBefore);
            }
            physical.clearWarnings();
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private void closeStatements() {
        List<Statement> open;
        synchronized (this) {
            open = new ArrayList<>(statements);
            statements.clear();
        }
        for (Statement s : open) {
            try {
                s.close();
            } catch (SQLException | RuntimeException ignored) {
                // closing the connection's statements is tidying up; the reset decides its fate
            }
        }
    }

    /** Remembers {@code s} to close it at give-back; forgets the closed ones now and then, so a long borrow keeps few. */
    private synchronized <S extends Statement> S track(S s) {
        if (statements.size() >= pruneAt) {
            statements.removeIf(LentConnection::isClosed);
            pruneAt = Math.max(PRUNE_MIN, statements.size() * 2);
        }
        statements.add(s);
        return s;
    }

    /** How many statements this connection remembers now (for tests of the pruning). */
    synchronized int tracked() {
        return statements.size();
    }

    private static boolean isClosed(Statement s) {
        try {
            return s.isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        return !closed && physical.isValid(timeout);
    }

    @Override
    public Statement createStatement() throws SQLException {
        return track(open().createStatement());
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return track(open().createStatement(resultSetType, resultSetConcurrency));
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        return track(open().createStatement(resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return track(open().prepareStatement(sql));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        return track(open().prepareStatement(sql, resultSetType, resultSetConcurrency));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        return track(open().prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return track(open().prepareStatement(sql, autoGeneratedKeys));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return track(open().prepareStatement(sql, columnIndexes));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return track(open().prepareStatement(sql, columnNames));
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        return track(open().prepareCall(sql));
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        return track(open().prepareCall(sql, resultSetType, resultSetConcurrency));
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        return track(open().prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        open().setAutoCommit(autoCommit);
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        open().setReadOnly(readOnly);
        readOnlyChanged = true;
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        Connection c = open();
        if (isolationBefore < 0) {
            isolationBefore = c.getTransactionIsolation();
        }
        c.setTransactionIsolation(level);
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (closed) {
            throw new SQLClientInfoException("Connection is closed", Map.of());
        }
        physical.setClientInfo(name, value);
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        if (closed) {
            throw new SQLClientInfoException("Connection is closed", Map.of());
        }
        physical.setClientInfo(properties);
    }

    /** Aborts the physical connection; the reset at give-back then fails, and the source drops it. */
    @Override
    public void abort(Executor executor) throws SQLException {
        if (!closed) {
            physical.abort(executor);
        }
    }

    /** The driver's own connection when it is an {@code iface} (the autocommit flag the driver keeps), else the driver's unwrap. */
    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        Connection c = open();
        return iface.isInstance(c) ? iface.cast(c) : c.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        Connection c = open();
        return iface.isInstance(c) || c.isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return "LentConnection[" + (closed ? "closed" : physical) + "]";
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        return open().nativeSQL(sql);
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return open().getAutoCommit();
    }

    @Override
    public void commit() throws SQLException {
        open().commit();
    }

    @Override
    public void rollback() throws SQLException {
        open().rollback();
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return open().getMetaData();
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return open().isReadOnly();
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        open().setCatalog(catalog);
    }

    @Override
    public String getCatalog() throws SQLException {
        return open().getCatalog();
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return open().getTransactionIsolation();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return open().getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        open().clearWarnings();
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        return open().getTypeMap();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        open().setTypeMap(map);
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        open().setHoldability(holdability);
    }

    @Override
    public int getHoldability() throws SQLException {
        return open().getHoldability();
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return open().setSavepoint();
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        return open().setSavepoint(name);
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        open().rollback(savepoint);
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        open().releaseSavepoint(savepoint);
    }

    @Override
    public Clob createClob() throws SQLException {
        return open().createClob();
    }

    @Override
    public Blob createBlob() throws SQLException {
        return open().createBlob();
    }

    @Override
    public NClob createNClob() throws SQLException {
        return open().createNClob();
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        return open().createSQLXML();
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        return open().getClientInfo(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        return open().getClientInfo();
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        return open().createArrayOf(typeName, elements);
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        return open().createStruct(typeName, attributes);
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        open().setSchema(schema);
    }

    @Override
    public String getSchema() throws SQLException {
        return open().getSchema();
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        open().setNetworkTimeout(executor, milliseconds);
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return open().getNetworkTimeout();
    }
}
