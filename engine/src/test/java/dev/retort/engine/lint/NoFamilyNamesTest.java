package dev.retort.engine.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.db.DatabaseFamilies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Lint asks the family, never its name (issue 10: family behaviour lives on the
 * {@code DatabaseFamily} seam): no family name or scheme as a string in the lint package, but
 * for {@link Rule}'s declarations of the dialects a rule applies to.
 */
class NoFamilyNamesTest {

    @Test
    void theLintPackageNamesNoFamilyOutsideTheRulesDeclarations() throws Exception {
        Path lint = Path.of("src/main/java/dev/retort/engine/lint");
        assertTrue(Files.isDirectory(lint), () -> lint.toAbsolutePath() + " not found");
        List<String> schemes = DatabaseFamilies.ALL.stream().flatMap(f -> f.schemes().stream()).toList();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(lint)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().equals("Rule.java")).toList()) {
                String text = Files.readString(f);
                for (String scheme : schemes) {
                    if (text.contains("\"" + scheme + "\"")) {
                        found.add(f.getFileName() + ": \"" + scheme + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
