package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.revision.RevisionMap;
import dev.retort.engine.script.ScriptDirectory;
import dev.retort.shell.highlight.SqlRoles;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** What every command has: the session, the global options, and the output. */
abstract class BaseCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand root;

    /** The name the command was run by, when {@link DirectLine} parsed the line (no annotation read then). */
    String typedName;

    Session session() {
        return root.session;
    }

    GlobalOptions options() {
        return root.options;
    }

    RetortConfig config() {
        return session().config(options());
    }

    ScriptDirectory scripts() {
        return retort().scripts();
    }

    RevisionMap map() {
        return retort().map();
    }

    /** The engine service of this environment (see {@link Session#retort}). */
    dev.retort.engine.Retort retort() {
        return session().retort(options());
    }

    PrintWriter out() {
        return session().out();
    }

    PrintWriter err() {
        return session().err();
    }

    /** The theme's styles for this command's output (plain unless colour is on). */
    dev.retort.themes.Styler styler() {
        return session().styler(options());
    }

    /** Whether this run prints JSON instead of text (see {@link ReportingCommand}). */
    boolean jsonRequested() {
        return false;
    }

    /** The command's name, as typed. */
    String name() {
        return typedName != null ? typedName : getClass().getAnnotation(picocli.CommandLine.Command.class).name();
    }

    /**
     * Prints SQL (offline scripts, plans), coloured by the dialect's own tokens when colour is
     * on, exactly as the shell and the panel colour it (see {@link SqlRoles}).
     */
    void printSql(String sql, dev.retort.engine.dialect.Dialect dialect) {
        dev.retort.themes.Styler styler = styler();
        out().print(styler.policy().enabled() ? SqlRoles.ansi(styler, dialect, sql) : sql);
    }

    /** A warning for the user, on standard error (Alembic's warnings go there too). */
    void warn(String message) {
        err().println(styler().paint(dev.retort.themes.Role.WARNING, "WARNING: " + message));
        err().flush();
    }

    /** A usage error (exit 2) found after parsing, e.g. an option that is not a revision. */
    static RetortException usage(String message) {
        return new RetortException(message, 2, null);
    }

    @Override
    public final Integer call() {
        return run();
    }

    abstract int run();
}
