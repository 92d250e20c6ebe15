package dev.retort.shell.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.InputFlag;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Terminal;
import org.jline.terminal.Size;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.NonBlockingReader;
import org.junit.jupiter.api.Test;

class JLineHandoverTest {

    @Test
    void panelModeIsRawWithoutSignalsButKeepsIcrnlForEnter() {
        Attributes cooked = new Attributes();
        cooked.setLocalFlags(EnumSet.of(LocalFlag.ICANON, LocalFlag.ECHO, LocalFlag.ISIG, LocalFlag.IEXTEN), true);
        cooked.setInputFlags(EnumSet.of(InputFlag.ICRNL, InputFlag.IXON), true);
        Attributes raw = JLineHandover.panelAttributes(cooked);
        assertFalse(raw.getLocalFlag(LocalFlag.ICANON));
        assertFalse(raw.getLocalFlag(LocalFlag.ECHO));
        assertFalse(raw.getLocalFlag(LocalFlag.ISIG), "Ctrl-C must reach the panel as a key");
        assertFalse(raw.getInputFlag(InputFlag.IXON), "Ctrl-S/Ctrl-Q too");
        assertTrue(raw.getInputFlag(InputFlag.ICRNL), "Lanterna reads Enter as \\n");
        assertTrue(cooked.getLocalFlag(LocalFlag.ISIG), "the saved attributes are untouched");
    }

    @Test
    void aDumbTerminalIsRefusedBeforeAnythingChanges() throws Exception {
        try (Terminal dumb = new DumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())) {
            assertFalse(JLineHandover.canShowPanel(dumb));
            boolean[] hidden = {false};
            JLineHandover.ReplDisplay display = new JLineHandover.ReplDisplay() {
                @Override
                public void hide() {
                    hidden[0] = true;
                }

                @Override
                public void show() {}
            };
            GraphModel m = SampleGraphs.showcase();
            assertThrows(IllegalStateException.class, () -> JLineHandover.run(dumb, display,
                    GraphPanel.builder().model(m).actions(new FakeActions(m))));
            assertFalse(hidden[0]);
        }
    }

    @Test
    void asciiWhenTheTerminalCannotShowBoxDrawing() {
        assertSame(Glyphs.ASCII, Glyphs.forTerminal(StandardCharsets.US_ASCII, "xterm-256color", null));
        assertSame(Glyphs.ASCII, Glyphs.forTerminal(StandardCharsets.UTF_8, "linux", null));
        assertSame(Glyphs.ASCII, Glyphs.forTerminal(StandardCharsets.UTF_8, "xterm", "1"));
        assertSame(Glyphs.UNICODE, Glyphs.forTerminal(StandardCharsets.UTF_8, "tmux-256color", null));
    }

    /**
     * On a system terminal JLine's reader rewrites the terminal's attributes on its first timed
     * read, from what it reads back then: the panel's input must not touch the reader before
     * the terminal is raw, or the cooked attributes can come back under the panel (keys echoed
     * and held until Enter). Here the terminal records what its attributes were whenever its
     * reader was asked for or read.
     */
    @Test
    void theTerminalIsRawBeforeThePanelTouchesItsReader() throws Exception {
        List<String> cookedWhen = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> reads = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (DumbTerminal jline = new DumbTerminal("test", "xterm-256color",
                new ByteArrayInputStream("jq".getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(),
                StandardCharsets.UTF_8) {
            private NonBlockingReader watched;

            @Override
            public NonBlockingReader reader() {
                note("reader()");
                if (watched == null) {
                    NonBlockingReader real = super.reader();
                    watched = new NonBlockingReader() {
                        @Override
                        protected int read(long timeout, boolean isPeek) throws java.io.IOException {
                            note("read");
                            reads.add("read");
                            return isPeek ? real.peek(timeout) : real.read(timeout);
                        }

                        @Override
                        public int readBuffered(char[] b, int off, int len, long timeout) throws java.io.IOException {
                            note("read");
                            return real.readBuffered(b, off, len, timeout);
                        }
                    };
                }
                return watched;
            }

            private void note(String what) {
                if (getAttributes().getLocalFlag(LocalFlag.ICANON)) {
                    cookedWhen.add(what);
                }
            }
        }) {
            jline.setSize(new Size(100, 30));
            Attributes cooked = jline.getAttributes();
            cooked.setLocalFlag(LocalFlag.ICANON, true);
            cooked.setLocalFlag(LocalFlag.ECHO, true);
            jline.setAttributes(cooked);
            GraphModel m = SampleGraphs.showcase();
            JLineHandover.run(jline, JLineHandover.ReplDisplay.NONE, GraphPanel.builder().model(m).actions(new FakeActions(m)));
            assertFalse(reads.isEmpty(), "the panel read its keys through the terminal's reader");
            assertEquals(List.of(), cookedWhen, "the reader was used while the terminal was still cooked");
            assertTrue(jline.getAttributes().getLocalFlag(LocalFlag.ICANON), "cooked again afterwards");
        }
    }
}
