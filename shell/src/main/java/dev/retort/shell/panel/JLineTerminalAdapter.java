package dev.retort.shell.panel;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.util.concurrent.LinkedBlockingDeque;
import org.jline.terminal.Size;
import org.jline.utils.NonBlockingReader;

/**
 * A Lanterna ANSI terminal on a JLine terminal's streams. Lanterna writes escape sequences to
 * JLine's output and decodes keys from JLine's reader, so that keys JLine had already read
 * ahead (typed while the {@code graph} command started) reach the panel. Keys are decoded one
 * character at a time from a {@link KeyQueue}, never read ahead of the key being decoded, so
 * that whatever was typed after the key that closed the panel is still in the queue when the
 * panel closes and {@link #stopInput()} hands it back. The size comes from JLine instead of a
 * cursor-position query, and resizes are announced by {@link #sizeChanged()} from JLine's
 * WINCH handler. Closing it closes nothing of JLine's.
 */
final class JLineTerminalAdapter extends ANSITerminal {
    private final org.jline.terminal.Terminal jline;
    private final KeyQueue input;
    private final InputDecoder decoder;

    JLineTerminalAdapter(org.jline.terminal.Terminal jline) {
        // Lanterna's own input stream is never read: keys come from the decoder below, whose
        // reader (unlike the InputStreamReader Lanterna puts on a stream) reads no further ahead
        super(new ByteArrayInputStream(new byte[0]), jline.output(), jline.encoding());
        this.jline = jline;
        this.input = new KeyQueue(jline.reader());
        this.decoder = new InputDecoder(input);
        this.decoder.addProfile(() -> getInputDecoder().getPatterns());
    }

    @Override
    public KeyStroke pollInput() throws IOException {
        return decoder.getNextCharacter(false);
    }

    @Override
    public KeyStroke readInput() throws IOException {
        return decoder.getNextCharacter(true);
    }

    @Override
    protected TerminalSize findTerminalSize() {
        Size s = jline.getSize();
        int cols = s.getColumns() > 0 ? s.getColumns() : 80;
        int rows = s.getRows() > 0 ? s.getRows() : 24;
        return new TerminalSize(cols, rows);
    }

    /** Tells Lanterna (and so the panel) that the terminal has a new size. */
    void sizeChanged() {
        onResized(findTerminalSize());
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    /**
     * Stops reading keys for Lanterna, within one pump interval, and returns what was read
     * from JLine and not decoded: the keys typed after the one that closed the panel, in order.
     */
    String stopInput() {
        return input.stop();
    }

    /**
     * The terminal's keys as characters, read from JLine's reader by a pump thread into a queue,
     * so that keys JLine had already read ahead come first and Lanterna's non-blocking poll can
     * ask whether a key is there ({@link #ready()}). Not JLine's raw stream, which cannot say
     * what is available, nor timed peeks on the reader, which have a 100 ms granularity on a
     * system terminal. A read returns one character, so the decoder's buffer never holds more
     * than the key it is decoding. The pump reads with a timeout so that {@link #stop()} ends
     * it; after that JLine's reader is JLine's alone again, and what the queue still holds is
     * returned for the REPL.
     */
    static final class KeyQueue extends Reader {
        private static final long PUMP_TIMEOUT_MILLIS = 50;
        private static final int EOF = -1;
        private final LinkedBlockingDeque<Integer> chars = new LinkedBlockingDeque<>();
        private final Thread pump;
        private volatile boolean stopped;

        KeyQueue(NonBlockingReader reader) {
            pump = new Thread(() -> pump(reader), "retort-panel-input");
            pump.setDaemon(true);
            pump.start();
        }

        private void pump(NonBlockingReader reader) {
            try {
                while (!stopped) {
                    int c = reader.read(PUMP_TIMEOUT_MILLIS);
                    if (c == NonBlockingReader.READ_EXPIRED) {
                        continue;
                    }
                    chars.add(c < 0 ? EOF : c);
                    if (c < 0) {
                        return;
                    }
                }
            } catch (IOException e) {
                chars.add(EOF);
            }
        }

        /** Ends the pump and returns the characters read and not taken (end of input left out). */
        String stop() {
            stopped = true;
            try {
                // every character the pump read is queued before it looks at the flag again
                pump.join(PUMP_TIMEOUT_MILLIS * 40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            StringBuilder rest = new StringBuilder();
            for (Integer c; (c = chars.poll()) != null; ) {
                if (c != EOF) {
                    rest.append((char) (int) c);
                }
            }
            return rest.toString();
        }

        @Override
        public boolean ready() {
            return !chars.isEmpty();
        }

        @Override
        public int read() throws IOException {
            try {
                int c = chars.take();
                if (c == EOF) {
                    chars.addFirst(EOF);
                }
                return c;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            }
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int c = read();
            if (c < 0) {
                return -1;
            }
            buf[off] = (char) c;
            return 1;
        }

        @Override
        public void close() {
            // JLine's reader stays open; stop() ends the pump
        }
    }
}
