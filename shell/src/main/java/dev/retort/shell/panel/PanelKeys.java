package dev.retort.shell.panel;

import java.util.ArrayList;
import java.util.List;

/**
 * The panel's keys, in one place: the status line's key hints (as many as fit, the most
 * important first, {@code q quit} and {@code ? help} always) and the {@code ?} overlay (every
 * key) both read this table, so the two cannot disagree with each other or with
 * {@link GraphPanel}'s key handling.
 */
final class PanelKeys {
    private PanelKeys() {}

    /**
     * One key of the panel.
     *
     * @param hint the short form for the key line ({@code u upgrade})
     * @param keys the keys as the overlay lists them ({@code u})
     * @param does what the key does, for the overlay
     * @param rank how important the hint is: 0 is always shown, higher ones are dropped first
     */
    record Key(String hint, String keys, String does, int rank) {}

    /** Hints shown in this order on the key line; the overlay lists {@link #ALL}. */
    static final List<Key> HINTS = List.of(
            new Key("j/k move", "j k Down Up", "move the selection down / up", 1),
            new Key("/ search", "/", "search ids, branch labels and messages (Enter keeps, Esc goes back)", 2),
            new Key("n next", "n N", "next / previous match of the last search", 6),
            new Key("c current", "c", "jump to the current head (again: the next one)", 5),
            new Key("space mark", "space", "mark or unmark a head for merging", 7),
            new Key("m merge", "m", "merge the marked heads (asks for a message)", 8),
            new Key("u upgrade", "u", "upgrade to the selected revision (shows the plan, asks y/N)", 3),
            new Key("d downgrade", "d", "downgrade to the selected revision (shows the plan, asks y/N)", 4),
            new Key("s stamp", "s", "stamp the selected revision without running SQL (asks y/N)", 9),
            new Key("h/l scroll", "h l Left Right", "scroll the lanes left / right", 12),
            new Key("J/K detail", "J K", "scroll the detail pane down / up", 11),
            new Key("tab pane", "tab", "show or hide the detail pane", 10),
            new Key("? help", "?", "this list of keys", 0),
            new Key("q quit", "q Esc", "leave the panel", 0));

    /** Every key, for the overlay: the hints' keys and those too small for the key line. */
    static final List<Key> ALL;

    static {
        List<Key> all = new ArrayList<>(HINTS.subList(0, 2));
        all.add(new Key("", "PgDn PgUp", "move a page down / up", 99));
        all.add(new Key("", "g G Home End", "go to the first / last revision", 99));
        all.add(new Key("", "Enter", "show the selected revision's SQL in the detail pane", 99));
        all.addAll(HINTS.subList(2, HINTS.size() - 2));
        all.add(new Key("", "Ctrl-L", "redraw the screen", 99));
        all.addAll(HINTS.subList(HINTS.size() - 2, HINTS.size()));
        ALL = List.copyOf(all);
    }

    static final String SEPARATOR = "  ";

    /**
     * The key line for a width: the hints that fit, most important first, shown in table
     * order and never cut; {@code ? help} and {@code q quit} are always among them (cut only
     * when the width cannot hold even those two).
     */
    static String keyLine(int width) {
        List<Key> byRank = new ArrayList<>(HINTS);
        byRank.sort(java.util.Comparator.comparingInt(Key::rank));
        List<Key> chosen = new ArrayList<>();
        int used = -SEPARATOR.length();
        for (Key k : byRank) {
            int cost = SEPARATOR.length() + k.hint().length();
            if (k.rank() != 0 && used + cost > width) {
                break; // strictly by importance: a less important hint never shows in place of a more important one
            }
            chosen.add(k);
            used += cost;
        }
        StringBuilder sb = new StringBuilder();
        for (Key k : HINTS) {
            if (chosen.contains(k)) {
                sb.append(sb.length() == 0 ? "" : SEPARATOR).append(k.hint());
            }
        }
        return sb.toString();
    }
}
