package dev.retort.engine.db.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The history's timestamps read back as Instant.parse reads them, whatever Instant.toString wrote. */
class SqliteInstantTest {

    @Test
    void everyInstantToStringReadsBackAsInstantParseReadsIt() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-62_135_596_800L, 253_402_300_799L); // years 1 to 9999
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(Instant.parse(t.toString()), SqliteFamily.instant(t.toString()), t.toString());
        }
    }

    @Test
    void unusualAndBrokenTextsAreLeftToInstantParse() {
        assertEquals(Instant.parse("2026-12-02T11:59:57.5Z"), SqliteFamily.instant("2026-12-02T11:59:57.5Z"));
        assertEquals(Instant.parse("2026-12-02T11:59:57+02:00"), SqliteFamily.instant("2026-12-02T11:59:57+02:00"));
        assertEquals(Instant.parse("+12026-12-02T11:59:57Z"), SqliteFamily.instant("+12026-12-02T11:59:57Z"));
        for (String bad : new String[] {"2026-13-02T11:59:57Z", "2026-02-30T11:59:57Z", "2026-12-02T24:59:57Z",
                "2026-12-02 11:59:57Z", "2026-1x-02T11:59:57Z", ""}) {
            assertThrows(DateTimeParseException.class, () -> SqliteFamily.instant(bad), bad);
        }
    }
}
