import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The floor: plain JDBC doing the same DDL and version-row change per migration in the same
 * transaction mode as Retort (PostgreSQL: one transaction for the run; SQLite and MySQL/MariaDB:
 * one per step, where MySQL's CREATE TABLE commits on its own anyway), with no lock, no
 * history and no checks. Prints {@code floor <n> <millis>}. Args: jdbcUrl n.
 */
public final class JdbcFloor {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int n = Integer.parseInt(args[1]);
        boolean oneTx = url.startsWith("jdbc:postgresql:");
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url)) {
            if (url.startsWith("jdbc:sqlite:")) {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA busy_timeout = 30000");
                }
            }
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE retort_version (version_num VARCHAR(32) NOT NULL, "
                        + "CONSTRAINT retort_version_pkc PRIMARY KEY (version_num))");
            }
            c.commit();
            for (int i = 0; i < n; i++) {
                String id = String.format("r%06d", i);
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE t" + i + " (id INTEGER)");
                }
                try (Statement st = c.createStatement()) {
                    st.executeUpdate(i == 0
                            ? "INSERT INTO retort_version (version_num) VALUES ('" + id + "')"
                            : "UPDATE retort_version SET version_num='" + id + "' WHERE retort_version.version_num = '"
                                    + String.format("r%06d", i - 1) + "'");
                }
                if (!oneTx) {
                    c.commit();
                }
            }
            c.commit();
        }
        System.out.println("floor " + n + " " + (System.nanoTime() - t0) / 1_000_000);
    }
}
