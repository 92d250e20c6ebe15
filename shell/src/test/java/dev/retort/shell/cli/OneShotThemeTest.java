package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One-shot output follows the user's settings as the shell does: the theme remembered in
 * {@code settings.ini} (what {@code theme NAME} in the shell writes when the user says yes)
 * colours {@code retort history --color=always}, {@code RETORT_THEME} outranks it, and the
 * settings' {@code color} applies when {@code --color} is not given. Themes are compared by
 * the escape sequences they produce for the same text.
 */
class OneShotThemeTest {

    @TempDir
    Path dir;

    private CliHarness h;

    @BeforeEach
    void project() throws Exception {
        h = CliHarness.project(dir.resolve("p"), Map.of(
                "aaaa1111_one.sql", CliHarness.script("aaaa1111", "", "create one", "CREATE TABLE one (id INTEGER);", null),
                "bbbb2222_two.sql", CliHarness.script("bbbb2222", "aaaa1111", "create two", "CREATE TABLE two (id INTEGER);", null)));
        h.env.put("XDG_CONFIG_HOME", dir.resolve("cfg").toString());
        h.env.put("HOME", dir.resolve("home").toString());
    }

    private String history() {
        CliHarness.Run run = h.run("--color=always", "history");
        assertEquals(0, run.exit(), run.err());
        return run.out();
    }

    private static String plain(String ansi) {
        return ansi.replaceAll("\u001b\\[[0-9;]*m", "");
    }

    @Test
    void theThemeRememberedInTheSettingsColoursOneShotOutput() {
        String dark = history();
        h.env.put("RETORT_THEME", "light");
        String lightByVariable = history();
        h.env.remove("RETORT_THEME");
        assertNotEquals(dark, lightByVariable, "dark and light colour history differently");

        UserSettings.remember(h.env, "theme", "light");
        String remembered = history();
        assertEquals(lightByVariable, remembered, "the remembered theme colours one-shot output");
        assertEquals(plain(dark), plain(remembered), "the same text");
    }

    @Test
    void retortThemeOutranksTheRememberedTheme() {
        h.env.put("RETORT_THEME", "high-contrast");
        String highContrast = history();
        h.env.remove("RETORT_THEME");
        UserSettings.remember(h.env, "theme", "light");
        String light = history();
        assertNotEquals(highContrast, light);
        h.env.put("RETORT_THEME", "high-contrast");
        assertEquals(highContrast, history(), "RETORT_THEME over settings.ini");
    }

    @Test
    void theColourSettingAppliesWhenColorIsNotGiven() {
        h.env.remove("NO_COLOR");
        assertFalse(h.run("history").out().contains("\u001b["), "not a terminal, no setting: plain");
        UserSettings.remember(h.env, "color", "always");
        String coloured = h.run("history").out();
        assertTrue(coloured.contains("\u001b[") && coloured.contains("bbbb2222"), coloured);
        assertFalse(h.run("--color=never", "history").out().contains("\u001b["), "--color over the setting");
        UserSettings.remember(h.env, "color", "never");
        assertTrue(h.run("--color=always", "history").out().contains("\u001b["), "--color over the setting");
    }
}
