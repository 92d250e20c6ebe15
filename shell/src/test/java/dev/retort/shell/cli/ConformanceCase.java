package dev.retort.shell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One recorded Alembic case from {@code shared/conformance/cases}, built into a Retort project
 * exactly as {@code shared/tools/conformance.py} builds it, with the commands run through the
 * in-process CLI and compared by the rules of {@code compare.py} (ported here).
 */
final class ConformanceCase {

    static final String DATE = "2021-03-04 05:06:07.000000";
    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    final JsonNode root;

    ConformanceCase(Path file) {
        this.name = file.getFileName().toString().replace(".json", "");
        try {
            this.root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Locates {@code shared/conformance/cases} above the working directory, or null. */
    static Path casesDirectory() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolve("shared/conformance/cases");
            if (Files.isDirectory(c)) {
                return c;
            }
        }
        return null;
    }

    void buildProject(Path root) throws IOException {
        Path vdir = root.resolve("migrations/versions");
        Files.createDirectories(vdir);
        Files.writeString(root.resolve("retort.ini"), "[retort]\nscript_location = %(here)s/migrations\n"
                + "version_table = alembic_version\nurl = jdbc:sqlite:%(here)s/main.db\n");
        for (JsonNode r : this.root.path("graph").path("revisions")) {
            List<String> lines = new ArrayList<>();
            lines.add("-- " + r.path("message").asText());
            lines.add("--");
            lines.add("-- Revision ID: " + r.path("revision").asText());
            lines.add("-- Revises: " + String.join(", ", strings(r.path("down_revisions"))));
            lines.add("-- Create Date: " + DATE);
            if (!strings(r.path("branch_labels")).isEmpty()) {
                lines.add("-- Branch Labels: " + String.join(", ", strings(r.path("branch_labels"))));
            }
            if (!strings(r.path("depends_on")).isEmpty()) {
                lines.add("-- Depends On: " + String.join(", ", strings(r.path("depends_on"))));
            }
            String rev = r.path("revision").asText();
            lines.add("");
            lines.add("-- retort:upgrade");
            lines.add("CREATE TABLE IF NOT EXISTS t_" + rev + " (id INTEGER);");
            lines.add("");
            lines.add("-- retort:downgrade");
            lines.add("DROP TABLE IF EXISTS t_" + rev + ";");
            lines.add("");
            String file = r.path("filename").asText().replaceAll("\\.py$", ".sql");
            Files.writeString(vdir.resolve(file), String.join("\n", lines));
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Alembic env.py {@code -x} arguments mapped to Retort overrides; null when not applicable. */
    static List<String> mapArgv(List<String> argv, Path root, String[] db) {
        return mapArgv(argv, root, db, ConformanceBackend.SQLITE, "");
    }

    static List<String> mapArgv(List<String> argv, Path root, String[] db, ConformanceBackend backend, String caseName) {
        List<String> out = new ArrayList<>();
        db[0] = "main";
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("-x") && i + 1 < argv.size()) {
                String kv = argv.get(++i);
                String k = kv.contains("=") ? kv.substring(0, kv.indexOf('=')) : kv;
                String v = kv.contains("=") ? kv.substring(kv.indexOf('=') + 1) : "";
                if (k.equals("db")) {
                    db[0] = v;
                    out.add("-x");
                    out.add("url=" + backend.url(caseName, root, v));
                } else if (k.equals("dialect") && v.equals("postgresql")) {
                    out.add("-x");
                    out.add("url=postgresql://offline@localhost/offline");
                } else if (k.equals("tpm")) {
                    out.add("-x");
                    out.add("transaction_per_migration=true");
                }
                continue;
            }
            if (a.equals("--tag") || a.startsWith("--tag=")) {
                return null;
            }
            out.add(a);
        }
        return out;
    }

    /** The result of one command, in the case-file schema. */
    record Result(int exitCode, String stdout, String stderr, boolean stackTrace,
            boolean tableExists, List<String> rows, List<String> applied) {}

    private static final Pattern TRACE =
            Pattern.compile("(^\\s+at [\\w.$]+\\(|Exception in thread|^\\S+(Exception|Error): )", Pattern.MULTILINE);

    static Result run(List<String> argv, Path root, String db) {
        return run(argv, root, db, ConformanceBackend.SQLITE, "");
    }

    static Result run(List<String> argv, Path root, String db, ConformanceBackend backend, String caseName) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = new HashMap<>();
        env.put("NO_COLOR", "1");
        env.put("TZ", "UTC");
        env.put("RETORT_CONFIG", root.resolve("retort.ini").toString());
        int code;
        try (Session s = new Session(root, env, new PrintWriter(out), new PrintWriter(err), false)) {
            List<String> args = new ArrayList<>(List.of("-c", root.resolve("retort.ini").toString()));
            args.addAll(argv);
            code = new Cli(s, (session, options) -> 2).execute(args.toArray(String[]::new));
        }
        String o = out.toString().replace(root.toString(), "<PROJECT>");
        String e = err.toString().replace(root.toString(), "<PROJECT>");
        boolean trace = TRACE.matcher(e).find() || TRACE.matcher(o).find();
        int exit = code;
        if (code != 0 && code != 2) {
            String failed = null;
            for (String l : (e + "\n" + o).split("\n", -1)) {
                if (l.startsWith("FAILED:")) {
                    failed = l;
                    break;
                }
            }
            exit = failed != null ? 255 : 1;
            o = failed != null ? failed + "\n" : o;
        }
        ConformanceBackend.State state = db == null ? ConformanceBackend.State.NONE : backend.state(caseName, root, db);
        return new Result(exit, o, e, trace, state.tableExists(), state.rows(), state.applied());
    }

    // ---- compare.py's rules ------------------------------------------------------------

    private static final Pattern PAREN = Pattern.compile("\\(([^()]*,[^()]*)\\)");
    private static final Pattern CLASH =
            Pattern.compile("Branch name '(.*)' in revision (\\S+) already used by revision (\\S+)$");

    static String setLists(String line) {
        Matcher m = PAREN.matcher(line);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            TreeSet<String> items = new TreeSet<>();
            for (String x : m.group(1).split(",")) {
                items.add(x.strip());
            }
            m.appendReplacement(sb, Matcher.quoteReplacement("(" + String.join(", ", items) + ")"));
        }
        m.appendTail(sb);
        line = sb.toString();
        for (String prefix : List.of("Branches into: ", "Branch names: ")) {
            if (line.startsWith(prefix)) {
                TreeSet<String> items = new TreeSet<>();
                for (String x : line.substring(prefix.length()).split(",")) {
                    items.add(x.strip());
                }
                line = prefix + String.join(", ", items);
            }
        }
        return line;
    }

    static String canon(String line) {
        Matcher m = CLASH.matcher(line);
        if (m.find()) {
            String a = m.group(2);
            String b = m.group(3);
            if (a.compareTo(b) > 0) {
                String t = a;
                a = b;
                b = t;
            }
            line = line.substring(0, m.start()) + "Branch name '" + m.group(1) + "' in revision " + a
                    + " already used by revision " + b;
        }
        return setLists(line);
    }

    static List<String> normStdout(String stdout, String command, Boolean orderSignificant) {
        List<String> lines = new ArrayList<>();
        for (String x : stdout.split("\n", -1)) {
            lines.add(canon(x));
        }
        if (Boolean.FALSE.equals(orderSignificant)) {
            lines.sort(null);
            return lines;
        }
        if ("branches".equals(command)) {
            List<String> out = new ArrayList<>();
            List<String> block = new ArrayList<>();
            List<String> all = new ArrayList<>(lines);
            all.add("");
            for (String x : all) {
                if (x.stripLeading().startsWith("-> ")) {
                    block.add(x);
                } else {
                    block.sort(null);
                    out.addAll(block);
                    block.clear();
                    out.add(x);
                }
            }
            return out.subList(0, out.size() - 1);
        }
        return lines;
    }

    private static final Pattern INS = Pattern.compile("^INSERT INTO (\\S+) \\(version_num\\) VALUES \\('([^']*)'\\)");
    private static final Pattern UPD =
            Pattern.compile("^UPDATE (\\S+) SET version_num='([^']*)' WHERE \\S+\\.version_num = '([^']*)'");
    private static final Pattern DEL = Pattern.compile("^DELETE FROM (\\S+) WHERE \\S+\\.version_num = '([^']*)'");

    static List<Object> normOffline(String text) {
        List<Object> out = new ArrayList<>();
        String head = null;
        TreeSet<String> removed = new TreeSet<>();
        TreeSet<String> added = new TreeSet<>();
        List<String> other = new ArrayList<>();
        for (String u0 : text.split("\n\n")) {
            if (u0.isBlank()) {
                continue;
            }
            String u = u0.strip();
            if (u.startsWith("-- Running ")) {
                if (head != null) {
                    out.add(step(head, other, removed, added));
                }
                head = u;
                removed = new TreeSet<>();
                added = new TreeSet<>();
                other = new ArrayList<>();
                continue;
            }
            Matcher mi = INS.matcher(u);
            Matcher mu = UPD.matcher(u);
            Matcher md = DEL.matcher(u);
            if (head != null && mi.find()) {
                added.add(mi.group(2));
            } else if (head != null && mu.find()) {
                removed.add(mu.group(3));
                added.add(mu.group(2));
            } else if (head != null && md.find()) {
                removed.add(md.group(2));
            } else if (head == null) {
                out.add(canon(u));
            } else {
                other.add(u);
            }
        }
        if (head != null) {
            out.add(step(head, other, removed, added));
        }
        return out;
    }

    private static List<Object> step(String head, List<String> other, TreeSet<String> removed, TreeSet<String> added) {
        TreeSet<String> r = new TreeSet<>(removed);
        r.removeAll(added);
        TreeSet<String> a = new TreeSet<>(added);
        a.removeAll(removed);
        return List.of(canon(head), List.copyOf(other), List.copyOf(r), List.copyOf(a));
    }

    private static final Pattern VERSION_DDL =
            Pattern.compile("CREATE TABLE (\\S+\\.)?alembic_version \\(.*?\\n\\);", Pattern.DOTALL);

    static String versionDdl(String text) {
        return VERSION_DDL.matcher(text).replaceAll("CREATE TABLE alembic_version (...);");
    }

    static String dropDocstrings(String text) {
        if (!text.contains("\nPath: ") && !text.startsWith("Rev: ")) {
            return text;
        }
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n", -1)) {
            if (!l.startsWith("    ")) {
                out.add(l);
            }
        }
        return String.join("\n", out).replaceAll("\n{3,}", "\n\n");
    }

    static String normaliseSuccess(String stdout) {
        List<String> lines = new ArrayList<>();
        for (String l : stdout.split("\n", -1)) {
            if (l.matches("^    (Branch Labels|Depends On): .*")) {
                continue;
            }
            lines.add(l.replaceAll("(\\S+)\\.sql\\b", "$1.py"));
        }
        return String.join("\n", lines);
    }

    static String exitClass(int code) {
        return switch (code) {
            case 0 -> "ok";
            case 2 -> "usage";
            case 255 -> "command-error";
            case 1 -> "crash";
            default -> "other:" + code;
        };
    }
}
