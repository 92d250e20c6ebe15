package dev.retort.shell.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.retort.shell.TmuxPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newcomer's first minutes, as a person at a terminal has them, through the real
 * {@code ./retort} launcher and the jar this build packaged (so it runs in {@code verify},
 * after {@code package}): the shell opens on the sample, {@code heads} shows two heads, a
 * four-character prefix completes, {@code upgrade +1} shows its SQL and asks, {@code y}
 * applies it, {@code current} and the status line move, {@code theme light} changes the
 * colours, and Ctrl-D leaves with status 0 and the terminal as it was.
 */
class LauncherJourneyIT {

    @TempDir
    Path tmp;

    private final TmuxPane pane = new TmuxPane("retort-launcher");
    private Path launcher;

    @BeforeEach
    void start() throws Exception {
        boolean haveTmux = TmuxPane.available();
        if (!haveTmux && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("tmux is needed for the journey tests (.ci/run installs it)");
        }
        assumeTrue(haveTmux, "tmux is not installed: journey skipped");
        Path root = Path.of(System.getProperty("retort.root", "..")).toAbsolutePath().normalize();
        launcher = root.resolve("retort");
        assertTrue(Files.isExecutable(launcher), launcher + " is the README's first command");
        // the sample, as the README's first command opens it, but in a directory of its own
        Path sample = tmp.resolve("shop");
        TmuxPane.copyEnvironment(root.resolve("sample-env"), sample);
        Path script = tmp.resolve("run.sh");
        Files.writeString(script, "export TERM=xterm-256color LANG=C.UTF-8 HOME='" + tmp + "'\n"
                + "unset NO_COLOR RETORT_CONFIG CLICOLOR_FORCE\ncd '" + sample + "'\ntrap true INT\n"
                + "stty -a > '" + tmp.resolve("stty.before") + "'\n"
                + "'" + launcher + "'\necho \"shell exited $?\"\n"
                + "stty -a > '" + tmp.resolve("stty.after") + "'\nsleep 60\n");
        pane.start(120, 32, "sh " + script);
        pane.await("the first prompt on the sample", 90, s -> s.contains("retort shop (base)>"));
    }

    @AfterEach
    void stop() throws Exception {
        pane.close();
    }

    @Test
    void firstTenMinutes() throws Exception {
        pane.keys("heads", "Enter");
        pane.await("two heads", 20, s -> s.contains("b26e0d4f8a31 (payments) (head)") && s.contains("f05e8a1c2b37 (shipping) (head)"));

        pane.keys("show b26e", "Tab");
        pane.await("a 4-character prefix completed to its id", 20, s -> s.contains("show b26e0d4f8a31"));
        pane.keys("C-u");

        pane.await("the status line before", 20, s -> TmuxPane.lastLine(s).contains("heads base") && TmuxPane.lastLine(s).contains("20 pending"));
        pane.keys("upgrade +1", "Enter");
        pane.await("the SQL of the step", 20, s -> s.contains("CREATE TABLE customer") || TmuxPane.lastLine(s).contains("output"));
        if (TmuxPane.lastLine(pane.capture(false)).contains("output")) {
            pane.keys("q"); // long plans come in the pager
        }
        pane.await("the question", 20, s -> s.contains("Apply 1 step(s) to sqlite:///") && s.contains("? [y/N]"));
        pane.keys("y", "Enter");
        pane.await("the new prompt", 20, s -> s.contains("retort shop (a1f3c09e7b2d)>"));
        pane.await("the status line moved", 20, s -> TmuxPane.lastLine(s).contains("heads a1f3c09e7b2d") && TmuxPane.lastLine(s).contains("19 pending"));
        pane.keys("current", "Enter");
        pane.await("current agrees", 20, s -> s.lines().anyMatch(l -> l.strip().startsWith("a1f3c09e7b2d")
                && !l.contains(">")));

        String before = promptStyle(pane.capture(true));
        pane.keys("theme light", "Enter");
        pane.await("the theme switched", 20, s -> s.contains("theme light"));
        pane.await("the offer to remember it", 20, s -> s.contains("Use light from now on"));
        pane.keys("n", "Enter");
        // a person sees the prompt come back before leaving
        pane.await("the prompt after the answer", 20, s -> {
            int asked = s.lastIndexOf("Use light from now on");
            return asked >= 0 && s.indexOf("retort shop (a1f3c09e7b2d)>", asked) > 0;
        });
        String after = promptStyle(pane.capture(true));
        assertNotEquals(before, after, "the prompt is drawn in other colours under the light theme");

        pane.keys("C-d");
        pane.await("the shell gone, status 0", 20, s -> s.contains("shell exited 0"));
        pane.await("the terminal settings read again", 20, s -> Files.exists(tmp.resolve("stty.after")));
        Thread.sleep(200);
        String sttyBefore = Files.readString(tmp.resolve("stty.before"));
        String sttyAfter = Files.readString(tmp.resolve("stty.after"));
        assertEquals(modes(sttyBefore), modes(sttyAfter), "the terminal is as it was: echo, canonical mode, signals");
        assertFalse(modes(sttyAfter).contains("-icanon"), sttyAfter);
    }

    /** The local modes that a raw-mode program must give back (echo, icanon, isig, icrnl...). */
    private static String modes(String stty) {
        List<String> out = new ArrayList<>();
        for (String word : stty.split("\\s+")) {
            String w = word.replace(";", "");
            if (List.of("echo", "-echo", "icanon", "-icanon", "isig", "-isig", "icrnl", "-icrnl", "opost", "-opost",
                    "iexten", "-iexten").contains(w)) {
                out.add(w);
            }
        }
        return String.join(" ", out);
    }

    /** The escape sequences around the last prompt on the screen. */
    private static String promptStyle(String screenWithEscapes) {
        String last = "";
        for (String line : screenWithEscapes.split("\n")) {
            if (line.contains("retort") && line.contains(">")) {
                last = line;
            }
        }
        StringBuilder codes = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\u001b\\[[0-9;]*m").matcher(last);
        while (m.find()) {
            codes.append(m.group());
        }
        return codes.toString();
    }
}
