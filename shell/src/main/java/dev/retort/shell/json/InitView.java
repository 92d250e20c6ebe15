package dev.retort.shell.json;

import java.util.List;

/**
 * {@code init}: the environment made.
 *
 * @param directory           the scripts directory (absolute)
 * @param template            the template used
 * @param configFile          the ini file (absolute)
 * @param configFileExisted   whether the ini file was there already and left alone
 * @param created             directories and files created, in order (absolute paths)
 */
public record InitView(String directory, String template, String configFile, boolean configFileExisted,
        List<String> created) implements JsonView {}
