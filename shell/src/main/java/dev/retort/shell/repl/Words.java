package dev.retort.shell.repl;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a typed line into words with their positions, the way the shell's parser does
 * (whitespace separates, single and double quotes group, backslash escapes), so the
 * highlighter can colour each word where it stands. An unterminated quote runs to the end.
 */
final class Words {
    private Words() {}

    /**
     * One word.
     *
     * @param start  offset of its first character (a quote, if quoted)
     * @param end    offset after its last character
     * @param text   the word with quotes and escapes removed
     * @param quoted whether any part of it was quoted
     */
    record Word(int start, int end, String text, boolean quoted) {}

    static List<Word> split(String line) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            StringBuilder text = new StringBuilder();
            boolean quoted = false;
            char quote = 0;
            while (i < n) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else if (c == '\\' && quote == '"' && i + 1 < n) {
                        text.append(line.charAt(++i));
                    } else {
                        text.append(c);
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                    quoted = true;
                } else if (c == '\\' && i + 1 < n) {
                    text.append(line.charAt(++i));
                } else if (Character.isWhitespace(c)) {
                    break;
                } else {
                    text.append(c);
                }
                i++;
            }
            words.add(new Word(start, i, text.toString(), quoted));
        }
        return words;
    }
}
