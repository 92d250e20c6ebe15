package dev.retort.themes;

/** How many colours the output can show; colours beyond it are downsampled to the nearest. */
public enum ColorDepth {
    /** No colour and no attributes at all: plain text. */
    NONE(0),
    ANSI_16(16),
    ANSI_256(256),
    TRUECOLOR(1 << 24);

    private final int colors;

    ColorDepth(int colors) {
        this.colors = colors;
    }

    public int colors() {
        return colors;
    }

    /** The depth for a terminal advertising {@code maxColors} ({@code terminfo max_colors}). */
    public static ColorDepth ofColors(int maxColors) {
        if (maxColors >= 1 << 24) {
            return TRUECOLOR;
        }
        if (maxColors >= 256) {
            return ANSI_256;
        }
        return maxColors >= 8 ? ANSI_16 : NONE;
    }
}
