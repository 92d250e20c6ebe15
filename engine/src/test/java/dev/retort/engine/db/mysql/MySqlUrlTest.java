package dev.retort.engine.db.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.engine.RetortException;
import dev.retort.engine.db.DatabaseUrl;
import dev.retort.engine.db.ServerUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MySQL/MariaDB URLs: every form to one Connector/J URL, the password kept apart and masked. */
class MySqlUrlTest {

    private static final Map<String, String> NO_ENV = Map.of("HOME", "/nonexistent", "USER", "osuser");

    @Test
    void alembicMysqlUrlBecomesMariadbJdbcWithPasswordApart() {
        DatabaseUrl u = DatabaseUrl.parse("mysql://scott:tiger@db.example:3307/shop?charset=utf8mb4&sslMode=trust", NO_ENV);
        assertEquals("mysql", u.family().name());
        assertEquals("jdbc:mariadb://db.example:3307/shop?sslMode=trust", u.jdbcUrl());
        assertEquals(Optional.of("scott"), u.user());
        assertEquals(Optional.of("tiger"), u.password());
        assertEquals("mysql://scott:***@db.example:3307/shop?charset=utf8mb4&sslMode=trust", u.masked());
        assertEquals("db.example", ((ServerUrl) u).host());
        assertEquals(3307, ((ServerUrl) u).port());
        assertEquals("shop", u.database());
    }

    @Test
    void mariadbSchemeAndDriverSuffixAndDefaults() {
        DatabaseUrl u = DatabaseUrl.parse("mariadb://root@127.0.0.1/shop", NO_ENV);
        assertEquals("jdbc:mariadb://127.0.0.1:3306/shop", u.jdbcUrl());
        assertEquals(Optional.empty(), u.password());
        DatabaseUrl d = DatabaseUrl.parse("mysql+pymysql://app:p%40ss%3Aw@h/db", NO_ENV);
        assertEquals(Optional.of("p@ss:w"), d.password());
        assertFalse(d.masked().contains("p%40ss"), d.masked());
        assertEquals(Optional.of("osuser"), DatabaseUrl.parse("mysql://h/db", NO_ENV).user());
    }

    @Test
    void jdbcMysqlIsHandedToConnectorJAsMariadbWithoutThePassword() {
        DatabaseUrl u = DatabaseUrl.parse("jdbc:mysql://10.0.0.5:3306/app?user=me&password=s3cret&useSSL=false", NO_ENV);
        assertEquals("jdbc:mariadb://10.0.0.5:3306/app?useSSL=false", u.jdbcUrl());
        assertEquals(Optional.of("me"), u.user());
        assertEquals(Optional.of("s3cret"), u.password());
        assertEquals("jdbc:mysql://10.0.0.5:3306/app?user=me&password=***&useSSL=false", u.masked());
        assertEquals("app", u.database());
        DatabaseUrl r = DatabaseUrl.parse("jdbc:mariadb:replication://a:3306,b:3306/app?user=x", NO_ENV);
        assertEquals("jdbc:mariadb:replication://a:3306,b:3306/app", r.jdbcUrl());
        assertEquals("a", ((ServerUrl) r).host());
    }

    @Test
    void passwordFromMysqlPwdWhenTheUrlHasNone() {
        DatabaseUrl u = DatabaseUrl.parse("mysql://app@h/db", Map.of("MYSQL_PWD", "fromenv", "HOME", "/x"));
        assertEquals(Optional.of("fromenv"), u.password());
        assertFalse(u.masked().contains("fromenv"));
        assertFalse(u.toString().contains("fromenv"));
    }

    @Test
    void userAndPasswordFromTheOptionFileClientGroups(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve(".my.cnf"), "[mysqld]\npassword=server-side\n"
                + "[client]\nuser = cnfuser\npassword = \"quoted # not a comment\"\n"
                + "[client-mariadb]\nport=3310\n");
        DatabaseUrl u = DatabaseUrl.parse("mariadb://h/db", Map.of("HOME", home.toString()));
        assertEquals(Optional.of("cnfuser"), u.user());
        assertEquals(Optional.of("quoted # not a comment"), u.password());
        assertEquals(3310, ((ServerUrl) u).port());
        // the URL wins over the file, the environment over the file
        assertEquals(Optional.of("url"), DatabaseUrl.parse("mysql://a:url@h/db", Map.of("HOME", home.toString())).password());
        assertEquals(Optional.of("env"),
                DatabaseUrl.parse("mysql://a@h/db", Map.of("HOME", home.toString(), "MYSQL_PWD", "env")).password());
    }

    @Test
    void badPortIsAClearErrorWithThePasswordMasked() {
        RetortException e = assertThrows(RetortException.class,
                () -> DatabaseUrl.parse("mysql://u:hunter2@h:33x6/db", NO_ENV));
        assertEquals("Bad port '33x6' in database URL mysql://u:***@h:33x6/db", e.getMessage());
    }
}
