package dev.retort.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class UrlMaskTest {

    @Test
    void passwordsInUserInfoAndParametersAreMasked() {
        assertEquals("connect postgresql://ann:***@db:5432/shop", UrlMask.mask("connect postgresql://ann:s3cr%40t@db:5432/shop"));
        assertEquals("jdbc:postgresql://db/shop?user=ann&password=***&ssl=true",
                UrlMask.mask("jdbc:postgresql://db/shop?user=ann&password=hunter2&ssl=true"));
        assertEquals("heads -x password=***", UrlMask.mask("heads -x password=hunter2"));
    }

    @Test
    void urlsWithoutPasswordsAreLeftAlone() {
        String[] plain = {"sqlite:///tmp/shop.db", "postgresql://ann@db/shop", "upgrade heads"};
        for (String s : plain) {
            assertEquals(s, UrlMask.mask(s));
            assertFalse(UrlMask.hasPassword(s));
        }
    }
}
