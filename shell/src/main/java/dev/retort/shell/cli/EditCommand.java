package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import dev.retort.engine.revision.Revision;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@CommandHelp(group = CommandHelp.Group.WRITE, examples = {
        "edit head",
        "open the newest script in $EDITOR",
        "edit a1f3",
        "open a revision's script by a prefix of its id"})
@Command(name = "edit", description = "Open the script of a revision in $EDITOR (or $VISUAL).")
final class EditCommand extends BaseCommand {

    @Parameters(paramLabel = "REV", description = "Revision to edit (id, prefix, label, head, current).")
    String rev;

    @Override
    int run() {
        List<Revision> revisions = new ArrayList<>();
        if (rev.equals("current")) {
            List<String> rows = retort().current();
            if (rows.isEmpty()) {
                throw new RetortException("No current revisions");
            }
            for (String id : rows) {
                revisions.addAll(map().resolve(id));
            }
        } else {
            revisions.addAll(map().resolve(rev));
        }
        if (revisions.isEmpty()) {
            throw new RetortException("No revision files indicated by symbol '" + rev + "'");
        }
        String editor = editor();
        for (Revision r : revisions) {
            try {
                Process p = new ProcessBuilder(List.of(editor, Formats.path(r))).inheritIO().start();
                int code = p.waitFor();
                if (code != 0) {
                    throw new RetortException("Error executing editor (" + editor + " exited with status " + code + ")");
                }
            } catch (IOException e) {
                throw new RetortException("Error executing editor (" + e.getMessage() + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetortException("Interrupted", 130, e);
            }
        }
        session().invalidate();
        return 0;
    }

    private String editor() {
        for (String var : List.of("EDITOR", "VISUAL")) {
            String v = session().environment().get(var);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        String path = session().environment().getOrDefault("PATH", "/usr/bin:/bin");
        for (String name : List.of("sensible-editor", "editor", "nano", "vim", "vi")) {
            for (String dir : path.split(File.pathSeparator)) {
                File f = new File(dir, name);
                if (f.canExecute()) {
                    return f.getPath();
                }
            }
        }
        throw new RetortException("Error executing editor (No suitable editor found. Please set the "
                + "\"EDITOR\" or \"VISUAL\" environment variables)");
    }
}
