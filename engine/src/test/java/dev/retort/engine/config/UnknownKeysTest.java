package dev.retort.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Misspelt keys in [retort] and in -x are not silently ignored: a warning names the nearest known key. */
class UnknownKeysTest {

    @TempDir
    Path dir;

    @Test
    void unknownKeysInTheFileAndInOverridesNameTheNearestKnownKey() throws IOException {
        Path ini = dir.resolve("retort.ini");
        Files.writeString(ini, "[retort]\nscript_location = %(here)s/s\nversion_tabel = v\nschema = s.sql\n"
                + "dev_url = sqlite://\non_changed_script = warn\nsqlalchemy.url = sqlite://\nzzzzzzzzzzzzz = 1\n"
                + "\n[lint]\nno-such-rule = off\n");
        RetortConfig c = RetortConfig.load(ini, null, Map.of("lock_timout", "5", "lock_timeout", "5"), Map.of());
        assertEquals(List.of(
                ini.toAbsolutePath() + ":3: unknown key 'version_tabel' in [retort]; did you mean 'version_table'?",
                ini.toAbsolutePath() + ":8: unknown key 'zzzzzzzzzzzzz' in [retort]; it is ignored",
                "-x lock_timout: unknown key 'lock_timout'; did you mean 'lock_timeout'?"), c.warnings());
    }
}
