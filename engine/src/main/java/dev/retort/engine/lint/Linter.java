package dev.retort.engine.lint;

import dev.retort.engine.RetortException;
import dev.retort.engine.db.DatabaseFamilies;
import dev.retort.engine.db.DatabaseFamily;
import dev.retort.engine.db.LockModel;
import dev.retort.engine.db.TableName;
import dev.retort.engine.dialect.Statement;
import dev.retort.engine.plan.Plan;
import dev.retort.engine.plan.PlannedStep;
import dev.retort.engine.plan.SectionSource;
import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.Step;
import dev.retort.engine.script.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lints a {@link Plan}: every statement of every migration step, classified from the engine
 * lexer's tokens for the plan's dialect, checked against the {@link Rule}s, with the facts of
 * the live database when there is one. The same plan always gives the same report, so every
 * preview (shell plan, panel, {@code --dry-run}, {@code --sql}, {@code lint}) shows the same
 * findings. Cheap to create; not thread-safe (it caches table sizes for one report).
 */
public final class Linter {

    /** {@code -- retort:lint-ignore rule-a, rule-b: reason}. */
    static final Pattern IGNORE = Pattern.compile("--\\s*retort:lint-ignore\\s+([a-z0-9, -]+?)\\s*(?::\\s*(.*))?");

    /** Below this many rows an UPDATE without WHERE is not a "large" data migration. */
    static final long LARGE_TABLE_ROWS = 10_000;

    private final LintSettings settings;
    private final CatalogFacts catalog;
    private final SectionSource sections;
    private final Map<String, Optional<TableSize>> sizes = new HashMap<>();

    /**
     * @param sections where the downgrade section of each revision is found (for
     *                 {@link Rule#EMPTY_DOWNGRADE}); {@code (r, up, d) -> Optional.empty()} to skip
     */
    public Linter(LintSettings settings, CatalogFacts catalog, SectionSource sections) {
        this.settings = settings;
        this.catalog = catalog;
        this.sections = sections;
    }

    public LintReport lint(Plan plan) {
        String dialect = plan.dialect().name();
        LockModel model = DatabaseFamilies.named(dialect).map(DatabaseFamily::lockModel).orElse(null);
        List<Finding> findings = new ArrayList<>();
        Map<Integer, Map<Integer, StatementFacts>> facts = new LinkedHashMap<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            PlannedStep ps = plan.steps().get(i);
            if (!(ps.step() instanceof Step.Migration m)) {
                continue;
            }
            Revision r = m.revision();
            String section = (m.upgrade() ? "upgrade" : "downgrade") + " " + dialect;
            List<String> lines = null; // the script's lines, read only when a rule fires (lint-ignore comments)
            List<Shape> shapes = new ArrayList<>();
            Map<String, Shape> indexesBuilt = new HashMap<>();
            for (Statement st : ps.statements()) {
                Shape s = Shape.of(dialect, st);
                if (s.kind() == Shape.StatementKind.CREATE_INDEX && s.index() != null) {
                    indexesBuilt.put(s.index(), s);
                }
                shapes.add(s.kind() == Shape.StatementKind.DROP_INDEX && s.table() == null ? withTable(s, indexesBuilt) : s);
            }
            sections.section(r, false, dialect).ifPresent(down -> {
                boolean upgradeDoesSomething = sections.section(r, true, dialect)
                        .map(up -> !split(plan, up).isEmpty()).orElse(false);
                if (upgradeDoesSomething && split(plan, down).isEmpty()) {
                    add(findings, Rule.EMPTY_DOWNGRADE, false, null, planIndex(plan, ps), ps, r,
                            "downgrade " + dialect, -1, down.firstLine(), excusesIn(down));
                }
            });
            Checks checks = new Checks(model, ps.noTransaction(), shapes);
            for (int k = 0; k < shapes.size(); k++) {
                Shape s = shapes.get(k);
                Statement st = ps.statements().get(k);
                boolean existing = checks.existing(s);
                StatementFacts f = existing ? facts(model, s) : null;
                if (f != null) {
                    facts.computeIfAbsent(i, x -> new LinkedHashMap<>()).put(k, f);
                }
                List<Rule> rules = checks.check(k);
                if (rules.isEmpty()) {
                    continue;
                }
                if (lines == null) {
                    lines = lines(ps.script());
                }
                Map<String, String> excuses = excusesAbove(lines, st.line());
                for (Rule rule : rules) {
                    if (rule == Rule.UNBOUNDED_UPDATE && f != null && f.size() != null
                            && f.size().rows() >= 0 && f.size().rows() < LARGE_TABLE_ROWS) {
                        continue;
                    }
                    add(findings, rule, !m.upgrade(), f == null ? null : f.describe(), i, ps, r, section, k,
                            st.line(), excuses);
                }
            }
        }
        return new LintReport(findings, facts);
    }

    private static int planIndex(Plan plan, PlannedStep ps) {
        return plan.steps().indexOf(ps);
    }

    private static List<Statement> split(Plan plan, Section s) {
        try {
            return plan.dialect().split(s.sql(), s.firstLine());
        } catch (RetortException e) {
            return List.of(new Statement("?", s.firstLine())); // unreadable is not empty; the planner reports it
        }
    }

    private void add(List<Finding> out, Rule rule, boolean downgrade, String facts, int step, PlannedStep ps,
            Revision r, String section, int statement, int line, Map<String, String> excuses) {
        if (!rule.appliesTo(r == null ? "" : dialectOf(section))) {
            return;
        }
        Optional<Level> level = settings.level(rule);
        if (level.isEmpty()) {
            return;
        }
        Level l = level.get();
        if (downgrade && (rule == Rule.DROP_TABLE || rule == Rule.DROP_COLUMN)) {
            l = Level.INFO; // undoing an upgrade drops what it made: worth saying, not worth failing CI
        }
        out.add(new Finding(rule, l, facts, step, ps.step().describe(), r.id(), section, statement, line,
                ps.script(), excuses.get(rule.id())));
    }

    private static String dialectOf(String section) {
        return section.substring(section.indexOf(' ') + 1);
    }

    /**
     * A {@code DROP INDEX} with the index's table: built earlier in the section, else as the
     * catalog knows it; unchanged when neither does (offline, or no such index).
     */
    private Shape withTable(Shape s, Map<String, Shape> indexesBuilt) {
        Shape built = indexesBuilt.get(s.index());
        if (built != null && built.table() != null) {
            return s.onTable(built.schema(), built.table());
        }
        Optional<TableName> t;
        try {
            t = catalog.indexTable(s.schema(), s.index());
        } catch (RuntimeException e) {
            t = Optional.empty(); // facts help; they never fail a lint
        }
        return t.map(n -> s.onTable(n.schema(), n.name())).orElse(s);
    }

    private StatementFacts facts(LockModel model, Shape s) {
        String lock = Locks.lock(model, s);
        if (lock == null) {
            return null;
        }
        if (s.table() == null) { // DROP INDEX of an index whose table nobody could say
            String index = (s.schema() == null ? "" : s.schema() + ".") + s.index();
            return new StatementFacts(lock, "the table of index " + index, null, Locks.rewrites(model, s));
        }
        String key = (s.schema() == null ? "" : s.schema() + ".") + s.table();
        Optional<TableSize> size = sizes.computeIfAbsent(key, x -> {
            try {
                return catalog.size(s.schema(), s.table());
            } catch (RuntimeException e) {
                return Optional.empty(); // facts help; they never fail a lint
            }
        });
        return new StatementFacts(lock, key, size.orElse(null), Locks.rewrites(model, s));
    }

    private static List<String> lines(Path script) {
        if (script == null) {
            return List.of();
        }
        try {
            return Files.readAllLines(script);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The {@code lint-ignore} comments in the run of comment lines right above {@code line}. */
    static Map<String, String> excusesAbove(List<String> lines, int line) {
        Map<String, String> out = new HashMap<>();
        for (int j = line - 2; j >= 0 && j < lines.size(); j--) {
            String s = lines.get(j).strip();
            if (!s.startsWith("--")) {
                break;
            }
            excuse(s, out);
        }
        return out;
    }

    private static Map<String, String> excusesIn(Section s) {
        Map<String, String> out = new HashMap<>();
        for (String l : s.sql().split("\n")) {
            excuse(l.strip(), out);
        }
        return out;
    }

    private static void excuse(String line, Map<String, String> out) {
        Matcher m = IGNORE.matcher(line);
        if (m.matches()) {
            String reason = m.group(2) == null || m.group(2).isBlank() ? "no reason given" : m.group(2).strip();
            for (String id : m.group(1).split(",")) {
                if (!id.isBlank()) {
                    out.putIfAbsent(id.strip(), reason);
                }
            }
        }
    }
}
