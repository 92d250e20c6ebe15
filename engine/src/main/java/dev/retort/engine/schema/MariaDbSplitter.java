package dev.retort.engine.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a MariaDB schema script into statements: {@code ;} outside strings, comments and
 * {@code BEGIN ... END} bodies, and {@code DELIMITER} lines as the mysql client knows them.
 * A stop-gap for schema files until the MySQL family's splitter is the one home for this.
 */
final class MariaDbSplitter {
    private MariaDbSplitter() {}

    static List<String> split(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        String delimiter = ";";
        int depth = 0;
        int n = sql.length();
        int i = 0;
        String prevWord = "";
        while (i < n) {
            char c = sql.charAt(i);
            if ((i == 0 || sql.charAt(i - 1) == '\n') && sql.regionMatches(true, i, "DELIMITER ", 0, 10)) {
                int e = sql.indexOf('\n', i);
                e = e < 0 ? n : e;
                delimiter = sql.substring(i + 10, e).strip();
                i = e;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                int j = i + 1;
                while (j < n && sql.charAt(j) != c) {
                    j += sql.charAt(j) == '\\' ? 2 : 1;
                }
                cur.append(sql, i, Math.min(j + 1, n));
                i = j + 1;
                continue;
            }
            if ((c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') || c == '#') {
                int e = sql.indexOf('\n', i);
                i = e < 0 ? n : e;
                continue;
            }
            if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int e = sql.indexOf("*/", i + 2);
                i = e < 0 ? n : e + 2;
                continue;
            }
            if (Character.isLetter(c)) {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                    j++;
                }
                String w = sql.substring(i, j).toLowerCase(Locale.ROOT);
                if ((w.equals("begin") && !prevWord.equals("start")) || w.equals("case") && depth > 0) {
                    depth++;
                } else if (w.equals("end") && depth > 0) {
                    int k = j;
                    while (k < n && Character.isWhitespace(sql.charAt(k))) {
                        k++;
                    }
                    String next = sql.substring(k, Math.min(n, k + 6)).toLowerCase(Locale.ROOT);
                    if (!(next.startsWith("if") || next.startsWith("loop") || next.startsWith("while") || next.startsWith("repeat"))) {
                        depth--;
                    }
                }
                prevWord = w;
                cur.append(sql, i, j);
                i = j;
                continue;
            }
            if (sql.startsWith(delimiter, i) && (depth == 0 || !delimiter.equals(";"))) {
                String s = cur.toString().strip();
                if (!s.isEmpty()) {
                    out.add(s);
                }
                cur.setLength(0);
                depth = 0;
                i += delimiter.length();
                continue;
            }
            cur.append(c);
            i++;
        }
        String s = cur.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        return out;
    }
}
