package dev.retort.engine.script;

import java.util.ArrayList;
import java.util.List;

/** Python's {@code shlex.split(s)} in POSIX mode (no comments), for hook options. */
final class Shlex {

    private Shlex() {}

    /** @throws IllegalArgumentException with Python's text for an unclosed quote or escape */
    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean inToken = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inToken) {
                    out.add(token.toString());
                    token.setLength(0);
                    inToken = false;
                }
                i++;
            } else if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("No closing quotation");
                }
                token.append(s, i + 1, end);
                inToken = true;
                i = end + 1;
            } else if (c == '"') {
                inToken = true;
                i++;
                boolean closed = false;
                while (i < s.length()) {
                    char d = s.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < s.length() && "\\\"$`\n".indexOf(s.charAt(i + 1)) >= 0) {
                        token.append(s.charAt(i + 1));
                        i += 2;
                    } else {
                        token.append(d);
                        i++;
                    }
                }
                if (!closed) {
                    throw new IllegalArgumentException("No closing quotation");
                }
            } else if (c == '\\') {
                if (i + 1 >= s.length()) {
                    throw new IllegalArgumentException("No escaped character");
                }
                token.append(s.charAt(i + 1));
                inToken = true;
                i += 2;
            } else {
                token.append(c);
                inToken = true;
                i++;
            }
        }
        if (inToken) {
            out.add(token.toString());
        }
        return out;
    }
}
