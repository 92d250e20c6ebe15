package dev.retort.shell.repl;

import dev.retort.shell.cli.UserSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Where the shell keeps its history: one file per environment under the user's state
 * directory ({@code $XDG_STATE_HOME/retort/history/}, else {@code $HOME/.local/state/...},
 * from the environment variables), named by the environment's directory and a hash of its
 * configuration file's full path, so two projects never share Up-arrow recall.
 * {@code RETORT_HISTORY} names one file instead.
 */
final class HistoryFiles {
    private HistoryFiles() {}

    static Path forEnvironment(Map<String, String> environment, Path configFile) {
        String named = environment.get("RETORT_HISTORY");
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        Path config = configFile.toAbsolutePath().normalize();
        Path dir = config.getParent();
        String name = dir == null || dir.getFileName() == null ? "root" : dir.getFileName().toString();
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return UserSettings.stateDirectory(environment).resolve("history").resolve(name + "-" + hash(config.toString()));
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
