package dev.retort.shell.cli;

import picocli.CommandLine.Option;

/** What upgrade, downgrade and stamp share: offline SQL, dry runs, confirmation, JSON plans. */
abstract class MoveCommand extends ReportingCommand {

    @Option(names = "--sql", description = "Don't touch the database: print the SQL (offline mode; START:END ranges).")
    boolean sql;

    @Option(names = "--tag", paramLabel = "TAG", description = "Accepted for Alembic compatibility; Retort has no env.py to read it.")
    String tag;

    @Option(names = "--dry-run", description = "Plan from the database's real heads and print it; write nothing.")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "Apply without asking (the shell asks otherwise).")
    boolean yes;

    @Option(names = "--restart-step", description = "Run a step an earlier run left partly applied from its first"
            + " statement, instead of resuming after the statements that completed (its statements must be safe to repeat).")
    boolean restartStep;

    /** Splits Alembic's {@code start:end}; more than one colon is an error rather than a crash. */
    static String[] range(String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            return null;
        }
        if (value.indexOf(':', colon + 1) >= 0) {
            throw new dev.retort.engine.RetortException("Revision range '" + value + "' has more than one ':'; use <fromrev>:<torev>");
        }
        return new String[] {value.substring(0, colon), value.substring(colon + 1)};
    }
}
