package dev.retort.engine;

import java.util.Collection;
import java.util.Optional;

/**
 * The nearest of some known words to a mistyped one, for "did you mean" hints: the smallest
 * optimal-string-alignment distance (a swap of neighbours counts once), accepted when it is at
 * most a third of the word (at least 1, at most 3), or a known word that starts with it.
 */
public final class Suggestions {
    private Suggestions() {}

    public static Optional<String> nearest(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String t = typed.toLowerCase(java.util.Locale.ROOT);
        for (String k : known) {
            int d = distance(t, k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        int limit = Math.max(1, Math.min(3, t.replaceFirst("^-+", "").length() / 3));
        if (best != null && bestDistance <= limit) {
            return Optional.of(best);
        }
        if (t.length() >= 2) {
            return known.stream().filter(k -> k.startsWith(t)).findFirst();
        }
        return Optional.empty();
    }

    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
