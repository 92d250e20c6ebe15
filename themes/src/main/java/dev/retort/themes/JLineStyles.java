package dev.retort.themes;

import org.jline.utils.AttributedStyle;
import org.jline.utils.Colors;

/**
 * Turns {@link Style}s into JLine {@link AttributedStyle}s. With {@link LanternaStyles}, the
 * only place in Retort where styles become terminal attributes; escape sequences are then
 * JLine's business ({@code AttributedString.toAnsi}), downsampled to the terminal's depth.
 */
public final class JLineStyles {
    private JLineStyles() {}

    /** {@code style} at full depth; JLine downsamples for the terminal it writes to. */
    public static AttributedStyle toAttributedStyle(Style style) {
        return toAttributedStyle(style, ColorDepth.TRUECOLOR);
    }

    /**
     * {@code style} with colours rounded to {@code depth} (JLine itself rounds only as far as
     * 256 colours); {@link ColorDepth#NONE} yields the attributes alone.
     */
    public static AttributedStyle toAttributedStyle(Style style, ColorDepth depth) {
        AttributedStyle s = AttributedStyle.DEFAULT;
        if (style.foreground() != null && depth != ColorDepth.NONE) {
            s = foreground(s, round(style.foreground(), depth));
        }
        if (style.background() != null && depth != ColorDepth.NONE) {
            s = background(s, round(style.background(), depth));
        }
        for (Style.Attribute a : style.attributes()) {
            s = switch (a) {
                case BOLD -> s.bold();
                case FAINT -> s.faint();
                case ITALIC -> s.italic();
                case UNDERLINE -> s.underline();
                case INVERSE -> s.inverse();
            };
        }
        return s;
    }

    /**
     * {@code style} in the spec syntax of JLine's {@code StyleResolver} ({@code bold,fg:bright-black}),
     * for JLine settings that take a spec string, such as the completion list's
     * {@code COMPLETION_STYLE_*} variables. That syntax names only the sixteen ANSI colours, so
     * others are rounded to the nearest of them; {@link ColorDepth#NONE} gives attributes alone,
     * and no style at all is {@code fg:default}.
     */
    public static String toStyleSpec(Style style, ColorDepth depth) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (Style.Attribute a : style.attributes()) {
            parts.add(a == Style.Attribute.INVERSE ? "inverse" : a.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (depth != ColorDepth.NONE) {
            if (style.foreground() != null) {
                parts.add("fg:" + ansiName(style.foreground()));
            }
            if (style.background() != null) {
                parts.add("bg:" + ansiName(style.background()));
            }
        }
        // an empty spec would let JLine fall back to its own default colours
        return parts.isEmpty() ? "fg:default" : String.join(",", parts);
    }

    private static String ansiName(Color c) {
        return Color.ANSI_NAMES.get(((Color.Ansi) round(c, ColorDepth.ANSI_16)).index());
    }

    private static Color round(Color c, ColorDepth depth) {
        if (depth == ColorDepth.TRUECOLOR || c instanceof Color.Ansi) {
            return c;
        }
        if (c instanceof Color.Indexed i) {
            return depth == ColorDepth.ANSI_16 ? new Color.Ansi(Colors.roundColor(i.index(), 16)) : c;
        }
        Color.Rgb rgb = (Color.Rgb) c;
        int n = Colors.roundRgbColor(rgb.red(), rgb.green(), rgb.blue(), depth == ColorDepth.ANSI_16 ? 16 : 256);
        return depth == ColorDepth.ANSI_16 ? new Color.Ansi(n) : new Color.Indexed(n);
    }

    private static AttributedStyle foreground(AttributedStyle s, Color c) {
        if (c instanceof Color.Rgb rgb) {
            return s.foregroundRgb(rgb.rgb());
        }
        return s.foreground(index(c));
    }

    private static AttributedStyle background(AttributedStyle s, Color c) {
        if (c instanceof Color.Rgb rgb) {
            return s.backgroundRgb(rgb.rgb());
        }
        return s.background(index(c));
    }

    private static int index(Color c) {
        if (c instanceof Color.Ansi a) {
            return a.index();
        }
        return ((Color.Indexed) c).index();
    }
}
