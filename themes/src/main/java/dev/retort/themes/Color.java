package dev.retort.themes;

import java.util.List;
import java.util.Locale;

/**
 * A colour as a theme names it: one of the sixteen ANSI colours, an entry of the 256-colour
 * palette, or a 24-bit RGB value. Terminals with fewer colours get the nearest one; that
 * downsampling is the adapters' job, not the theme's.
 */
public sealed interface Color permits Color.Ansi, Color.Indexed, Color.Rgb {

    /** Names of the sixteen ANSI colours, in palette order. */
    List<String> ANSI_NAMES = List.of(
            "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
            "bright-black", "bright-red", "bright-green", "bright-yellow",
            "bright-blue", "bright-magenta", "bright-cyan", "bright-white");

    /** A colour spelled as in theme files. */
    String spec();

    /** ANSI colour {@code 0..15} (0–7 normal, 8–15 bright). */
    record Ansi(int index) implements Color {
        public Ansi {
            if (index < 0 || index > 15) {
                throw new IllegalArgumentException("ANSI colour out of range: " + index);
            }
        }

        @Override
        public String spec() {
            return ANSI_NAMES.get(index);
        }
    }

    /** 256-colour palette entry {@code 0..255}. */
    record Indexed(int index) implements Color {
        public Indexed {
            if (index < 0 || index > 255) {
                throw new IllegalArgumentException("colour index out of range: " + index);
            }
        }

        @Override
        public String spec() {
            return Integer.toString(index);
        }
    }

    /** 24-bit colour, {@code 0xRRGGBB}. */
    record Rgb(int rgb) implements Color {
        public Rgb {
            if ((rgb & ~0xFFFFFF) != 0) {
                throw new IllegalArgumentException("RGB colour out of range: " + rgb);
            }
        }

        public int red() {
            return rgb >> 16 & 0xFF;
        }

        public int green() {
            return rgb >> 8 & 0xFF;
        }

        public int blue() {
            return rgb & 0xFF;
        }

        @Override
        public String spec() {
            return String.format("#%06x", rgb);
        }
    }

    /**
     * Parses {@code red}, {@code bright-blue} (also {@code brightblue}, {@code grey} for
     * bright-black), {@code 208} or {@code #ff8800}.
     *
     * @throws IllegalArgumentException naming the bad colour
     */
    static Color parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.equals("grey") || s.equals("gray")) {
            return new Ansi(8);
        }
        int named = ANSI_NAMES.indexOf(s);
        if (named < 0 && s.startsWith("bright") && !s.startsWith("bright-")) {
            named = ANSI_NAMES.indexOf("bright-" + s.substring("bright".length()));
        }
        if (named >= 0) {
            return new Ansi(named);
        }
        if (s.matches("#[0-9a-f]{6}")) {
            return new Rgb(Integer.parseInt(s.substring(1), 16));
        }
        if (s.matches("[0-9]{1,3}")) {
            int n = Integer.parseInt(s);
            if (n <= 255) {
                return new Indexed(n);
            }
        }
        throw new IllegalArgumentException("unknown colour '" + text.strip() + "'");
    }
}
