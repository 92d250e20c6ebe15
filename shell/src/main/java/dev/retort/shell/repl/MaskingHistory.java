package dev.retort.shell.repl;

import dev.retort.engine.dialect.Urls;
import java.time.Instant;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * Command history that never holds a password: lines are masked ({@link Urls#maskText}) before they
 * are remembered, so neither the history file nor Up-arrow recall shows one.
 */
final class MaskingHistory extends DefaultHistory {

    @Override
    public void add(Instant time, String line) {
        super.add(time, Urls.maskText(line));
    }
}
