package dev.retort.shell.panel;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import org.jline.terminal.Size;
import org.jline.utils.NonBlockingReader;

/**
 * A Lanterna ANSI terminal on a JLine terminal's streams. Lanterna writes escape sequences to
 * JLine's output and decodes keys from JLine's reader, so that keys JLine had already read
 * ahead (typed while the {@code graph} command started) reach the panel. The size comes
 * from JLine instead of a cursor-position query, and resizes are announced by
 * {@link #sizeChanged()} from JLine's WINCH handler. Closing it closes nothing of JLine's.
 */
final class JLineTerminalAdapter extends ANSITerminal {
    private final org.jline.terminal.Terminal jline;
    private final PumpInputStream input;

    JLineTerminalAdapter(org.jline.terminal.Terminal jline) {
        this(jline, new PumpInputStream(jline.reader(), jline.encoding()));
    }

    private JLineTerminalAdapter(org.jline.terminal.Terminal jline, PumpInputStream input) {
        super(input, jline.output(), jline.encoding());
        this.jline = jline;
        this.input = input;
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

    /** Stops reading keys for Lanterna, within one pump interval. */
    void stopInput() {
        input.stop();
    }

    /**
     * The terminal's keys as bytes, read from JLine's reader by a pump thread, so that keys
     * JLine had already read ahead come first and Lanterna's non-blocking poll can ask how
     * much is there. Not JLine's raw stream, which cannot say what is available, nor timed
     * peeks on the reader, which have a 100 ms granularity on a system terminal. The pump
     * reads with a timeout so that {@link #stop()} ends it: after the panel, JLine's reader
     * is JLine's alone again.
     */
    static final class PumpInputStream extends InputStream {
        private static final long PUMP_TIMEOUT_MILLIS = 50;
        private final java.util.concurrent.LinkedBlockingQueue<Integer> bytes =
                new java.util.concurrent.LinkedBlockingQueue<>();
        private final Thread pump;
        private volatile boolean stopped;

        PumpInputStream(NonBlockingReader reader, Charset charset) {
            CharsetEncoder encoder = charset.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            pump = new Thread(() -> pump(reader, encoder), "retort-panel-input");
            pump.setDaemon(true);
            pump.start();
        }

        private void pump(NonBlockingReader reader, CharsetEncoder encoder) {
            char[] pair = new char[2];
            try {
                while (!stopped) {
                    int c = reader.read(PUMP_TIMEOUT_MILLIS);
                    if (c == NonBlockingReader.READ_EXPIRED) {
                        continue;
                    }
                    if (c < 0) {
                        bytes.add(-1);
                        return;
                    }
                    int n = 1;
                    pair[0] = (char) c;
                    if (Character.isHighSurrogate(pair[0])) {
                        int low = reader.read(PUMP_TIMEOUT_MILLIS);
                        if (low >= 0) {
                            pair[n++] = (char) low;
                        }
                    }
                    ByteBuffer encoded = encoder.encode(CharBuffer.wrap(pair, 0, n));
                    while (encoded.hasRemaining()) {
                        bytes.add(encoded.get() & 0xFF);
                    }
                }
            } catch (IOException e) {
                bytes.add(-1);
            }
        }

        void stop() {
            stopped = true;
            try {
                pump.join(PUMP_TIMEOUT_MILLIS * 4);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public int read() throws IOException {
            try {
                int b = bytes.take();
                if (b < 0) {
                    bytes.add(-1);
                }
                return b;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException();
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int first = read();
            if (first < 0) {
                return -1;
            }
            b[off] = (byte) first;
            int n = 1;
            Integer next;
            while (n < len && (next = bytes.peek()) != null && next >= 0) {
                b[off + n++] = (byte) (int) bytes.poll();
            }
            return n;
        }

        @Override
        public int available() {
            return bytes.size();
        }
    }
}
