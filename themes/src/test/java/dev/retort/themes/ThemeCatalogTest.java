package dev.retort.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeCatalogTest {

    @TempDir
    Path dir;

    @Test
    void userThemeDirectoryFollowsXdgConfigHome() {
        Path home = Path.of("/home/ann");
        assertEquals(Path.of("/xdg/retort/themes"),
                ThemeCatalog.userThemeDirectory(Map.of("XDG_CONFIG_HOME", "/xdg"), home));
        assertEquals(Path.of("/home/ann/.config/retort/themes"),
                ThemeCatalog.userThemeDirectory(Map.of(), home));
        assertEquals(Path.of("/home/ann/.config/retort/themes"),
                ThemeCatalog.userThemeDirectory(Map.of("XDG_CONFIG_HOME", "relative"), home),
                "a relative XDG_CONFIG_HOME is ignored, as the spec says");
    }

    @Test
    void userThemeExtendsDarkByDefaultAndOverridesOnlyWhatItNames() throws IOException {
        Files.writeString(dir.resolve("ocean.theme"), "# mine\nprompt = bold #0088ff\n");
        Theme ocean = new ThemeCatalog(dir).load("ocean");
        assertEquals(Style.parse("bold fg:#0088ff"), ocean.style(Role.PROMPT));
        assertEquals(ThemeCatalog.bundled("dark").style(Role.HEAD), ocean.style(Role.HEAD));
    }

    @Test
    void userThemeMayExtendAnotherUserTheme() throws IOException {
        Files.writeString(dir.resolve("base.theme"), "extends = light\nhead = bold red\n");
        Files.writeString(dir.resolve("child.theme"), "extends = base\nprompt = green\n");
        Theme child = new ThemeCatalog(dir).load("child");
        assertEquals(Style.parse("bold red"), child.style(Role.HEAD));
        assertEquals(Style.parse("green"), child.style(Role.PROMPT));
        assertEquals(ThemeCatalog.bundled("light").style(Role.ERROR), child.style(Role.ERROR));
    }

    @Test
    void userFileWithABundledNameReplacesTheBundledTheme() throws IOException {
        Files.writeString(dir.resolve("dark.theme"), "extends = mono\n");
        assertEquals(Style.parse("bold"), new ThemeCatalog(dir).load("dark").style(Role.PROMPT));
    }

    @Test
    void namesListBundledThemesFirstThenUserThemes() throws IOException {
        Files.writeString(dir.resolve("zebra.theme"), "");
        Files.writeString(dir.resolve("apple.theme"), "");
        Files.writeString(dir.resolve("notes.txt"), "");
        assertEquals(List.of("dark", "light", "high-contrast", "mono", "apple", "zebra"),
                new ThemeCatalog(dir).names());
    }

    @Test
    void malformedLinesAreReportedWithFileAndLine() throws IOException {
        Files.writeString(dir.resolve("bad.theme"), "# ok\nprompt = bold\nhead = sparkly\n");
        ThemeException e = assertThrows(ThemeException.class, () -> new ThemeCatalog(dir).load("bad"));
        assertEquals(dir.resolve("bad.theme") + ":3: unknown style word 'sparkly'", e.getMessage());
    }

    @Test
    void unknownRolesAndDuplicatesAreErrors() {
        assertEquals("<t>:1: unknown role 'promt'",
                assertThrows(ThemeException.class, () -> ThemeCatalog.parse("t", "promt = bold")).getMessage());
        assertEquals("<t>:2: role 'head' given twice",
                assertThrows(ThemeException.class, () -> ThemeCatalog.parse("t", "head = red\nhead = blue")).getMessage());
        assertEquals("<t>:1: expected 'role = style'",
                assertThrows(ThemeException.class, () -> ThemeCatalog.parse("t", "head red")).getMessage());
    }

    @Test
    void unknownThemeNamesTheAvailableOnes() {
        ThemeException e = assertThrows(ThemeException.class, () -> new ThemeCatalog(dir).load("solarized"));
        assertEquals("unknown theme 'solarized' (available: dark, light, high-contrast, mono)", e.getMessage());
    }

    @Test
    void themesThatExtendThemselvesAreRefused() throws IOException {
        Files.writeString(dir.resolve("a.theme"), "extends = b\n");
        Files.writeString(dir.resolve("b.theme"), "extends = a\n");
        ThemeException e = assertThrows(ThemeException.class, () -> new ThemeCatalog(dir).load("a"));
        assertTrue(e.getMessage().contains("extends itself"), e.getMessage());
    }

    @Test
    void themeNamesCannotEscapeTheDirectory() {
        assertThrows(ThemeException.class, () -> new ThemeCatalog(dir).load("../../etc/passwd"));
    }
}
