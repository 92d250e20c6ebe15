package dev.retort.engine.api;

import dev.retort.engine.RetortException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A run stopped: a statement failed, or it was cancelled (exit code 130). The failed step was
 * rolled back (the whole run, where the run was one transaction); {@link #committed()} says
 * what stayed. The message is one line: {@code Revision <id> (<file>:<line>) failed: <database
 * message>}; {@link #statement()} holds the SQL for verbose output.
 */
public final class MigrationFailedException extends RetortException {
    private static final long serialVersionUID = 1L;

    private final String revision;
    private final transient Path script;
    private final int line;
    private final String statement;
    private final String sqlState;
    private final transient RunResult committed;

    public MigrationFailedException(String message, int exitCode, Throwable cause, String revision, Path script,
            int line, String statement, String sqlState, RunResult committed) {
        super(message, exitCode, cause);
        this.revision = revision;
        this.script = script;
        this.line = line;
        this.statement = statement;
        this.sqlState = sqlState;
        this.committed = committed;
    }

    public String revision() {
        return revision;
    }

    public Optional<Path> script() {
        return Optional.ofNullable(script);
    }

    /** Line of the failing statement in the script, 0 when not a script statement. */
    public int line() {
        return line;
    }

    /** The failing SQL, or empty. */
    public Optional<String> statement() {
        return Optional.ofNullable(statement);
    }

    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    /** The steps that were committed before the failure, and the version-table rows after it. */
    public RunResult committed() {
        return committed;
    }

    public boolean cancelled() {
        return exitCode() == 130 || exitCode() == 129 || exitCode() == 143;
    }
}
