package dev.retort.shell.panel;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import org.jline.terminal.Size;
import org.jline.utils.NonBlockingReader;

/**
 * A Lanterna ANSI terminal on a JLine terminal's streams. Lanterna writes escape sequences to
 * JLine's output and decodes keys from JLine's reader, so that keys JLine had already read
 * ahead (typed while the {@code graph} command started) reach the panel, and keys typed
 * after the one that closes the panel ({@code q}) stay in JLine's reader for the REPL's next
 * {@code readLine}: the panel takes a character from JLine only when it is about to handle
 * it (see {@link DemandReader}). The size comes from JLine instead of a cursor-position query,
 * and resizes are announced by {@link #sizeChanged()} from JLine's WINCH handler. Closing it
 * closes nothing of JLine's.
 */
final class JLineTerminalAdapter extends ANSITerminal {
    private final org.jline.terminal.Terminal jline;
    private final DemandReader input;
    private final InputDecoder decoder;
    private boolean decoderBusy;

    JLineTerminalAdapter(org.jline.terminal.Terminal jline) {
        // Lanterna's own stream is never read: keys come from the decoder over JLine's reader
        super(new ByteArrayInputStream(new byte[0]), jline.output(), jline.encoding());
        this.jline = jline;
        this.input = new DemandReader(jline.reader());
        this.decoder = new InputDecoder(input);
        this.decoder.addProfile(() -> getInputDecoder().getPatterns());
    }

    @Override
    protected TerminalSize findTerminalSize() {
        Size s = jline.getSize();
        int cols = s.getColumns() > 0 ? s.getColumns() : 80;
        int rows = s.getRows() > 0 ? s.getRows() : 24;
        return new TerminalSize(cols, rows);
    }

    @Override
    public KeyStroke pollInput() throws IOException {
        if (!decoderBusy) {
            KeyStroke plain = plainKey(input.announced());
            if (plain != null) {
                input.read();
                return plain;
            }
        }
        KeyStroke key = decoder.getNextCharacter(false);
        decoderBusy = key != null;
        return key;
    }

    /**
     * The key of a character that starts no escape sequence, or null. Such keys are taken here,
     * one character each, because Lanterna's decoder reads ahead of a complete key when more is
     * typed, and would so hold the characters after {@code q} that belong to the REPL. After an
     * escape sequence the decoder is asked until it has nothing, so that keys keep their order
     * (a key typed in the same instant as an arrow key just before {@code q} may still be lost).
     */
    private static KeyStroke plainKey(int c) {
        if (c < 0 || c == 0x1b || c == 0x9b) {
            return null;
        }
        return switch (c) {
            case '\r', '\n' -> new KeyStroke(KeyType.Enter);
            case '\t' -> new KeyStroke(KeyType.Tab);
            case 0x7f, 0x08 -> new KeyStroke(KeyType.Backspace);
            default -> c >= 1 && c <= 26 ? new KeyStroke((char) ('a' + c - 1), true, false)
                    : c < 0x20 ? null : new KeyStroke((char) c, false, false);
        };
    }

    @Override
    public KeyStroke readInput() throws IOException {
        KeyStroke key;
        while ((key = decoder.getNextCharacter(false)) == null) {
            input.awaitAvailable();
        }
        return key;
    }

    /** Tells Lanterna (and so the panel) that the terminal has a new size. */
    void sizeChanged() {
        onResized(findTerminalSize());
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    /** Stops watching for keys, within one peek interval; what was not taken stays JLine's. */
    void stopInput() {
        input.stop();
    }

    /**
     * JLine's reader as Lanterna's key source, taking a character only on demand. A watcher
     * thread peeks (never reads) until JLine has a character and then says so through
     * {@link #ready()}, which Lanterna's non-blocking poll asks; the character is read from
     * JLine (instantly: it is buffered) only when Lanterna's decoder reads it, one at a time,
     * on the panel's thread. So the panel never holds characters it has not handled: after
     * {@code q} the rest stays in JLine's reader. Peeking with a timeout lets {@link #stop()}
     * end the watcher; it and the panel never use the reader at the same time (the watcher
     * waits while a character is announced and not yet taken). Not a timed read on each
     * poll, which has a 100 ms granularity on a system terminal.
     */
    static final class DemandReader extends Reader {
        private static final long PEEK_TIMEOUT_MILLIS = 50;
        private final NonBlockingReader reader;
        private final Thread watcher;
        private boolean available;
        private int peeked = -1;
        private boolean eof;
        private boolean stopped;

        DemandReader(NonBlockingReader reader) {
            this.reader = reader;
            watcher = new Thread(this::watch, "retort-panel-input");
            watcher.setDaemon(true);
            watcher.start();
        }

        private void watch() {
            try {
                while (true) {
                    synchronized (this) {
                        while (available && !stopped) {
                            wait();
                        }
                        if (stopped) {
                            return;
                        }
                    }
                    int c = reader.peek(PEEK_TIMEOUT_MILLIS);
                    if (c == NonBlockingReader.READ_EXPIRED) {
                        continue;
                    }
                    synchronized (this) {
                        available = true;
                        peeked = c;
                        eof = c < 0;
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                synchronized (this) {
                    available = true;
                    eof = true;
                    notifyAll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Waits a little for a character to be announced (for blocking reads). */
        synchronized void awaitAvailable() throws IOException {
            try {
                if (!available) {
                    wait(PEEK_TIMEOUT_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException();
            }
        }

        void stop() {
            synchronized (this) {
                stopped = true;
                notifyAll();
            }
            try {
                watcher.join(PEEK_TIMEOUT_MILLIS * 4);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The character announced and not yet read, or -1 (none, or end of input). */
        synchronized int announced() {
            return available && !eof ? peeked : -1;
        }

        @Override
        public synchronized boolean ready() {
            return available;
        }

        @Override
        public int read() throws IOException {
            synchronized (this) {
                while (!available) {
                    awaitAvailable();
                }
                if (eof) {
                    return -1;
                }
            }
            int c = reader.read(PEEK_TIMEOUT_MILLIS);
            synchronized (this) {
                available = false;
                notifyAll();
            }
            return c == NonBlockingReader.READ_EXPIRED ? read() : c;
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
            stop();
        }
    }
}
