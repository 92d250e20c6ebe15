package dev.retort.engine.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.RetortException;
import dev.retort.engine.dialect.Urls;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 5: a URL is parsed once, with the user info running up to the last {@code @}
 * before the host, so passwords holding {@code # / ? @ :} and spaces work, and nothing that
 * prints a parsed URL shows the password.
 */
class UrlPasswordTest {

    private static final Map<String, String> NO_ENV = Map.of("HOME", "/nonexistent");

    @ParameterizedTest
    @ValueSource(strings = {"S3c#ret", "S3c/ret", "S3c?ret", "S3c@ret", "S3c:ret", "Typed Secret13", "a@b/c?d#e:f g",
        "p@ss@word", "50%off", "x?y=1", "/?#@:"})
    void unescapedPasswordParsesAndNeverPrints(String password) {
        String url = "postgresql://postgres:" + password + "@127.0.0.1:5433/test?sslmode=disable";
        ServerUrl u = (ServerUrl) DatabaseUrl.parse(url, NO_ENV);
        assertEquals(Optional.of(password), u.password());
        assertEquals(Optional.of("postgres"), u.user());
        assertEquals("127.0.0.1", u.host());
        assertEquals(5433, u.port());
        assertEquals("test", u.database());
        assertEquals("jdbc:postgresql://127.0.0.1:5433/test?sslmode=disable", u.jdbcUrl());
        assertEquals("postgresql://postgres:***@127.0.0.1:5433/test?sslmode=disable", u.masked());
        assertEquals(u.masked(), u.toString());
        assertFalse(u.secret().toString().contains(password));
        assertEquals(u.masked(), Urls.mask(url), "the free-standing masker agrees with the parser");
    }

    @Test
    void recordComponentsPrintMasked() {
        ServerUrl u = (ServerUrl) DatabaseUrl.parse("postgresql://ann:hunter2@h/db", NO_ENV);
        String everything = u + " " + u.secret() + " " + u.masked() + " " + u.jdbcUrl();
        assertFalse(everything.contains("hunter2"), everything);
        assertEquals("***", u.secret().toString());
    }

    @Test
    void percentEncodingIsHonouredEverywhere() {
        ServerUrl u = (ServerUrl) DatabaseUrl.parse("postgresql://an%20n:p%23w%2Fd%3F%40@h:1/my%20db", NO_ENV);
        assertEquals(Optional.of("an n"), u.user());
        assertEquals(Optional.of("p#w/d?@"), u.password());
        assertEquals("my db", u.database());
        assertEquals("jdbc:postgresql://h:1/my%20db", u.jdbcUrl());
        assertEquals("postgresql://an%20n:***@h:1/my%20db", u.masked());
    }

    @Test
    void atSignInTheQueryIsNotTakenForTheUserInfo() {
        ServerUrl u = (ServerUrl) DatabaseUrl.parse("postgresql://u:pw@h/db?application_name=a@b", NO_ENV);
        assertEquals(Optional.of("pw"), u.password());
        assertEquals("h", u.host());
        assertEquals("postgresql://u:***@h/db?application_name=a@b", u.masked());
    }

    @Test
    void jdbcPasswordParameterWithHashIsMaskedWhole() {
        ServerUrl u = (ServerUrl) DatabaseUrl.parse("jdbc:postgresql://h/db?user=u&password=S3c#x/y&ssl=false", NO_ENV);
        assertEquals(Optional.of("S3c#x/y"), u.password());
        assertEquals("jdbc:postgresql://h/db?user=u&ssl=false", u.jdbcUrl());
        assertEquals("jdbc:postgresql://h/db?user=u&password=***&ssl=false", u.masked());
    }

    @Test
    void passwordThatHidesTheHostIsRejectedWithoutEchoingIt() {
        RetortException e = assertThrows(RetortException.class,
                () -> DatabaseUrl.parse("postgresql://u:Secret42@@/db/x", NO_ENV));
        assertFalse(e.getMessage().contains("Secret42"), e.getMessage());
        assertTrue(e.getMessage().startsWith("Bad database URL postgresql://***: can't tell where the password ends"),
                e.getMessage());
    }

    @Test
    void badPortIsNamedWithoutThePassword() {
        RetortException e = assertThrows(RetortException.class,
                () -> DatabaseUrl.parse("postgresql://u:S3c/x@h:99999/db", NO_ENV));
        assertEquals("Bad port '99999' in database URL postgresql://u:***@h:99999/db", e.getMessage());
    }

    @Test
    void maskTextHandlesTheSameUrlInsideASentence() {
        assertEquals("can't reach postgresql://u:***@h/db",
                DatabaseUrl.mask("can't reach postgresql://u:s3cret@h/db"));
    }
}
