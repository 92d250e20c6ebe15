package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.RevisionMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * What {@code revision} and {@code merge} share: Alembic's {@code generate_revision}: resolve the
 * parents, check they are heads (unless {@code --splice}), pick the version directory, resolve
 * dependencies, then write the script.
 */
final class NewRevision {

    private final BaseCommand command;

    NewRevision(BaseCommand command) {
        this.command = command;
    }

    static String newId() {
        String hex = UUID.randomUUID().toString().replace("-", "");
        return hex.substring(hex.length() - 12);
    }

    /** Alembic's {@code Script.verify_rev_id}. */
    static void verifyId(String id) {
        java.util.TreeSet<String> bad = new java.util.TreeSet<>();
        for (char c : id.toCharArray()) {
            if ("@-+:".indexOf(c) >= 0) {
                bad.add(String.valueOf(c));
            }
        }
        if (!bad.isEmpty()) {
            throw new RetortException("Character(s) '" + String.join(", ", bad)
                    + "' not allowed in revision identifier '" + id + "'");
        }
        if (id.isBlank() || !id.strip().equals(id) || id.contains(",")) {
            throw new RetortException("Revision identifier '" + id + "' must be non-empty, without spaces or commas");
        }
    }

    Path create(String revId, String message, List<String> headSpecs, boolean splice, List<String> labels,
            List<String> dependsOn, String versionPath) {
        String id = revId == null ? newId() : revId;
        verifyId(id);
        RevisionMap map = command.map();
        if (map.get(id).isPresent()) {
            throw new RetortException("Revision " + id + " already exists ("
                    + Formats.path(map.get(id).get()) + "); choose another --rev-id");
        }
        List<Revision> heads = new ArrayList<>();
        for (String spec : headSpecs) {
            try {
                heads.addAll(map.resolve(spec));
            } catch (RetortException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("Multiple head revisions are present")) {
                    throw new RetortException("Multiple heads are present; please specify the head revision on which "
                            + "the new revision should be based, or perform a merge.", e);
                }
                throw e;
            }
        }
        if (new HashSet<>(heads).size() != heads.size()) {
            throw new RetortException("Duplicate head revisions specified");
        }
        List<Path> locations = command.scripts().versionLocations();
        Path dir;
        if (versionPath == null) {
            if (locations.size() > 1) {
                dir = heads.stream().filter(h -> h.path() != null).map(h -> h.path().getParent()).findFirst()
                        .orElseThrow(() -> new RetortException(
                                "Multiple version locations present, please specify --version-path"));
            } else {
                dir = locations.get(0);
            }
        } else {
            dir = command.session().workingDirectory().resolve(versionPath).toAbsolutePath().normalize();
            Path d = dir;
            if (locations.stream().noneMatch(l -> l.toAbsolutePath().normalize().equals(d))) {
                throw new RetortException("Path " + versionPath + " is not represented in current version locations");
            }
        }
        if (!splice) {
            for (Revision h : heads) {
                if (!map.isHead(h)) {
                    throw new RetortException("Revision " + h.id()
                            + " is not a head revision; please specify --splice to create a new branch from this revision");
                }
            }
        }
        List<String> deps = new ArrayList<>();
        for (String dep : dependsOn) {
            Revision r = map.resolveOne(dep).orElseThrow(
                    () -> new RetortException("Can't locate revision identified by '" + dep + "'"));
            deps.add(map.branchLabels(r).contains(dep) ? dep : r.id());
        }
        for (String label : labels) {
            if (map.revisions().stream().anyMatch(r -> r.branchLabels().contains(label)) || map.get(label).isPresent()) {
                throw new RetortException("Branch name '" + label + "' is already used by another revision");
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new RetortException("Cannot create " + dir + ": " + e.getMessage(), e);
        }
        List<String> down = heads.stream().map(Revision::id).toList();
        Path written = Writer.write(command, id, message, down, labels, deps, dir);
        command.session().invalidate();
        return written;
    }

    /** Seam to the engine's script writer. */
    static final class Writer {
        private Writer() {}

        static Path write(BaseCommand command, String id, String message, List<String> down, List<String> labels,
                List<String> deps, Path dir) {
            var writer = new dev.retort.engine.script.ScriptWriter(command.config(), command.scripts());
            var request = new dev.retort.engine.script.ScriptWriter.Request(id, message, down, labels, deps, dir);
            // under --json the progress lines go to standard error: standard output is one object
            java.io.PrintWriter out = command.jsonRequested() ? command.err() : command.out();
            return writer.write(request, line -> {
                out.println(line);
                out.flush();
            }).path();
        }
    }
}
