package dev.retort.shell.panel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.InputFlag;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
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
}
