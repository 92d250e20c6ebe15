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
public final class NewRevision {

    private final Session session;
    private final GlobalOptions options;
    private final java.io.PrintWriter progress;

    NewRevision(BaseCommand command) {
        // under --json the progress lines go to standard error: standard output is one object
        this(command.session(), command.options(), command.jsonRequested() ? command.err() : command.out());
    }

    /**
     * For front ends that are not a command (the graph panel): the environment of
     * {@code session} and {@code options}; "Generating ..." lines go to {@code progress}.
     */
    public NewRevision(Session session, GlobalOptions options, java.io.PrintWriter progress) {
        this.session = session;
        this.options = options;
        this.progress = progress;
    }

    /**
     * Writes a merge revision of {@code heads} (as {@code merge HEADS -m MESSAGE} does, with a
     * generated id) and returns its id.
     */
    public String merge(List<String> heads, String message) {
        String id = newId();
        create(id, message == null || message.isBlank() ? null : message, heads, false, List.of(), List.of(), null);
        return id;
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
        RevisionMap map = session.map(options);
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
        List<Path> locations = session.scripts(options).versionLocations();
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
            dir = session.workingDirectory().resolve(versionPath).toAbsolutePath().normalize();
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
            Revision r = map.require(dep);
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
        var writer = new dev.retort.engine.script.ScriptWriter(session.config(options), session.scripts(options));
        var request = new dev.retort.engine.script.ScriptWriter.Request(id, message, down, labels, deps, dir);
        Path written = writer.write(request, line -> {
            progress.println(line);
            progress.flush();
        }).path();
        session.invalidate();
        return written;
    }
}
