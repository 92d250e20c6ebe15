import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.retort.shell.panel.GraphLayout;
import dev.retort.shell.panel.GraphModel;
import dev.retort.shell.panel.GraphPanel;
import dev.retort.shell.panel.LaneLayout;
import dev.retort.shell.panel.PanelActions;
import dev.retort.shell.panel.SampleGraphs;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Benchmarks of the graph panel (not a test; see run.sh):
 * 1. lane layout of a 10,000-revision history (goal: at most 200 ms);
 * 2. one scroll step (key j handled, frame drawn, changes written) on a 120x40 screen over
 *    that history (goal: at most 16 ms), on a virtual terminal and on an ANSI terminal
 *    writing real escape sequences to a sink.
 */
public final class PanelBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        GraphModel model = SampleGraphs.generated(n, 42);
        System.out.printf("history: %d revisions%n", model.size());

        long[] layout = new long[30];
        int width = 0;
        for (int i = 0; i < 20; i++) {
            width = LaneLayout.layout(model).maxWidth();
        }
        for (int i = 0; i < layout.length; i++) {
            long t0 = System.nanoTime();
            GraphLayout l = LaneLayout.layout(model);
            layout[i] = System.nanoTime() - t0;
            width = Math.max(width, l.maxWidth());
        }
        report("layout of " + n + " revisions (widest row " + width + " columns)", layout, 200);

        scroll("scroll step, virtual terminal 120x40", model, new DefaultVirtualTerminal(new TerminalSize(120, 40)), null);
        KeyQueue keys = new KeyQueue();
        Terminal ansi = new ANSITerminal(keys, OutputStream.nullOutputStream(), StandardCharsets.UTF_8) {
            @Override
            protected TerminalSize findTerminalSize() {
                return new TerminalSize(120, 40);
            }
        };
        scroll("scroll step, ANSI terminal 120x40 to a sink", model, ansi, keys);
    }

    private static void scroll(String what, GraphModel model, Terminal terminal, KeyQueue keys) throws Exception {
        GraphPanel panel = GraphPanel.builder().terminal(terminal).model(model).actions(NO_ACTIONS).build();
        panel.open();
        long[] steps = new long[4000];
        for (int i = 0; i < steps.length + 1000; i++) {
            char key = (i / 500) % 2 == 0 ? 'j' : 'k';
            long t0 = System.nanoTime();
            if (keys != null) {
                keys.type(key);
            } else {
                ((DefaultVirtualTerminal) terminal).addInput(new KeyStroke(key, false, false));
            }
            panel.processInput();
            long t = System.nanoTime() - t0;
            if (i >= 1000) {
                steps[i - 1000] = t;
            }
        }
        panel.close();
        report(what, steps, 16);
    }

    private static void report(String what, long[] nanos, double goalMillis) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        double median = s[s.length / 2] / 1e6;
        double p99 = s[(int) (s.length * 0.99)] / 1e6;
        double max = s[s.length - 1] / 1e6;
        System.out.printf("%-58s median %8.3f ms  p99 %8.3f ms  max %8.3f ms  goal <= %.0f ms: %s%n",
                what, median, p99, max, goalMillis, median <= goalMillis ? "met" : "MISSED");
    }

    /** Keys for the ANSI terminal: bytes handed to Lanterna's decoder as if typed. */
    static final class KeyQueue extends InputStream {
        private final LinkedBlockingQueue<Integer> bytes = new LinkedBlockingQueue<>();

        void type(char c) {
            bytes.add((int) c);
        }

        @Override
        public int read() throws java.io.IOException {
            try {
                return bytes.take();
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException();
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            if (len == 0) {
                return 0;
            }
            b[off] = (byte) read();
            int n = 1;
            Integer next;
            while (n < len && (next = bytes.poll()) != null) {
                b[off + n++] = (byte) (int) next;
            }
            return n;
        }

        @Override
        public int available() {
            return bytes.size();
        }
    }

    private static final PanelActions NO_ACTIONS = new PanelActions() {
        @Override
        public String detail(String id) {
            return "Rev: " + id + "\nPath: /env/versions/" + id + "_x.sql\n\n-- upgrade\nCREATE TABLE t (id INTEGER);\n";
        }

        @Override
        public Preview preview(Move move, String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public GraphModel merge(List<String> ids, String message) {
            throw new UnsupportedOperationException();
        }
    };
}
