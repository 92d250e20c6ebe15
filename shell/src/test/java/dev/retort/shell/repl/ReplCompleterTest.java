package dev.retort.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.shell.cli.Cli;
import dev.retort.shell.cli.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.reader.Candidate;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplCompleterTest {

    @TempDir
    Path dir;

    static CommandModel model() {
        Session session = new Session(Path.of("."), Map.of(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), true);
        return CommandModel.of(new Cli(session, (s, o) -> 0).commandLine());
    }

    private List<Candidate> complete(String line) {
        ReplCompleter completer = new ReplCompleter(model(), SampleGraph::index,
                () -> List.of("dark", "light", "high-contrast", "mono"), () -> dir);
        List<Candidate> out = new ArrayList<>();
        completer.complete(null, new DefaultParser().parse(line, line.length(), ParseContext.COMPLETE), out);
        return out;
    }

    private static List<String> values(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::value).toList();
    }

    private static Optional<Candidate> find(List<Candidate> candidates, String value) {
        return candidates.stream().filter(c -> c.value().equals(value)).findFirst();
    }

    @Test
    void commandsCompleteFromTheCliModelPlusTheShellsOwn() {
        List<String> all = values(complete(""));
        assertTrue(all.containsAll(List.of("upgrade", "downgrade", "history", "heads", "connect", "theme", "help", "exit")), all.toString());
        assertEquals(List.of("heads", "help", "history"), values(complete("h")).stream().sorted().toList());
    }

    @Test
    void aSharedFourCharPrefixOffersBothRevisionsDescribedByTheirMessages() {
        List<Candidate> c = complete("upgrade a1f3");
        assertEquals(List.of("a1f37be04c51", "a1f3c09e7b2d"), values(c));
        assertEquals("add inventory", c.get(0).descr());
        assertEquals("create customer table", c.get(1).descr());
    }

    @Test
    void headsCurrentAndBranchPointsAreMarkedInDescriptions() {
        assertEquals("(head) [shipping] add carriers", find(complete("show f05e8"), "f05e8a1c2b37").orElseThrow().descr());
        assertEquals("(current) (branchpoint) seed categories and backfill skus",
                find(complete("show 9d"), "9d0c6e3a21f7").orElseThrow().descr());
        assertEquals("(mergepoint) merge payments into main", find(complete("show d4"), "d4e1c7a92b5f").orElseThrow().descr());
    }

    @Test
    void labelsOfferThemselvesAndTheirHead() {
        assertEquals(List.of("payments", "payments@head"), values(complete("upgrade pay")));
        assertEquals(List.of("shipping@head", "shipping@base", "shipping@-1", "shipping@+1"), values(complete("upgrade shipping@")));
    }

    @Test
    void symbolsAndRelativeStepsAreOffered() {
        assertTrue(values(complete("upgrade ")).containsAll(List.of("heads", "head", "base", "+1", "-1")));
        assertTrue(values(complete("downgrade -")).contains("-1"));
        assertEquals(List.of("base"), values(complete("downgrade ba")));
    }

    @Test
    void rangesCompleteTheirEndAfterTheColon() {
        assertEquals(List.of("a1f3c:b26e0d4f8a31"), values(complete("history -r a1f3c:b2")));
    }

    @Test
    void optionsOfTheTypedCommandComplete() {
        List<String> v = values(complete("history --v"));
        assertTrue(v.contains("--verbose"), v.toString());
    }

    @Test
    void configFilesForDashCAreIniFilesAndDirectories() throws IOException {
        Files.writeString(dir.resolve("shop.ini"), "");
        Files.writeString(dir.resolve("notes.txt"), "");
        Files.createDirectory(dir.resolve("envs"));
        assertEquals(List.of("envs/", "shop.ini"), values(complete("-c ")).stream().sorted().toList());
        Files.writeString(dir.resolve("envs/prod.ini"), "");
        assertEquals(List.of("envs/prod.ini"), values(complete("-c envs/p")));
    }

    @Test
    void themeNamesCompleteForTheme() {
        assertEquals(List.of("high-contrast"), values(complete("theme hi")));
    }

    @Test
    void helpCompletesCliCommandsOnly() {
        assertEquals(List.of("history"), values(complete("help hi")));
    }
}
