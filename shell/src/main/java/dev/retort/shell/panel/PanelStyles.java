package dev.retort.shell.panel;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Colours of the panel: roles to Lanterna styles. The theme adapter implements this from the
 * active theme, so that the panel and the REPL look alike; {@link #defaults()} and
 * {@link #monochrome()} stand in until then and for {@code NO_COLOR}.
 */
public interface PanelStyles {

    /** The style of a role; never null. */
    Style style(PanelRole role);

    /** The style of lane {@code index} (0–7; callers reduce modulo 8). */
    Style lane(int index);

    /**
     * A foreground, a background ({@link TextColor.ANSI#DEFAULT} for the terminal's own) and
     * modifiers.
     */
    record Style(TextColor foreground, TextColor background, Set<SGR> modifiers) {
        public static final Style PLAIN = new Style(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, Set.of());

        public Style {
            modifiers = modifiers.isEmpty() ? Set.of() : Set.copyOf(modifiers);
        }

        public static Style of(TextColor foreground, SGR... modifiers) {
            return new Style(foreground, TextColor.ANSI.DEFAULT, Set.of(modifiers));
        }

        /** This style drawn over a base: its own colours where set, the base's elsewhere. */
        public Style over(Style base) {
            return base.under(this);
        }

        /** This style under an overlay: the overlay's background and modifiers win where set. */
        public Style under(Style overlay) {
            TextColor fg = overlay.foreground == TextColor.ANSI.DEFAULT ? foreground : overlay.foreground;
            TextColor bg = overlay.background == TextColor.ANSI.DEFAULT ? background : overlay.background;
            if (overlay.modifiers.isEmpty()) {
                return new Style(fg, bg, modifiers);
            }
            EnumSet<SGR> all = EnumSet.noneOf(SGR.class);
            all.addAll(modifiers);
            all.addAll(overlay.modifiers);
            return new Style(fg, bg, all);
        }
    }

    /** Sixteen-colour styles that read on dark and light backgrounds alike. */
    static PanelStyles defaults() {
        Map<PanelRole, Style> m = new EnumMap<>(PanelRole.class);
        m.put(PanelRole.TITLE, new Style(TextColor.ANSI.BLACK, TextColor.ANSI.CYAN, Set.of(SGR.BOLD)));
        m.put(PanelRole.TEXT, Style.PLAIN);
        m.put(PanelRole.REVISION_ID, Style.of(TextColor.ANSI.YELLOW));
        m.put(PanelRole.PENDING, Style.of(TextColor.ANSI.BLACK_BRIGHT));
        m.put(PanelRole.CURRENT, Style.of(TextColor.ANSI.GREEN_BRIGHT, SGR.BOLD));
        m.put(PanelRole.HEAD, Style.of(TextColor.ANSI.MAGENTA_BRIGHT));
        m.put(PanelRole.MARKER, Style.of(TextColor.ANSI.CYAN));
        m.put(PanelRole.BRANCH_LABEL, Style.of(TextColor.ANSI.BLUE_BRIGHT, SGR.BOLD));
        m.put(PanelRole.DEPENDENCY, Style.of(TextColor.ANSI.WHITE));
        m.put(PanelRole.SELECTION, new Style(TextColor.ANSI.DEFAULT, TextColor.ANSI.BLUE, Set.of(SGR.BOLD)));
        m.put(PanelRole.MARKED, Style.of(TextColor.ANSI.RED_BRIGHT, SGR.BOLD));
        m.put(PanelRole.DETAIL_HEADER, Style.of(TextColor.ANSI.CYAN, SGR.BOLD));
        m.put(PanelRole.SQL_KEYWORD, Style.of(TextColor.ANSI.BLUE_BRIGHT, SGR.BOLD));
        m.put(PanelRole.SQL_STRING, Style.of(TextColor.ANSI.GREEN));
        m.put(PanelRole.SQL_COMMENT, Style.of(TextColor.ANSI.BLACK_BRIGHT));
        m.put(PanelRole.STATUS, new Style(TextColor.ANSI.BLACK, TextColor.ANSI.WHITE, Set.of()));
        m.put(PanelRole.SUCCESS, Style.of(TextColor.ANSI.GREEN, SGR.BOLD));
        m.put(PanelRole.WARNING, Style.of(TextColor.ANSI.YELLOW, SGR.BOLD));
        m.put(PanelRole.ERROR, Style.of(TextColor.ANSI.RED_BRIGHT, SGR.BOLD));
        TextColor[] lanes = {TextColor.ANSI.GREEN, TextColor.ANSI.YELLOW, TextColor.ANSI.BLUE_BRIGHT,
            TextColor.ANSI.MAGENTA, TextColor.ANSI.CYAN, TextColor.ANSI.RED, TextColor.ANSI.GREEN_BRIGHT,
            TextColor.ANSI.MAGENTA_BRIGHT};
        return of(m, lanes);
    }

    /** No colour ({@code NO_COLOR}, dumb terminals): emphasis by bold and reverse video only. */
    static PanelStyles monochrome() {
        Map<PanelRole, Style> m = new EnumMap<>(PanelRole.class);
        for (PanelRole r : PanelRole.values()) {
            m.put(r, Style.PLAIN);
        }
        Style bold = new Style(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, Set.of(SGR.BOLD));
        Style reverse = new Style(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, Set.of(SGR.REVERSE));
        m.put(PanelRole.TITLE, reverse);
        m.put(PanelRole.SELECTION, reverse);
        m.put(PanelRole.STATUS, reverse);
        m.put(PanelRole.CURRENT, bold);
        m.put(PanelRole.MARKED, bold);
        m.put(PanelRole.ERROR, bold);
        m.put(PanelRole.DETAIL_HEADER, bold);
        return of(m, new TextColor[] {TextColor.ANSI.DEFAULT});
    }

    /** Styles from a table; roles missing from it are plain. */
    static PanelStyles of(Map<PanelRole, Style> roles, TextColor[] laneColours) {
        Map<PanelRole, Style> copy = new EnumMap<>(PanelRole.class);
        for (PanelRole r : PanelRole.values()) {
            copy.put(r, roles.getOrDefault(r, Style.PLAIN));
        }
        Style[] lanes = new Style[laneColours.length];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = Style.of(laneColours[i]);
        }
        return new PanelStyles() {
            @Override
            public Style style(PanelRole role) {
                return copy.get(role);
            }

            @Override
            public Style lane(int index) {
                return lanes[Math.floorMod(index, lanes.length)];
            }
        };
    }
}
