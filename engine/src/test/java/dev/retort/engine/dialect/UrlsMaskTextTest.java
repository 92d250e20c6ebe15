package dev.retort.engine.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Passwords in free text: shell lines, history entries, driver messages. */
class UrlsMaskTextTest {

    @Test
    void passwordsInUserInfoAndParametersAreMasked() {
        assertEquals("connect postgresql://ann:***@db:5432/shop", Urls.maskText("connect postgresql://ann:s3cr%40t@db:5432/shop"));
        assertEquals("jdbc:postgresql://db/shop?user=ann&password=***&ssl=true",
                Urls.maskText("jdbc:postgresql://db/shop?user=ann&password=hunter2&ssl=true"));
        assertEquals("heads -x password=***", Urls.maskText("heads -x password=hunter2"));
        assertEquals("jdbc:postgresql://db/shop?pwd=***", Urls.maskText("jdbc:postgresql://db/shop?pwd=x"));
    }

    @Test
    void textsWithoutPasswordsAreLeftAlone() {
        String[] plain = {"sqlite:///tmp/shop.db", "postgresql://ann@db/shop", "upgrade heads"};
        for (String s : plain) {
            assertEquals(s, Urls.maskText(s));
        }
    }
}
