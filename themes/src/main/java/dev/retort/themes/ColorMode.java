package dev.retort.themes;

import java.util.Locale;

/** The {@code --color} option: {@code auto} (default), {@code always} or {@code never}. */
public enum ColorMode {
    AUTO, ALWAYS, NEVER;

    /**
     * Parses {@code auto|always|never} (also {@code yes|force|on}, {@code no|none|off}).
     *
     * @throws IllegalArgumentException with the accepted values
     */
    public static ColorMode parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "auto", "tty", "if-tty" -> AUTO;
            case "always", "yes", "force", "on" -> ALWAYS;
            case "never", "no", "none", "off" -> NEVER;
            default -> throw new IllegalArgumentException(
                    "invalid --color value '" + text + "' (expected auto, always or never)");
        };
    }
}
