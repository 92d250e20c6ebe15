package dev.retort.engine.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.RetortException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-connection source SQLite is opened with instead of a pool: it opens on first use,
 * lends to one borrower at a time, and gives every borrower a clean session, as HikariCP did.
 */
class OneConnectionSourceTest {

    @TempDir
    Path dir;

    /** The SQLite family's own opener, counting the physical connections it opens. */
    private final AtomicInteger opened = new AtomicInteger();

    private OneConnectionSource source(String url, Duration borrowTimeout) {
        ConnectionOpener sqlite = DatabaseUrl.parse(url).family().direct(DatabaseUrl.parse(url)).orElseThrow();
        return new OneConnectionSource(new ConnectionOpener() {
            @Override
            public Connection open() throws SQLException {
                opened.incrementAndGet();
                return sqlite.open();
            }

            @Override
            public Duration borrowTimeout() {
                return borrowTimeout;
            }
        }, borrowTimeout);
    }

    private OneConnectionSource source() {
        return source("sqlite:///" + dir.resolve("one.db"), Duration.ofSeconds(10));
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Test
    void theConnectionIsOpenedOnFirstBorrowAndKeptForTheNext() throws Exception {
        try (OneConnectionSource s = source()) {
            assertEquals(0, opened.get(), "nothing is opened before a borrow");
            Connection physical;
            try (Connection c = s.getConnection()) {
                assertEquals(1, opened.get());
                physical = c.unwrap(Connection.class);
            }
            try (Connection c = s.getConnection()) {
                assertSame(physical, c.unwrap(Connection.class));
            }
            assertEquals(1, opened.get());
        }
    }

    @Test
    void theFamilysSessionSetUpRunsOnTheConnection() throws Exception {
        try (OneConnectionSource s = source(); Connection c = s.getConnection();
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA busy_timeout")) {
            assertTrue(rs.next());
            assertEquals(dev.retort.engine.db.sqlite.SqliteFamily.BUSY_TIMEOUT_MS, rs.getInt(1));
        }
    }

    /** {@code s.getConnection()} on another thread, as the shell's panel borrows beside its REPL. */
    private static CompletableFuture<Connection> borrowElsewhere(OneConnectionSource s) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return s.getConnection();
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        });
    }

    @Test
    void aSecondBorrowerWaitsForTheFirstToGiveTheConnectionBack() throws Exception {
        try (OneConnectionSource s = source()) {
            Connection first = s.getConnection();
            Connection physical = first.unwrap(Connection.class);
            CompletableFuture<Connection> second = borrowElsewhere(s);
            assertThrows(TimeoutException.class, () -> second.get(300, TimeUnit.MILLISECONDS), "lent to one at a time");
            first.close();
            try (Connection c = second.get(5, TimeUnit.SECONDS)) {
                assertSame(physical, c.unwrap(Connection.class));
                assertFalse(c.isClosed());
            }
        }
    }

    @Test
    void aBorrowerWhoseConnectionIsNeverGivenBackFailsAfterTheTimeoutSayingSo() throws Exception {
        try (OneConnectionSource s = source("sqlite:///" + dir.resolve("held.db"), Duration.ofMillis(200));
                Connection held = s.getConnection()) {
            long t0 = System.nanoTime();
            ExecutionException e = assertThrows(ExecutionException.class, () -> borrowElsewhere(s).get(5, TimeUnit.SECONDS));
            assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(200), "waited the timeout");
            assertTrue(e.getCause() instanceof SQLException, String.valueOf(e.getCause()));
            assertEquals("the connection was not available within 200 ms (held by another task)", e.getCause().getMessage());
            assertFalse(held.isClosed(), "the holder keeps it");
        }
    }

    @Test
    void aBorrowerWaitingWhenTheSourceClosesFailsAtOnce() throws Exception {
        OneConnectionSource s = source();
        Connection held = s.getConnection();
        CompletableFuture<Connection> waiting = borrowElsewhere(s);
        assertThrows(TimeoutException.class, () -> waiting.get(200, TimeUnit.MILLISECONDS));
        s.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> waiting.get(5, TimeUnit.SECONDS));
        assertEquals("the database was closed", e.getCause().getMessage());
        assertTrue(held.isClosed(), "the holder's connection was closed with the source");
    }

    @Test
    void aConnectionGivenBackThrowsOnUseAndClosesAgainQuietly() throws Exception {
        try (OneConnectionSource s = source()) {
            Connection c = s.getConnection();
            c.close();
            assertTrue(c.isClosed());
            assertFalse(c.isValid(1));
            SQLException e = assertThrows(SQLException.class, c::createStatement);
            assertEquals("Connection is closed", e.getMessage());
            assertThrows(SQLException.class, () -> c.unwrap(Connection.class));
            c.close(); // idempotent, and does not give back what a later borrower holds
            try (Connection next = s.getConnection()) {
                c.close();
                assertFalse(next.isClosed());
                try (Statement st = next.createStatement()) {
                    st.execute("SELECT 1");
                }
            }
        }
    }

    @Test
    void closingTheSourceClosesTheConnectionAndRefusesLaterBorrows() throws Exception {
        OneConnectionSource s = source();
        Connection physical;
        try (Connection c = s.getConnection()) {
            physical = c.unwrap(Connection.class);
        }
        s.close();
        assertTrue(physical.isClosed());
        s.close(); // idempotent
        SQLException e = assertThrows(SQLException.class, s::getConnection);
        assertEquals("the database was closed", e.getMessage());
    }

    @Test
    void statementsLeftOpenAreClosedWhenTheConnectionIsGivenBack() throws Exception {
        try (OneConnectionSource s = source()) {
            Statement st;
            PreparedStatement ps;
            ResultSet rs;
            try (Connection c = s.getConnection()) {
                st = c.createStatement();
                ps = c.prepareStatement("SELECT 1");
                rs = ps.executeQuery();
            }
            assertTrue(st.isClosed());
            assertTrue(ps.isClosed());
            assertTrue(rs.isClosed());
        }
    }

    @Test
    void aLongBorrowKeepsOnlyTheStatementsStillOpen() throws Exception {
        try (OneConnectionSource s = source(); Connection c = s.getConnection()) {
            for (int i = 0; i < 5_000; i++) {
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT 1");
                }
            }
            Statement open = c.createStatement();
            assertTrue(((LentConnection) c).tracked() <= 64, "tracked " + ((LentConnection) c).tracked());
            c.close();
            assertTrue(open.isClosed());
        }
    }

    @Test
    void uncommittedWorkIsRolledBackAndAutocommitRestoredOnGiveBack() throws Exception {
        try (OneConnectionSource s = source()) {
            try (Connection c = s.getConnection()) {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE kept (id INTEGER)");
                }
                c.commit();
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE dropped (id INTEGER)");
                    st.execute("INSERT INTO kept VALUES (1)");
                }
            }
            try (Connection c = s.getConnection()) {
                assertTrue(c.getAutoCommit());
                assertTrue(c.unwrap(Connection.class).getAutoCommit(), "the driver's own flag");
                assertFalse(c.isReadOnly());
                assertTrue(tableExists(c, "kept"));
                assertFalse(tableExists(c, "dropped"), "the open transaction was rolled back");
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM kept")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1));
                }
            }
            assertEquals(1, opened.get(), "a clean reset keeps the connection");
        }
    }

    @Test
    void aConnectionThatCannotBeResetIsDroppedAndTheNextBorrowOpensANewOne() throws Exception {
        try (OneConnectionSource s = source()) {
            Connection broken;
            try (Connection c = s.getConnection()) {
                c.setAutoCommit(false);
                broken = c.unwrap(Connection.class);
                broken.close(); // behind the borrower's back: the reset at give-back fails
            }
            try (Connection c = s.getConnection()) {
                assertNotSame(broken, c.unwrap(Connection.class));
                assertFalse(c.unwrap(Connection.class).isClosed());
            }
            assertEquals(2, opened.get());
        }
    }

    @Test
    void evictClosesTheConnectionAndTheNextBorrowGetsAFreshOne() throws Exception {
        try (OneConnectionSource s = source()) {
            Connection c = s.getConnection();
            Connection physical = c.unwrap(Connection.class);
            s.evict(c);
            assertTrue(c.isClosed());
            assertTrue(physical.isClosed());
            c.close(); // the borrower's own close after the eviction changes nothing
            try (Connection next = s.getConnection()) {
                assertNotSame(physical, next.unwrap(Connection.class));
            }
            assertEquals(2, opened.get());
        }
    }

    @Test
    void evictingAConnectionGivenBackAndLentAgainDropsItWhenTheNewBorrowerIsDone() throws Exception {
        try (OneConnectionSource s = source()) {
            Connection old = s.getConnection();
            Connection physical = old.unwrap(Connection.class);
            old.close();
            try (Connection now = s.getConnection()) {
                s.evict(old);
                assertFalse(physical.isClosed(), "the new borrower keeps working");
                try (Statement st = now.createStatement()) {
                    st.execute("SELECT 1");
                }
            }
            assertTrue(physical.isClosed());
            try (Connection next = s.getConnection()) {
                assertNotSame(physical, next.unwrap(Connection.class));
            }
        }
    }

    @Test
    void discardEvictsThroughTheSource() throws Exception {
        try (Database db = Database.open("sqlite:///" + dir.resolve("discard.db"))) {
            Connection c = db.connection();
            Connection physical = c.unwrap(Connection.class);
            db.discard(c);
            assertTrue(physical.isClosed());
            try (Connection next = db.connection()) {
                assertNotSame(physical, next.unwrap(Connection.class));
            }
        }
    }

    @Test
    void anInMemoryDatabaseKeepsItsTablesAcrossBorrows() throws Exception {
        try (Database db = Database.open("sqlite://")) {
            try (Connection c = db.connection(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t (id INTEGER)");
            }
            try (Connection c = db.connection()) {
                assertTrue(tableExists(c, "t"));
            }
        }
    }

    @Test
    void unwrapGivesTheDriversOwnConnection() throws Exception {
        try (OneConnectionSource s = source(); Connection c = s.getConnection()) {
            Connection driver = c.unwrap(Connection.class);
            assertNotSame(c, driver);
            assertTrue(driver instanceof org.sqlite.SQLiteConnection, driver.getClass().getName());
            assertTrue(c.isWrapperFor(org.sqlite.SQLiteConnection.class));
            assertSame(driver, c.unwrap(org.sqlite.SQLiteConnection.class));
        }
    }

    @Test
    void aBadPathOpensAndThenFailsOnFirstUseInOneLineNamingTheUrl() {
        String url = "sqlite:///" + dir.resolve("no/such/dir/x.db");
        try (Database db = Database.open(url)) {
            RetortException e = assertThrows(RetortException.class, db::connection);
            assertTrue(e.getMessage().startsWith("Can't connect to " + url + ": "), e.getMessage());
            assertTrue(e.getMessage().length() > ("Can't connect to " + url + ": ").length(), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertThrows(RetortException.class, db::connection, "still failing, not lent to nobody");
        }
    }
}
