package dev.retort.engine.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.engine.RetortException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Section markers and their dialect names are checked when a script's header is read: by every command. */
class MarkerCheckTest {

    @TempDir
    Path dir;

    private RetortException loading(String body) throws Exception {
        Path f = dir.resolve("abc_x.sql");
        Files.writeString(f, "-- x\n--\n-- Revision ID: abc\n-- Revises:\n\n" + body);
        return assertThrows(RetortException.class, () -> HeaderReader.read(f));
    }

    @Test
    void unknownDialectIsOneLineNamingFileAndLine() throws Exception {
        RetortException e = loading("-- retort:upgrade\nSELECT 1;\n-- retort:upgrade postgres\nSELECT 2;\n");
        assertEquals(dir.resolve("abc_x.sql") + ":8: unknown dialect 'postgres'; did you mean 'postgresql'? "
                + "(known: sqlite, postgresql, mysql, mariadb)", e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void misspeltMarkerIsFoundOnLoadNotOnlyWhenPlanning() throws Exception {
        RetortException e = loading("-- retort:upgrad\nSELECT 1;\n");
        assertEquals(dir.resolve("abc_x.sql") + ":6: unknown marker '-- retort:upgrad'; did you mean 'upgrade'? "
                + "(known: upgrade, downgrade, no-transaction, lint-ignore)", e.getMessage());
    }

    @Test
    void knownDialectsAndMariadbAliasLoad() throws Exception {
        Path f = dir.resolve("abc_ok.sql");
        Files.writeString(f, "-- ok\n--\n-- Revision ID: abc\n-- Revises:\n\n-- retort:upgrade\nSELECT 1;\n"
                + "-- retort:upgrade postgresql\nSELECT 2;\n--   retort:upgrade MySQL\nSELECT 3;\n"
                + "-- retort:downgrade mariadb\n-- retort:no-transaction\nSELECT 4;\n-- retort:downgrade sqlite\nSELECT 5;\n");
        assertEquals("abc", HeaderReader.read(f).id());
    }

    @Test
    void markersPastTheFirstChunkAreCheckedToo() throws Exception {
        String filler = "-- filler line to push the marker past the first 8 KiB\n".repeat(400);
        RetortException e = loading("-- retort:upgrade\n" + filler + "SELECT 1;\n-- retort:downgrade sqlite3\nSELECT 2;\n");
        assertEquals(true, e.getMessage().contains("unknown dialect 'sqlite3'"), e.getMessage());
    }
}
