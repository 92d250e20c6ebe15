package dev.retort.engine.script;

import java.nio.file.Path;
import java.util.List;

/** Bundled environment templates for {@code init} (stub: being implemented on branch scripts). */
public final class Templates {
    private Templates() {}

    public static List<String> list() {
        throw new UnsupportedOperationException();
    }

    public static List<String> init(Path directory, String template, Path iniFile) {
        throw new UnsupportedOperationException();
    }
}
