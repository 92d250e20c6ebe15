package dev.retort.engine.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.RetortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An interpolation error in a URL value shows the value with its password masked, never raw. */
class SecretsInConfigErrorsTest {

    @TempDir
    Path dir;

    @Test
    void interpolationErrorsNeverPrintThePassword() throws IOException {
        for (String url : List.of("postgresql://postgres:S3cretPW@127.0.0.1/%(db)s",
                "postgresql://postgres:S3cretPW@127.0.0.1/%db", "postgresql://postgres:S3cretPW@127.0.0.1/%(db",
                "postgresql://postgres:S3cretPW@127.0.0.1/${DB")) {
            Path ini = dir.resolve("retort.ini");
            Files.writeString(ini, "[retort]\nscript_location = s\nurl = " + url + "\n");
            RetortException e = assertThrows(RetortException.class,
                    () -> RetortConfig.load(ini, null, Map.of(), Map.of()).url(), url);
            assertFalse(e.getMessage().contains("S3cretPW"), e.getMessage());
            assertTrue(e.getMessage().contains("postgres:***@") || !e.getMessage().contains("postgres:"), e.getMessage());
        }
    }
}
