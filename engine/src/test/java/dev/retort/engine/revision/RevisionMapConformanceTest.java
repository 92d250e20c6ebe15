package dev.retort.engine.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retort.engine.RetortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the recorded Alembic cases of {@code shared/conformance/cases} at engine level: the
 * graph API of each case, every online sequence (steps from the current rows, applied through
 * {@link HeadMaintainer}, rows and applied revisions compared as sets after each command) and
 * every offline command (the {@code -- Running} step texts in order and each step's net
 * version-table change).
 *
 * <p>Each online command starts from the rows Alembic recorded after the previous command (in
 * their recorded storage order): which row of a merge Alembic UPDATEs comes from Python set
 * order, and it decides later {@code downgrade -1}s; starting from the recorded rows keeps one
 * such choice from spilling into the rest of a sequence, and lets a sequence go on after a
 * command where Alembic crashed (exit 1: any clear error, or a sensible result, is accepted).
 */
class RevisionMapConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Compared commands per category, printed after the run so the numbers are visible. */
    private static final Map<String, java.util.concurrent.atomic.AtomicInteger> COMPARED =
            new java.util.concurrent.ConcurrentSkipListMap<>();

    private static void count(String what) {
        COMPARED.computeIfAbsent(what, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
    }

    @org.junit.jupiter.api.AfterAll
    static void printSummary() {
        System.out.println("Conformance comparisons (passed): " + COMPARED);
    }
    private static final Pattern FAILED = Pattern.compile("(?m)^FAILED: (.*)$");
    private static final Pattern INSERT = Pattern.compile("INSERT INTO \\S+ \\(version_num\\) VALUES \\('([^']*)'\\)");
    private static final Pattern UPDATE = Pattern.compile(
            "UPDATE \\S+ SET version_num='([^']*)' WHERE \\S+\\.version_num = '([^']*)'");
    private static final Pattern DELETE = Pattern.compile("DELETE FROM \\S+ WHERE \\S+\\.version_num = '([^']*)'");

    static Path casesDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared/conformance/cases");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return null;
    }

    @TestFactory
    Stream<DynamicNode> recordedAlembicCases() throws IOException {
        Path dir = casesDir();
        if (dir == null) {
            String msg = "conformance cases not found (shared/conformance/cases above " + Path.of("").toAbsolutePath() + ")";
            if ("true".equals(System.getenv("CI"))) {
                fail(msg);
            }
            System.err.println("SKIPPED: " + msg);
            Assumptions.abort(msg);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        if (files.isEmpty()) {
            // a directory without cases would pass as "Tests run: 0"
            String msg = "no *.json conformance case in " + dir;
            if ("true".equals(System.getenv("CI"))) {
                fail(msg);
            }
            System.err.println("SKIPPED: " + msg);
            Assumptions.abort(msg);
        }
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path f : files) {
            nodes.add(caseNode(f));
        }
        return nodes.stream();
    }

    private DynamicNode caseNode(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        String name = file.getFileName().toString().replace(".json", "");
        List<Revision> revisions = loadOrder(root.get("graph"));
        RevisionMap map;
        RetortException loadError = null;
        try {
            map = RevisionMap.of(revisions);
        } catch (RetortException e) {
            map = null;
            loadError = e;
        }
        List<DynamicNode> tests = new ArrayList<>();
        final RevisionMap m = map;
        final RetortException err = loadError;
        tests.add(dynamicTest(name + " alembic_api", () -> checkApi(root.get("alembic_api"), m, err)));
        Map<String, List<JsonNode>> online = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode c : root.get("commands")) {
            String kind = c.get("kind").asText();
            final int n = index++;
            if (kind.startsWith("online:")) {
                online.computeIfAbsent(kind, k -> new ArrayList<>()).add(c);
            } else if (kind.equals("offline")) {
                tests.add(dynamicTest(name + " #" + n + " " + String.join(" ", argv(c)),
                        () -> checkOffline(c, m, err)));
            }
        }
        for (Map.Entry<String, List<JsonNode>> seq : online.entrySet()) {
            List<String> rows = new ArrayList<>();
            Set<String> applied = new TreeSet<>();
            for (JsonNode c : seq.getValue()) {
                final List<String> before = List.copyOf(rows);
                final Set<String> appliedBefore = Set.copyOf(applied);
                tests.add(dynamicTest(name + " " + seq.getKey() + " " + String.join(" ", argv(c)),
                        () -> checkOnline(c, m, err, before, appliedBefore)));
                rows = strings(c.get("version_rows"));
                applied = new TreeSet<>(strings(c.get("applied")));
            }
        }
        return dynamicContainer(name, tests);
    }

    static List<Revision> loadOrder(JsonNode graph) {
        Map<String, JsonNode> byFile = new HashMap<>();
        for (JsonNode r : graph.get("revisions")) {
            byFile.put(r.get("filename").asText(), r);
        }
        List<Revision> out = new ArrayList<>();
        for (JsonNode f : graph.get("file_order")) {
            JsonNode r = byFile.get(f.asText());
            out.add(new Revision(r.get("revision").asText(), strings(r.get("down_revisions")),
                    strings(r.get("depends_on")), strings(r.get("branch_labels")), r.get("message").asText(),
                    Path.of("/versions", f.asText().replaceAll("\\.py$", ".sql"))));
        }
        return out;
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    private static List<String> argv(JsonNode c) {
        return strings(c.get("argv"));
    }

    // ---------------------------------------------------------------- graph API

    private void checkApi(JsonNode api, RevisionMap map, RetortException loadError) {
        if (api.has("error")) {
            String error = api.get("error").asText();
            assertTrue(loadError != null, "expected the map to fail: " + error);
            if (!error.startsWith("KeyError")) {
                assertEquals(error.substring(error.indexOf(": ") + 2), loadError.getMessage());
            }
            count("api load errors");
            return;
        }
        if (loadError != null) {
            fail("map failed to load: " + loadError.getMessage());
        }
        count("api graphs");
        assertEquals(strings(api.get("heads")), ids(map.heads()), "heads");
        assertEquals(strings(api.get("real_heads")), ids(map.realHeads()), "real heads");
        assertEquals(strings(api.get("bases")), ids(map.bases()), "bases");
        assertEquals(strings(api.get("real_bases")), ids(map.realBases()), "real bases");
        assertEquals(strings(api.get("map_order")), ids(map.revisions()), "map order");
        assertEquals(strings(api.get("walk_revisions")), ids(map.walk("base", "heads")), "walk order");
        api.get("revisions").fields().forEachRemaining(e -> {
            Revision r = map.get(e.getKey()).orElseThrow();
            JsonNode x = e.getValue();
            String id = e.getKey() + " ";
            assertEquals(set(x.get("nextrev")), new TreeSet<>(ids(map.children(r))), id + "nextrev");
            assertEquals(set(x.get("all_nextrev")), new TreeSet<>(ids(map.allChildren(r))), id + "all_nextrev");
            assertEquals(set(x.get("branch_labels_effective")), map.branchLabels(r), id + "labels");
            assertEquals(set(x.get("resolved_dependencies")), new TreeSet<>(ids(map.dependencies(r))), id + "deps");
            assertEquals(set(x.get("normalized_dependencies")), new TreeSet<>(ids(map.normalizedDependencies(r))),
                    id + "normalized deps");
            assertEquals(x.get("is_head").asBoolean(), map.isHead(r), id + "is_head");
            assertEquals(x.get("is_real_head").asBoolean(), map.isRealHead(r), id + "is_real_head");
            assertEquals(x.get("is_base").asBoolean(), map.isBase(r), id + "is_base");
            assertEquals(x.get("is_real_base").asBoolean(), map.isRealBase(r), id + "is_real_base");
            assertEquals(x.get("is_branch_point").asBoolean(), map.isBranchPoint(r), id + "is_branch_point");
            assertEquals(x.get("is_real_branch_point").asBoolean(), map.isRealBranchPoint(r), id + "real bp");
            assertEquals(x.get("is_merge_point").asBoolean(), map.isMergePoint(r), id + "is_merge_point");
        });
    }

    private static Set<String> set(JsonNode node) {
        return new TreeSet<>(strings(node));
    }

    static List<String> ids(List<Revision> revs) {
        return revs.stream().map(Revision::id).toList();
    }

    // ---------------------------------------------------------------- commands

    /** A parsed upgrade/downgrade/stamp command line (global {@code -x k=v} dropped). */
    record Command(String name, List<String> positional, boolean sql, boolean purge) {
        static Command parse(List<String> argv) {
            String name = null;
            List<String> positional = new ArrayList<>();
            boolean sql = false;
            boolean purge = false;
            for (int i = 0; i < argv.size(); i++) {
                String a = argv.get(i);
                if (a.equals("-x") || a.equals("--tag")) {
                    i++;
                } else if (a.equals("--sql")) {
                    sql = true;
                } else if (a.equals("--purge")) {
                    purge = true;
                } else if (a.startsWith("-") && name == null) {
                    continue;
                } else if (name == null) {
                    name = a;
                } else {
                    positional.add(a);
                }
            }
            return new Command(name, positional, sql, purge);
        }
    }

    /** What the engine did for a command: steps and changes, or the error text. */
    record Outcome(String error, List<String> rows, Set<String> applied, List<String> texts,
            List<List<Set<String>>> netChanges) {}

    static Outcome run(RevisionMap map, Command cmd, List<String> rowsBefore, Set<String> appliedBefore) {
        List<String> rows = rowsBefore;
        Set<String> applied = new TreeSet<>(appliedBefore);
        List<String> texts = new ArrayList<>();
        List<List<Set<String>>> net = new ArrayList<>();
        try {
            List<Step> steps;
            String start = null;
            List<String> targets = new ArrayList<>();
            for (String p : cmd.positional()) {
                if (p.contains(":")) {
                    String[] parts = p.split(":", -1);
                    if (parts.length > 2) {
                        return failure("Range revision " + p + " has more than one ':'");
                    }
                    if (!cmd.sql()) {
                        return failure("Range revision not allowed");
                    }
                    if (start != null && !start.equals(parts[0]) && cmd.name().equals("stamp")) {
                        return failure("Stamp operation with --sql only supports a single starting revision at a time");
                    }
                    start = parts[0];
                    targets.add(parts[1]);
                } else {
                    targets.add(p);
                }
            }
            if (cmd.sql()) {
                if (cmd.name().equals("downgrade") && start == null) {
                    return failure("downgrade with --sql requires <fromrev>:<torev>");
                }
                if (cmd.purge()) {
                    return failure("Can't use --purge with --sql mode");
                }
                rows = start == null ? List.of() : map.startingHeads(start);
            } else if (cmd.purge()) {
                rows = List.of();
            }
            switch (cmd.name()) {
                case "upgrade" -> steps = map.upgradeSteps(targets.get(0), rows);
                case "downgrade" -> steps = map.downgradeSteps(targets.get(0), rows);
                default -> steps = map.stampSteps(targets, rows);
            }
            HeadMaintainer hm = new HeadMaintainer(map, rows, "alembic_version");
            for (Step step : steps) {
                texts.add(step.describe());
                net.add(net(hm.apply(step)));
                if (step instanceof Step.Migration m) {
                    if (m.upgrade()) {
                        applied.add(m.revision().id());
                    } else {
                        applied.remove(m.revision().id());
                    }
                }
            }
            return new Outcome(null, hm.heads(), applied, texts, net);
        } catch (RetortException e) {
            // Alembic's text is the first line; a hint line saying how to get out may follow
            return failure(e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static Outcome failure(String message) {
        return new Outcome(message, null, null, null, null);
    }

    /** Net effect of a step's version-table changes: {@code [removed, added]}. */
    static List<Set<String>> net(List<VersionChange> changes) {
        Set<String> removed = new TreeSet<>();
        Set<String> added = new TreeSet<>();
        for (VersionChange c : changes) {
            if (c instanceof VersionChange.Insert i) {
                added.add(i.revision());
            } else if (c instanceof VersionChange.Delete d) {
                removed.add(d.revision());
            } else if (c instanceof VersionChange.Update u) {
                removed.add(u.from());
                added.add(u.to());
            }
        }
        Set<String> both = new TreeSet<>(removed);
        both.retainAll(added);
        removed.removeAll(both);
        added.removeAll(both);
        return List.of(removed, added);
    }

    private static String failedText(JsonNode c) {
        Matcher m = FAILED.matcher(c.get("stdout").asText());
        return m.find() ? m.group(1) : null;
    }

    private void checkOnline(JsonNode c, RevisionMap map, RetortException loadError, List<String> rows,
            Set<String> applied) {
        int exit = c.get("exit_code").asInt();
        Command cmd = Command.parse(argv(c));
        boolean migrating = Set.of("upgrade", "downgrade", "stamp").contains(cmd.name());
        if (loadError != null) {
            if (migrating) {
                assertTrue(exit != 0, "Alembic succeeded where the map does not load: " + loadError.getMessage());
            }
            return;
        }
        if (cmd.name().equals("current") && exit == 0 && cmd.positional().isEmpty() && argv(c).size() == 3) {
            Set<String> expected = new TreeSet<>();
            for (String line : c.get("stdout").asText().split("\n")) {
                if (!line.isBlank()) {
                    expected.add(line.split(" ")[0]);
                }
            }
            assertEquals(expected, new TreeSet<>(ids(map.currentBranchHeads(rows))), "current");
            count("online current");
            return;
        }
        if (!migrating || exit == 2) {
            return; // read commands belong to the CLI's tests; argparse errors to the CLI
        }
        Outcome out = run(map, cmd, rows, applied);
        if (exit == 0) {
            assertEquals(null, out.error(), "Alembic succeeded");
            assertEquals(new TreeSet<>(strings(c.get("version_rows"))), new TreeSet<>(out.rows()), "version rows");
            assertEquals(new TreeSet<>(strings(c.get("applied"))), out.applied(), "applied");
            count("online success: rows+applied");
        } else if (exit == 255) {
            assertEquals(failedText(c), out.error(), "FAILED text");
            count("online FAILED text");
        } else {
            count("online Alembic crash: " + (out.error() == null ? "sensible result" : "clear error"));
        }
        // exit 1: Alembic crashed; a clear RetortException or a sensible result are both fine
    }

    private void checkOffline(JsonNode c, RevisionMap map, RetortException loadError) {
        int exit = c.get("exit_code").asInt();
        Command cmd = Command.parse(argv(c));
        if (!Set.of("upgrade", "downgrade", "stamp").contains(cmd.name()) || exit == 2) {
            return;
        }
        if (loadError != null) {
            assertTrue(exit != 0 || c.get("stdout").asText().isBlank(),
                    "Alembic produced SQL where the map does not load: " + loadError.getMessage());
            return;
        }
        Outcome out = run(map, cmd, List.of(), Set.of());
        if (exit == 255) {
            assertEquals(failedText(c), out.error(), "FAILED text");
            count("offline FAILED text");
            return;
        }
        if (exit != 0) {
            count("offline Alembic crash: " + (out.error() == null ? "sensible result" : "clear error"));
            return;
        }
        assertEquals(null, out.error(), "Alembic succeeded");
        List<String> texts = new ArrayList<>();
        List<List<Set<String>>> net = new ArrayList<>();
        String stdout = c.get("stdout").asText();
        String[] chunks = stdout.split("(?m)^-- Running ");
        for (int i = 1; i < chunks.length; i++) {
            String chunk = chunks[i];
            int nl = chunk.indexOf('\n');
            texts.add(nl < 0 ? chunk : chunk.substring(0, nl));
            List<VersionChange> changes = new ArrayList<>();
            for (String stmt : chunk.split("\n\n")) {
                Matcher m;
                if ((m = INSERT.matcher(stmt)).find()) {
                    changes.add(new VersionChange.Insert(m.group(1)));
                } else if ((m = UPDATE.matcher(stmt)).find()) {
                    changes.add(new VersionChange.Update(m.group(2), m.group(1)));
                } else if ((m = DELETE.matcher(stmt)).find()) {
                    changes.add(new VersionChange.Delete(m.group(1)));
                }
            }
            net.add(net(changes));
        }
        assertEquals(texts, out.texts(), "steps");
        assertEquals(net, out.netChanges(), "net version-table change per step");
        count("offline steps+changes");
    }

    static Set<String> linked(List<String> xs) {
        return new LinkedHashSet<>(xs);
    }
}
