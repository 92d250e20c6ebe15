package dev.retort.shell.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passwords holding {@code # / ? @ :} and spaces, written unescaped in a {@code --url}, through
 * {@code retort} in its own process against the real PostgreSQL server (trust auth, so any
 * password connects): the connection works, and neither {@code current -v}, {@code status
 * --json}, the {@code --dry-run} header, a run, nor a connect error prints the password.
 */
class PasswordsIT {

    @TempDir
    Path dir;

    @Test
    void unescapedPasswordsWithUrlPunctuationConnectAndAreNeverPrinted() throws Exception {
        List<String> passwords = List.of("S3c#ret17", "S3c/ret4", "S3c?ret5", "Typed Secret13", "p@ss:w0rd#x");
        int n = 0;
        for (String password : passwords) {
            try (PgProject p = PgProject.create(dir.resolve("p" + n++), "pw")) {
                p.script("aaaa00000001", "", "CREATE TABLE t1 (id INTEGER);");
                String url = "postgresql://postgres:" + password + "@127.0.0.1:5432/test?currentSchema=" + p.schema;
                String masked = "postgresql://postgres:***@127.0.0.1:5432/test?currentSchema=" + p.schema;
                String secret = password.substring(3);

                PgProject.Done dry = p.run("--url", url, "upgrade", "heads", "--dry-run");
                assertEquals(0, dry.exit(), dry.out());
                assertTrue(dry.out().contains("-- Plan for " + masked + ": 1 step(s)"), dry.out());

                PgProject.Done up = p.run("--url", url, "upgrade", "heads");
                assertEquals(0, up.exit(), "the password with " + password.charAt(3) + " connects: " + up.out());
                assertEquals(List.of("aaaa00000001"), p.rows("SELECT version_num FROM retort_version"));

                PgProject.Done current = p.run("--url", url, "current", "-v");
                assertEquals(0, current.exit(), current.out());
                assertTrue(current.out().contains(masked), current.out());

                PgProject.Done json = p.run("--url", url, "status", "--json");
                assertEquals(0, json.exit(), json.out());
                assertTrue(json.out().contains(masked), json.out());

                PgProject.Done refused = p.run("--url", url.replace(":5432/", ":1/"), "current");
                assertEquals(1, refused.exit(), refused.out());
                assertTrue(refused.out().startsWith("FAILED: ") && refused.out().contains("postgres:***@127.0.0.1:1/"),
                        refused.out());

                for (PgProject.Done d : List.of(dry, up, current, json, refused)) {
                    assertFalse(d.out().contains(secret) || d.out().contains(password), "password in: " + d.out());
                    assertFalse(d.out().contains("\tat "), d.out());
                }
            }
        }
    }
}
