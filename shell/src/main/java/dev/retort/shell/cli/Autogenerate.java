package dev.retort.shell.cli;

import dev.retort.engine.MissingScripts;
import dev.retort.engine.RetortException;
import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.revision.Revision;
import dev.retort.engine.schema.SchemaDiffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * {@code revision --autogenerate}: Alembic's flow on a desired schema written as SQL. The
 * database must be at its heads; the upgrade section is the diff from the database to the
 * desired schema and the downgrade section the diff back, both marked for the database's
 * dialect. Nothing to do: {@code No changes in schema detected.} and no file. In the shell the
 * candidate is shown first and written only on a yes.
 */
final class Autogenerate {
    private final BaseCommand command;
    private Path written;

    Autogenerate(BaseCommand command) {
        this.command = command;
    }

    /** The script {@link #run} wrote, or null when it wrote none. */
    /** The sections found ({@code --sql}, or written); null when there was nothing to do. */
    private dev.retort.shell.json.AutogenerateView.Candidate candidate;

    dev.retort.shell.json.AutogenerateView.Candidate candidate() {
        return candidate;
    }

    Path written() {
        return written;
    }

    /**
     * Alembic's precondition of {@code check} and {@code revision --autogenerate}: the database
     * is at every head (a diff from anywhere else would report changes that revisions not yet
     * applied already cover). Rows without a script are named as such ({@link MissingScripts}).
     */
    static void requireAtHeads(BaseCommand command, String verb) {
        List<String> current = command.retort().current();
        MissingScripts.refuse(command.map(), current, verb);
        List<String> heads = command.map().heads().stream().map(Revision::id).toList();
        if (!new HashSet<>(current).equals(new HashSet<>(heads))) {
            throw new RetortException("Target database is not up to date.");
        }
    }

    /**
     * @param json for {@code --json}: nothing printed here (the command reports the result as
     *             one object), and no question asked, as a script would have it
     */
    int run(String revId, String message, String head, boolean splice, List<String> labels, List<String> deps,
            String versionPath, boolean sqlOnly, boolean yes, boolean json) {
        RetortConfig cfg = command.config();
        String url = SchemaSides.url(cfg);
        String desired = SchemaSides.desired(cfg);
        requireAtHeads(command, "autogenerate");
        SchemaDiffer.Options options = SchemaSides.options(command, Optional.of(cfg), null, null);
        SchemaDiffer.Result up = SchemaDiffer.diff(url, desired, options);
        if (up.isEmpty()) {
            if (!json) {
                command.out().println("No changes in schema detected.");
            }
            return 0;
        }
        SchemaDiffer.Result down = SchemaDiffer.diff(desired, url, options);
        String dialect = sectionDialect(up.family());
        String upText = up.sql().strip();
        String downText = down.sql().strip();
        candidate = new dev.retort.shell.json.AutogenerateView.Candidate(dialect, upText, downText);
        if (json && sqlOnly) {
            return 0;
        }
        if (!json && (sqlOnly || command.session().interactive())) {
            command.out().println("-- retort:upgrade " + dialect);
            command.out().println(upText);
            command.out().println();
            command.out().println("-- retort:downgrade " + dialect);
            command.out().println(downText);
            command.out().flush();
            if (sqlOnly) {
                return 0;
            }
            if (!yes && !command.session().prompter().confirm("Write this revision?")) {
                command.err().println("Nothing written (answer yes, or pass --yes).");
                return 1;
            }
        }
        Path file = new NewRevision(command).create(revId, message, List.of(head), splice, labels, deps, versionPath);
        fill(file, dialect, upText, downText);
        written = file;
        return 0;
    }

    /** The dialect name script sections are marked with. */
    static String sectionDialect(String family) {
        return family.equals("mariadb") ? "mysql" : family;
    }

    /** Puts the sections into the file the template wrote, marked for {@code dialect}. */
    static void fill(Path file, String dialect, String up, String down) {
        try {
            String text = Files.readString(file);
            String upMarker = "-- retort:upgrade";
            String downMarker = "-- retort:downgrade";
            int u = text.indexOf(upMarker);
            int d = text.indexOf(downMarker);
            String out;
            if (u < 0 || d < u) {
                out = text.stripTrailing() + "\n\n" + upMarker + " " + dialect + "\n" + up + "\n\n" + downMarker + " " + dialect
                        + "\n" + down + "\n";
            } else {
                out = text.substring(0, u) + upMarker + " " + dialect + "\n" + up + "\n\n" + downMarker + " " + dialect + "\n"
                        + down + "\n";
            }
            Files.writeString(file, out);
        } catch (IOException e) {
            throw new RetortException("Can't write " + file + ": " + e.getMessage(), e);
        }
    }
}
