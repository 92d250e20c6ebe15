package dev.retort.themes;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.StyleSet;
import java.util.EnumSet;
import java.util.Set;
import org.jline.utils.Colors;

/**
 * Turns {@link Style}s into Lanterna colours and {@link SGR} modifiers for the graph panel.
 * With {@link JLineStyles}, the only place where styles become terminal attributes.
 */
public final class LanternaStyles {
    private LanternaStyles() {}

    private static final TextColor.ANSI[] ANSI = {
        TextColor.ANSI.BLACK, TextColor.ANSI.RED, TextColor.ANSI.GREEN, TextColor.ANSI.YELLOW,
        TextColor.ANSI.BLUE, TextColor.ANSI.MAGENTA, TextColor.ANSI.CYAN, TextColor.ANSI.WHITE,
        TextColor.ANSI.BLACK_BRIGHT, TextColor.ANSI.RED_BRIGHT, TextColor.ANSI.GREEN_BRIGHT,
        TextColor.ANSI.YELLOW_BRIGHT, TextColor.ANSI.BLUE_BRIGHT, TextColor.ANSI.MAGENTA_BRIGHT,
        TextColor.ANSI.CYAN_BRIGHT, TextColor.ANSI.WHITE_BRIGHT,
    };

    /**
     * A style as Lanterna sees it. {@code FAINT} has no Lanterna modifier and is dropped.
     *
     * @param foreground {@link TextColor.ANSI#DEFAULT} for the terminal's default
     * @param background {@link TextColor.ANSI#DEFAULT} for the terminal's default
     */
    public record LanternaStyle(TextColor foreground, TextColor background, Set<SGR> modifiers) {
        public LanternaStyle {
            modifiers = modifiers.isEmpty() ? Set.of() : Set.copyOf(modifiers);
        }

        /** This style drawn over a base: its own colours where set, the base's elsewhere; modifiers of both. */
        public LanternaStyle over(LanternaStyle base) {
            return base.under(this);
        }

        /**
         * This style under an overlay (the panel's selected row): the overlay's colours win
         * where set, and its modifiers add to these.
         */
        public LanternaStyle under(LanternaStyle overlay) {
            TextColor fg = overlay.foreground == TextColor.ANSI.DEFAULT ? foreground : overlay.foreground;
            TextColor bg = overlay.background == TextColor.ANSI.DEFAULT ? background : overlay.background;
            if (overlay.modifiers.isEmpty()) {
                return new LanternaStyle(fg, bg, modifiers);
            }
            EnumSet<SGR> all = EnumSet.noneOf(SGR.class);
            all.addAll(modifiers);
            all.addAll(overlay.modifiers);
            return new LanternaStyle(fg, bg, all);
        }

        /** Sets colours and modifiers on a Lanterna {@code TextGraphics} (or any style set). */
        public void applyTo(StyleSet<?> target) {
            target.setForegroundColor(foreground);
            target.setBackgroundColor(background);
            target.setModifiers(modifiers.isEmpty() ? EnumSet.noneOf(SGR.class) : EnumSet.copyOf(modifiers));
        }
    }

    /** Converts {@code style}, downsampling colours to {@code depth}; NONE keeps attributes only. */
    public static LanternaStyle toLanterna(Style style, ColorDepth depth) {
        EnumSet<SGR> sgr = EnumSet.noneOf(SGR.class);
        for (Style.Attribute a : style.attributes()) {
            switch (a) {
                case BOLD -> sgr.add(SGR.BOLD);
                case ITALIC -> sgr.add(SGR.ITALIC);
                case UNDERLINE -> sgr.add(SGR.UNDERLINE);
                case INVERSE -> sgr.add(SGR.REVERSE);
                case FAINT -> { }
            }
        }
        return new LanternaStyle(color(style.foreground(), depth), color(style.background(), depth), sgr);
    }

    static TextColor color(Color c, ColorDepth depth) {
        if (c == null || depth == ColorDepth.NONE) {
            return TextColor.ANSI.DEFAULT;
        }
        if (c instanceof Color.Ansi a) {
            return ANSI[a.index()];
        }
        if (c instanceof Color.Indexed i) {
            return depth == ColorDepth.ANSI_16 ? ANSI[Colors.roundColor(i.index(), 16)] : new TextColor.Indexed(i.index());
        }
        Color.Rgb rgb = (Color.Rgb) c;
        return switch (depth) {
            case TRUECOLOR -> new TextColor.RGB(rgb.red(), rgb.green(), rgb.blue());
            case ANSI_256 -> new TextColor.Indexed(Colors.roundRgbColor(rgb.red(), rgb.green(), rgb.blue(), 256));
            default -> ANSI[Colors.roundRgbColor(rgb.red(), rgb.green(), rgb.blue(), 16)];
        };
    }
}
