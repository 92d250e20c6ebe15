package dev.retort.engine.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Opens plain driver connections and records every SQL text passed to a {@code Statement}'s
 * {@code execute}, {@code executeUpdate} or {@code executeQuery}: what reached the driver.
 */
final class RecordingDataSource implements DataSource {

    record Sent(String method, String sql) {}

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final DatabaseUrl url;

    RecordingDataSource(DatabaseUrl url) {
        this.url = url;
    }

    static Database open(DatabaseUrl url, RecordingDataSource ds) {
        return new Database(url, ds, () -> { });
    }

    @Override
    public Connection getConnection() throws SQLException {
        Properties p = new Properties();
        url.user().ifPresent(v -> p.setProperty("user", v));
        url.password().ifPresent(v -> p.setProperty("password", v));
        Connection real = DriverManager.getConnection(url.jdbcUrl(), p);
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, m, args) -> {
                    Object r = invoke(real, m, args);
                    if (m.getName().equals("createStatement")) {
                        java.sql.Statement st = (java.sql.Statement) r;
                        return Proxy.newProxyInstance(getClass().getClassLoader(),
                                new Class<?>[] {java.sql.Statement.class}, (p2, m2, a2) -> {
                                    if (m2.getName().startsWith("execute") && a2 != null && a2.length >= 1
                                            && a2[0] instanceof String s) {
                                        sent.add(new Sent(m2.getName(), s));
                                    }
                                    return invoke(st, m2, a2);
                                });
                    }
                    return r;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
