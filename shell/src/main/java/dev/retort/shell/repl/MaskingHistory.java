package dev.retort.shell.repl;

import dev.retort.engine.dialect.Urls;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * Command history that never holds a password: lines are masked before they are remembered,
 * so neither the history file nor Up-arrow recall shows one. Masking goes word by word, as the
 * shell splits the line ({@link Words}), so a quoted URL whose password holds a space, a
 * slash, {@code ?} or {@code #} is masked whole, then once more over the whole line
 * ({@link Urls#maskText}) for anything the words missed.
 */
final class MaskingHistory extends DefaultHistory {

    @Override
    public void add(Instant time, String line) {
        super.add(time, mask(line));
    }

    /** {@code line} with every password replaced by {@code ***}. */
    static String mask(String line) {
        List<Words.Word> words = Words.split(line);
        StringBuilder out = new StringBuilder(line.length());
        int last = 0;
        for (Words.Word w : words) {
            String masked = maskWord(w.text());
            if (!masked.equals(w.text())) {
                out.append(line, last, w.start());
                out.append(masked.chars().anyMatch(Character::isWhitespace) ? "'" + masked + "'" : masked);
                last = w.end();
            }
        }
        out.append(line.substring(last));
        return Urls.maskText(out.toString());
    }

    private static String maskWord(String word) {
        String masked = word;
        if (word.contains("://") || word.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            int eq = word.indexOf('=');
            int scheme = word.indexOf(':');
            // --url=..., -x url=...: keep what precedes the URL
            if (eq > 0 && eq < scheme) {
                masked = word.substring(0, eq + 1) + Urls.mask(word.substring(eq + 1));
            } else {
                masked = Urls.mask(word);
            }
        }
        String lower = masked.toLowerCase(Locale.ROOT);
        int p = lower.indexOf("password=");
        if (p >= 0) {
            // password=... to the end of the word, or of the query parameter
            int from = p + "password=".length();
            int amp = masked.indexOf('&', from);
            masked = masked.substring(0, from) + "***" + (amp < 0 ? "" : masked.substring(amp));
        }
        return masked;
    }
}
