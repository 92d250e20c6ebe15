package dev.retort.engine.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.RetortException;
import dev.retort.engine.config.RetortConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {

    @TempDir
    Path dir;

    @Test
    void listGivesNameAndSynopsis() {
        assertEquals(List.of("generic - Generic single-database configuration."), Templates.list());
    }

    @Test
    void initCreatesEnvironmentAndPrintsAlembicsLines() throws IOException {
        Path scripts = dir.resolve("migrations");
        Path ini = dir.resolve("retort.ini");
        List<String> out = Templates.init(scripts, "generic", ini);
        assertEquals(List.of(
                "Creating directory " + scripts + " ...  done",
                "Creating directory " + scripts.resolve("versions") + " ...  done",
                "Generating " + scripts.resolve("README") + " ...  done",
                "Generating " + scripts.resolve("script.sql.tmpl") + " ...  done",
                "Generating " + ini + " ...  done",
                "Please set the database url (and any other keys) in " + ini + " before proceeding."), out);
        assertTrue(Files.isDirectory(scripts.resolve("versions")));
        assertTrue(Files.readString(ini).contains("\nscript_location = %(here)s/migrations\n"),
                "a directory beside the ini is written relative to it");
    }

    @Test
    void generatedIniLoadsAndPointsAtTheScripts() throws IOException {
        Path ini = dir.resolve("conf/retort.ini");
        Templates.init(dir.resolve("migrations"), "generic", ini);
        RetortConfig c = RetortConfig.load(ini, null, Map.of(), Map.of());
        assertEquals(dir.resolve("migrations"), c.scriptLocation());
        assertEquals("sqlite:///" + dir.resolve("conf") + "/retort.db", c.url().orElseThrow());
        assertEquals("retort_version", c.versionTable());
        assertEquals(List.of(), ScriptDirectory.load(c).revisions());
    }

    @Test
    void relativeDirectoryRendersHereRelativeAbsoluteStaysAbsolute() {
        Path ini = Path.of("retort.ini").toAbsolutePath();
        assertEquals("%(here)s/a/b", Templates.scriptLocation(Path.of("a/b"), ini));
        assertEquals("%(here)s/../migrations",
                Templates.scriptLocation(Path.of("migrations"), Path.of("conf/retort.ini").toAbsolutePath()));
        assertEquals("%(here)s/50%%", Templates.scriptLocation(Path.of("50%"), ini));
        assertEquals("/abs/100%%", Templates.scriptLocation(Path.of("/abs/100%"), ini));
        assertEquals("%(here)s/db/migrations",
                Templates.scriptLocation(ini.getParent().resolve("db/migrations"), ini));
    }

    @Test
    void existingEmptyDirectoryIsUsedAndExistingIniSkipped() throws IOException {
        Path scripts = Files.createDirectories(dir.resolve("s"));
        Path ini = dir.resolve("retort.ini");
        Files.writeString(ini, "keep");
        List<String> out = Templates.init(scripts, "generic", ini);
        assertEquals("Creating directory " + scripts.resolve("versions") + " ...  done", out.get(0));
        assertTrue(out.contains("File " + ini + " already exists, skipping"));
        assertEquals("keep", Files.readString(ini));
    }

    @Test
    void nonEmptyDirectoryIsRefused() throws IOException {
        Path scripts = Files.createDirectories(dir.resolve("s"));
        Files.writeString(scripts.resolve("x"), "");
        RetortException e = assertThrows(RetortException.class,
                () -> Templates.init(scripts, "generic", dir.resolve("retort.ini")));
        assertEquals("Directory " + scripts + " already exists and is not empty", e.getMessage());
        assertTrue(Files.notExists(dir.resolve("retort.ini")));
    }

    @Test
    void unknownTemplateIsRefused() {
        RetortException e = assertThrows(RetortException.class,
                () -> Templates.init(dir.resolve("s"), "multidb", dir.resolve("retort.ini")));
        assertEquals("No such template 'multidb'", e.getMessage());
        assertTrue(Files.notExists(dir.resolve("s")));
    }
}
