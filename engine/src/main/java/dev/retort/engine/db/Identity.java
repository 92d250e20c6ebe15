package dev.retort.engine.db;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process as history and locks record it: pid, OS user, host. */
public record Identity(long pid, String osUser, String host) {

    public static Identity current() {
        return new Identity(ProcessHandle.current().pid(), System.getProperty("user.name"), hostName());
    }

    /** The host name without a DNS round trip where the system says it directly. */
    private static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) {
            return h.strip();
        }
        try {
            String f = Files.readString(Path.of("/etc/hostname")).strip();
            if (!f.isEmpty()) {
                return f;
            }
        } catch (IOException | RuntimeException ignored) {
            // fall through
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
