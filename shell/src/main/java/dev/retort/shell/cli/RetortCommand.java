package dev.retort.shell.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The top-level {@code retort} command: global options; with no command it opens the shell. */
@Command(name = "retort", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Schema migrations with Alembic's revision graph: branches, merges, labels, "
                + "dependencies, offline SQL.")
public final class RetortCommand implements Callable<Integer> {

    /**
     * The commands, in help order. Registered by {@link Cli} rather than in the annotation, so
     * that a one-shot run builds the picocli model of the one command it runs (building all of
     * them costs more than reading a thousand scripts at start-up).
     */
    static final List<Class<?>> COMMANDS = List.of(
            InitCommand.class, ListTemplatesCommand.class, RevisionCommand.class, MergeCommand.class,
            UpgradeCommand.class, DowngradeCommand.class, StampCommand.class, CurrentCommand.class,
            HistoryCommand.class, HeadsCommand.class, BranchesCommand.class, ShowCommand.class,
            EditCommand.class, StatusCommand.class, VerifyCommand.class, DiffCommand.class, CheckCommand.class,
            LogCommand.class, LintCommand.class);

    /** Global options that take a value, for finding the command name in raw arguments. */
    static final java.util.Set<String> VALUED_OPTIONS = java.util.Set.of("-c", "--config", "-n", "--name", "--url", "-x",
            "--color");

    @Mixin
    GlobalOptions options = new GlobalOptions();

    @Spec
    CommandSpec spec;

    final Session session;
    final ShellLauncher shell;

    RetortCommand(Session session, ShellLauncher shell) {
        this.session = session;
        this.shell = shell;
    }

    @Override
    public Integer call() {
        return shell.open(session, options);
    }

    /** Opens the interactive shell; supplied by {@code Main} so the CLI does not depend on the REPL. */
    @FunctionalInterface
    public interface ShellLauncher {
        int open(Session session, GlobalOptions options);
    }
}
