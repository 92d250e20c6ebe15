package dev.retort.engine.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry is the one place URLs and names meet families; each family answers for its own. */
class DatabaseFamiliesTest {

    @Test
    void everyFamilyIsFoundByItsNameSchemesAndUrlForms() {
        Set<String> seen = new HashSet<>();
        for (DatabaseFamily f : DatabaseFamilies.ALL) {
            assertEquals(f.name(), f.schemes().get(0));
            assertEquals(f.name(), f.dialect().name(), "section qualifier and dialect name agree");
            for (String scheme : f.schemes()) {
                assertTrue(seen.add(scheme), "scheme claimed twice: " + scheme);
                assertSame(f, DatabaseFamilies.named(scheme.toUpperCase()).orElseThrow());
            }
            for (String form : f.urlForms()) {
                assertSame(f, DatabaseFamilies.forUrl(form + "x").orElseThrow(), form);
            }
        }
    }

    @Test
    void urlsParseIntoTheirFamilysRecords() {
        assertTrue(DatabaseUrl.parse("sqlite:///a.db") instanceof FileUrl f && f.family().name().equals("sqlite"));
        assertTrue(DatabaseUrl.parse("postgres://h/db") instanceof ServerUrl s && s.family().name().equals("postgresql"));
    }

    @Test
    void hintListsTheFormsOfEveryFamily() {
        String hint = DatabaseFamilies.urlFormsHint();
        assertTrue(hint.startsWith("jdbc:sqlite:, jdbc:postgresql://, "), hint);
        for (DatabaseFamily f : DatabaseFamilies.ALL) {
            for (String form : f.urlForms()) {
                assertTrue(hint.contains(form), form + " missing from " + hint);
            }
        }
        assertTrue(hint.matches("[^ ]+(, [^ ]+)* or [^ ]+"), hint);
    }
}
