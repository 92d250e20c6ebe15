package dev.retort.engine.lint;

import java.util.Locale;

/**
 * A table's size as the catalog tells it.
 *
 * @param rows   row count (an estimate unless {@code exact}), or -1 when unknown
 * @param bytes  on-disk size including indexes and TOAST, or -1 when the catalog does not say
 * @param exact  true when {@code rows} was counted, not estimated
 */
public record TableSize(long rows, long bytes, boolean exact) {

    /** {@code ≈ 2.3 M rows, 410 MB}; {@code 12 rows} when counted. */
    public String describe() {
        if (rows < 0) {
            return bytes < 0 ? "size unknown" : bytes(bytes) + ", never analysed";
        }
        String r = (exact ? "" : "≈ ") + count(rows) + " rows";
        return bytes < 0 ? r : r + ", " + bytes(bytes);
    }

    static String count(long n) {
        if (n < 1_000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return one(n / 1e3) + " k";
        }
        if (n < 1_000_000_000) {
            return one(n / 1e6) + " M";
        }
        return one(n / 1e9) + " G";
    }

    static String bytes(long b) {
        if (b < 1024) {
            return b + " bytes";
        }
        if (b < 1024L * 1024) {
            return Math.round(b / 1024.0) + " kB";
        }
        if (b < 1024L * 1024 * 1024) {
            return Math.round(b / (1024.0 * 1024)) + " MB";
        }
        return one(b / (1024.0 * 1024 * 1024)) + " GB";
    }

    private static String one(double v) {
        return v >= 100 ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.1f", v);
    }
}
