package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import dev.retort.engine.db.Database;
import dev.retort.engine.lint.CatalogFacts;
import dev.retort.engine.lint.Finding;
import dev.retort.engine.lint.Level;
import dev.retort.engine.lint.LintReport;
import dev.retort.engine.lint.LiveCatalog;
import dev.retort.engine.lint.Rule;
import dev.retort.shell.json.LintView;
import dev.retort.engine.plan.Plan;
import dev.retort.engine.revision.RevisionMap;
import dev.retort.engine.revision.Step;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lint [RANGE] [--all] [--json]}: the findings of the database's pending steps (or of
 * the upgrade steps of RANGE, or of every revision), with table sizes from the catalog when
 * the database answers. Exit 1 when any finding not excused is at {@code error} level.
 */
@CommandHelp(group = CommandHelp.Group.INSPECT, examples = {
        "lint",
        "the database's pending steps: rules, locks and table sizes; exit 1 on an error",
        "lint --all --json",
        "every revision's upgrade, as JSON, for CI",
        "lint base:ae10",
        "the upgrade steps from base to ae10"})
@Command(name = "lint", description = "Lint pending steps (or RANGE, or --all): locks, table sizes, risky statements; exit 1 on an error.")
final class LintCommand extends ReportingCommand implements HelpSections {

    @Parameters(arity = "0..1", paramLabel = "RANGE",
            description = "[START:]END upgrade steps to lint (default: the database's pending steps).")
    String range;

    @Option(names = "--all", description = "Lint every revision's upgrade, from base to heads.")
    boolean all;

    @Override
    int run() {
        if (all && range != null) {
            throw usage("lint takes a RANGE or --all, not both");
        }
        RevisionMap map = map();
        Database db = null;
        List<String> start;
        List<Step> steps;
        String what;
        if (all || range != null) {
            String[] r = range == null ? new String[] {null, "heads"} : MoveCommand.range(range);
            String from = r == null ? null : r[0];
            String to = r == null ? range : r[1];
            start = map.startingHeads(from == null || from.isEmpty() ? null : from);
            steps = map.upgradeSteps(to, start);
            what = all ? "every revision" : range;
            db = databaseIfAny();
        } else {
            db = retort().database();
            start = retort().current();
            steps = map.upgradeSteps("heads", start);
            what = "pending steps of " + retort().databaseDisplay();
        }
        Plan plan = retort().plan(steps, start);
        LintReport report = Lints.linter(this, db == null ? CatalogFacts.NONE : new LiveCatalog(db)).lint(plan);
        LintView view = LintView.of(what, plan.steps().stream().map(st -> st.step().describe()).toList(), report);
        if (json && !report.hasErrors()) {
            report(view);
        } else if (!json) {
            print(report, plan, what);
        }
        if (report.hasErrors()) {
            long errors = count(report, Level.ERROR);
            throw failure(new RetortException(errors + " lint error(s): fix them, excuse them with "
                    + "'-- retort:lint-ignore RULE: reason', or lower their level in [lint]"), view);
        }
        return 0;
    }

    /** The database for table sizes, when the configuration names one that answers; else none. */
    private Database databaseIfAny() {
        try {
            var url = config().url();
            if (url.isEmpty()) {
                return null;
            }
            var parsed = dev.retort.engine.db.DatabaseUrl.parse(url.get(), session().environment());
            if (parsed instanceof dev.retort.engine.db.FileUrl f && f.file().map(p -> !java.nio.file.Files.exists(p)).orElse(false)) {
                return null; // linting never creates a database file
            }
            return retort().database();
        } catch (RetortException e) {
            return null;
        }
    }

    @Override
    public List<HelpSections.Section> helpSections() {
        List<String[]> rules = new java.util.ArrayList<>();
        for (Rule r : Rule.values()) {
            rules.add(new String[] {r.id() + " (" + r.defaultLevel().label() + (r.dialects().isEmpty() ? ""
                    : "; " + String.join(", ", new java.util.TreeSet<>(r.dialects()))) + ")", r.message() + ".",
                    "Why: " + r.why(), "Do instead: " + r.doInstead()});
        }
        List<String[]> config = List.of(
                new String[] {"[lint] rule-id = off|info|warning|error", "Changes a rule's level in retort.ini."},
                new String[] {"-- retort:lint-ignore rule-id: reason",
                        "On the line above a statement: excuses it from that rule; the reason is kept in the history row when it runs."});
        return List.of(new HelpSections.Section("Rules", rules), new HelpSections.Section("Configuring", config));
    }

    private static long count(LintReport r, Level level) {
        return r.findings().stream().filter(f -> f.level() == level && !f.isExcused()).count();
    }

    private void print(LintReport report, Plan plan, String what) {
        PrintWriter out = out();
        var styler = styler();
        for (Finding f : report.findings()) {
            String where = (f.script() == null ? f.revision() : f.script().getFileName().toString()) + ":" + f.line();
            out.println(where + ": " + styler.paint(Lints.role(f.level()), f.tag()) + ": " + f.message()
                    + (f.isExcused() ? " (excused: " + f.excused() + ")" : ""));
            out.println("    in " + f.step() + (f.statementIndex() < 0 ? ", " + f.section() + " section"
                    : ", statement " + (f.statementIndex() + 1)));
            out.println("    why: " + f.rule().why());
            out.println("    do instead: " + f.rule().doInstead());
        }
        long excused = report.findings().stream().filter(Finding::isExcused).count();
        out.println("Linted " + plan.steps().size() + " step(s) (" + what + "): " + count(report, Level.ERROR)
                + " error(s), " + count(report, Level.WARNING) + " warning(s), " + count(report, Level.INFO)
                + " info" + (excused > 0 ? ", " + excused + " excused" : ""));
    }
}
