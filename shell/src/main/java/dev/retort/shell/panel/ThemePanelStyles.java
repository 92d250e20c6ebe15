package dev.retort.shell.panel;

import dev.retort.themes.LanternaStyles.LanternaStyle;
import dev.retort.themes.Role;
import dev.retort.themes.Styler;
import java.util.EnumMap;
import java.util.Map;

/**
 * The panel's styles from the shell's active theme, so that the panel and the REPL look alike:
 * each {@link PanelRole} is drawn as a theme {@link Role}, lanes as {@code lane-0..7}. With
 * colour off ({@code NO_COLOR}, {@code --color=never}, a dumb terminal) the panel is
 * {@link PanelStyles#monochrome()}.
 */
public final class ThemePanelStyles {
    private ThemePanelStyles() {}

    private static final Map<PanelRole, Role> ROLES = new EnumMap<>(Map.ofEntries(
            Map.entry(PanelRole.TITLE, Role.STATUS),
            Map.entry(PanelRole.TEXT, Role.MESSAGE),
            Map.entry(PanelRole.REVISION_ID, Role.REVISION_ID),
            Map.entry(PanelRole.PENDING, Role.MUTED),
            Map.entry(PanelRole.CURRENT, Role.CURRENT),
            Map.entry(PanelRole.HEAD, Role.HEAD),
            Map.entry(PanelRole.MARKER, Role.BRANCH_POINT),
            Map.entry(PanelRole.BRANCH_LABEL, Role.BRANCH_LABEL),
            Map.entry(PanelRole.DEPENDENCY, Role.MUTED),
            Map.entry(PanelRole.SELECTION, Role.SELECTION),
            Map.entry(PanelRole.MARKED, Role.WARNING),
            Map.entry(PanelRole.DETAIL_HEADER, Role.HEADING),
            Map.entry(PanelRole.SQL_KEYWORD, Role.SQL_KEYWORD),
            Map.entry(PanelRole.SQL_STRING, Role.SQL_STRING),
            Map.entry(PanelRole.SQL_COMMENT, Role.SQL_COMMENT),
            Map.entry(PanelRole.STATUS, Role.STATUS),
            Map.entry(PanelRole.SUCCESS, Role.SUCCESS),
            Map.entry(PanelRole.WARNING, Role.WARNING),
            Map.entry(PanelRole.ERROR, Role.ERROR)));

    /** The panel's styles for {@code styler}'s theme and colour policy. */
    public static PanelStyles of(Styler styler) {
        if (!styler.policy().enabled()) {
            return PanelStyles.monochrome();
        }
        Map<PanelRole, PanelStyles.Style> roles = new EnumMap<>(PanelRole.class);
        for (PanelRole r : PanelRole.values()) {
            roles.put(r, style(styler.lanterna(ROLES.get(r))));
        }
        PanelStyles.Style[] lanes = new PanelStyles.Style[8];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = style(styler.lanterna(Role.lane(i)));
        }
        return new PanelStyles() {
            @Override
            public Style style(PanelRole role) {
                return roles.get(role);
            }

            @Override
            public Style lane(int index) {
                return lanes[Math.floorMod(index, lanes.length)];
            }
        };
    }

    private static PanelStyles.Style style(LanternaStyle s) {
        return new PanelStyles.Style(s.foreground(), s.background(), s.modifiers());
    }
}
