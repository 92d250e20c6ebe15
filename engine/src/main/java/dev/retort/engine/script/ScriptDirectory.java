package dev.retort.engine.script;

import dev.retort.engine.RetortException;
import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.revision.Revision;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The revision scripts of one environment (DESIGN §2): headers parsed eagerly, bodies only
 * when asked for. Immutable apart from the body cache; thread-safe.
 *
 * <p>PUBLIC CONTRACT: the CLI and planner code against these signatures.
 *
 * <p>Loading, as Alembic 1.10+: for each version location in order (a missing one is
 * skipped), its {@code *.sql} files sorted by name (hidden files and editor lock files
 * {@code .#*} ignored), then, with {@code recursive_version_locations}, its subdirectories
 * in name order, depth first (hidden directories ignored). A file reached through two
 * locations is loaded once. Load order is the revision map's tie-break order.
 */
public final class ScriptDirectory {

    private final Path scriptLocation;
    private final List<Path> versionLocations;
    private final List<Revision> revisions;
    private final Map<Path, ScriptBody> bodies = new ConcurrentHashMap<>();
    private final int headersRead;
    /** The kept bodies' cache and what the listing saw, or null without the revision index. */
    private final Listed listed;

    /** The files as listed and stat'ed at load, to validate kept bodies against. */
    private static final class Listed {
        final HeaderCache cache;
        final String key;
        final List<Path> files;
        final List<java.nio.file.attribute.BasicFileAttributes> attributes;
        private Map<Path, java.nio.file.attribute.BasicFileAttributes> byPath;
        private Map<String, HeaderCache.Body> kept;

        Listed(HeaderCache cache, String key, List<Path> files,
                List<java.nio.file.attribute.BasicFileAttributes> attributes) {
            this.cache = cache;
            this.key = key;
            this.files = files;
            this.attributes = attributes;
        }

        synchronized java.nio.file.attribute.BasicFileAttributes attributes(Path file) {
            if (byPath == null) {
                byPath = new HashMap<>(files.size() * 2);
                for (int i = 0; i < files.size(); i++) {
                    byPath.put(files.get(i), attributes.get(i));
                }
            }
            return byPath.get(file);
        }

        /** The kept body of {@code file} when its file is as listed; null otherwise. */
        synchronized HeaderCache.Body kept(Path file) {
            if (kept == null) {
                kept = cache.readBodies(key);
            }
            HeaderCache.Body b = kept.get(file.toString());
            java.nio.file.attribute.BasicFileAttributes a = attributes(file);
            return b != null && a != null && b.matches(a) ? b : null;
        }
    }

    private ScriptDirectory(Path scriptLocation, List<Path> versionLocations, List<Revision> revisions,
            int headersRead, Listed listed) {
        this.scriptLocation = scriptLocation;
        this.versionLocations = List.copyOf(versionLocations);
        this.revisions = Collections.unmodifiableList(revisions);
        this.headersRead = headersRead;
        this.listed = listed;
    }

    /**
     * Reads every {@code *.sql} file of the version locations (sorted by file name per
     * location; recursive when configured). Malformed headers fail with one line naming file
     * and line; a duplicate id names both files.
     */
    public static ScriptDirectory load(RetortConfig config) {
        return load(config, null);
    }

    /**
     * As {@link #load(RetortConfig)}, reading only the headers of scripts that changed since
     * {@code cache} (the revision index; null for none) last saw them, and updating it.
     */
    public static ScriptDirectory load(RetortConfig config, HeaderCache cache) {
        Path location = config.scriptLocation();
        if (!Files.isDirectory(location)) {
            throw new RetortException("Path doesn't exist: " + location
                    + ".  Please use the 'init' command to create a new scripts folder.");
        }
        String key = config.scriptLocation() + "\0" + config.versionLocations() + "\0"
                + config.recursiveVersionLocations();
        // the index is read (a file of ~270 bytes per script, checked and decoded) on another
        // thread while this one lists the directories and stats every script: on 5,000 scripts
        // each takes a few tens of milliseconds, and the two need each other only to match up
        java.util.concurrent.CompletableFuture<Map<String, HeaderCache.Entry>> index = cache == null ? null
                : java.util.concurrent.CompletableFuture.supplyAsync(() -> cache.read(key));
        List<Path> files = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        boolean configured = config.get("version_locations").filter(v -> !v.isBlank()).isPresent();
        for (Path dir : config.versionLocations()) {
            if (Files.isDirectory(dir)) {
                list(dir, config.recursiveVersionLocations(), files, seen);
            } else if (configured || Files.exists(dir)) {
                // a location that is not there would make every command see an empty graph
                throw new RetortException(config.origin("version_locations") + ": version location " + dir
                        + (Files.exists(dir) ? " is not a directory" : " doesn't exist"));
            }
        }
        List<Revision> read;
        int[] parsed = {files.size()};
        Listed listed = null;
        if (cache == null) {
            read = readHeaders(files);
        } else {
            List<java.nio.file.attribute.BasicFileAttributes> attributes = new ArrayList<>(files.size());
            read = readIndexed(key, files, cache, index, parsed, attributes);
            listed = new Listed(cache, key, files, attributes);
        }
        List<Revision> revisions = new ArrayList<>(files.size());
        Map<String, Path> byId = new HashMap<>();
        for (Revision r : read) {
            Path file = r.path();
            String problem = RevisionIds.problem(r.id(), config.versionNumLength());
            if (problem != null) {
                throw new RetortException(file + ": " + problem);
            }
            for (String label : r.branchLabels()) {
                String bad = RevisionIds.labelProblem(label);
                if (bad != null) {
                    throw new RetortException(file + ": " + bad);
                }
            }
            Path previous = byId.putIfAbsent(r.id(), file);
            if (previous != null) {
                throw new RetortException("Revision " + r.id() + " is defined twice: " + previous + " and " + file);
            }
            revisions.add(r);
        }
        return new ScriptDirectory(location, config.versionLocations(), revisions, parsed[0], listed);
    }

    /**
     * The headers of {@code files}: from the index where a file's size, time and file key are
     * unchanged, read (in parallel when many) otherwise; the index is rewritten when anything
     * was read or a file went away. {@code parsed[0]} becomes the number of headers read.
     */
    private static List<Revision> readIndexed(String key, List<Path> files, HeaderCache cache,
            java.util.concurrent.CompletableFuture<Map<String, HeaderCache.Entry>> reading, int[] parsed,
            List<java.nio.file.attribute.BasicFileAttributes> attributes) {
        for (Path file : files) {
            java.nio.file.attribute.BasicFileAttributes a;
            try {
                a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
            } catch (IOException e) {
                a = null; // reading it reports the problem
            }
            attributes.add(a);
        }
        Map<String, HeaderCache.Entry> index = reading.join();
        Revision[] out = new Revision[files.size()];
        List<Integer> misses = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            java.nio.file.attribute.BasicFileAttributes a = attributes.get(i);
            HeaderCache.Entry e = a == null ? null : index.get(file.toString());
            if (e != null && e.matches(a)) {
                Revision r = e.revision();
                out[i] = new Revision(r.id(), r.downRevisions(), r.dependsOn(), r.branchLabels(), r.docstring(), file,
                        r.message());
            } else {
                misses.add(i);
            }
        }
        List<Path> missed = new ArrayList<>(misses.size());
        for (int i : misses) {
            missed.add(files.get(i));
        }
        List<Revision> fresh = readHeaders(missed);
        for (int j = 0; j < misses.size(); j++) {
            out[misses.get(j)] = fresh.get(j);
        }
        parsed[0] = misses.size();
        List<Revision> all = java.util.Arrays.asList(out);
        if (!misses.isEmpty() || index.size() != files.size()) {
            cache.write(key, all, attributes);
        }
        return all;
    }

    /** How many script headers this load read from their files (the rest came from the index). */
    public int headersRead() {
        return headersRead;
    }

    /**
     * The script file that declares revision {@code id} in any version location, read afresh
     * from the disk (not from a loaded directory, which may be stale); headers that cannot be
     * read are passed over here, the next load reports them.
     */
    static java.util.Optional<Path> fileDeclaring(RetortConfig config, String id) {
        List<Path> files = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path dir : config.versionLocations()) {
            if (Files.isDirectory(dir)) {
                list(dir, config.recursiveVersionLocations(), files, seen);
            }
        }
        for (Path f : files) {
            try {
                if (HeaderReader.read(f).id().equals(id)) {
                    return java.util.Optional.of(f);
                }
            } catch (RuntimeException e) {
                // broken header: not this check's business
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Reads the headers of {@code files}, in parallel when there are many (a header is a few
     * hundred bytes, so the cost is in opening files); the result keeps the order of
     * {@code files}, and of several broken files the first in load order is the one reported.
     */
    private static List<Revision> readHeaders(List<Path> files) {
        Revision[] out = new Revision[files.size()];
        RuntimeException[] failures = new RuntimeException[files.size()];
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, files.size());
        (files.size() > 256 ? range.parallel() : range).forEach(i -> {
            try {
                out[i] = HeaderReader.read(files.get(i));
            } catch (RuntimeException e) {
                failures[i] = e;
            }
        });
        for (RuntimeException e : failures) {
            if (e != null) {
                throw e;
            }
        }
        return java.util.Arrays.asList(out);
    }

    /**
     * Adds the {@code .sql} files of {@code dir} (and, when {@code recursive}, of its
     * subdirectories) to {@code out}, in name order; {@code seen} holds the real paths of the
     * directories listed so far, so a directory reached twice (two locations, a link) is listed
     * once, as its files would otherwise be.
     */
    private static void list(Path dir, boolean recursive, List<Path> out, Set<Path> seen) {
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            return;
        }
        if (!seen.add(real)) {
            return;
        }
        // each entry's name made once and sorted on: a comparator making two names per
        // comparison cost a 5,000-script listing more than the listing itself (bench/startup)
        record Named(String name, Path path) {}
        List<Named> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                entries.add(new Named(p.getFileName().toString(), p));
            }
        } catch (IOException e) {
            throw new RetortException("Cannot list version directory " + dir + ": " + e.getMessage(), e);
        }
        entries.sort((a, b) -> a.name().compareTo(b.name()));
        // an entry of an absolute, normal directory is absolute and normal already: no new
        // path objects per script (a listing of 5,000 made 10,000 more)
        boolean normal = dir.isAbsolute() && dir.normalize().equals(dir);
        List<Path> subdirs = new ArrayList<>();
        for (Named entry : entries) {
            String name = entry.name();
            Path p = entry.path();
            if (name.startsWith(".")) {
                continue;
            }
            if (name.endsWith(".sql")) {
                // no stat per file: a directory named *.sql fails with a clear error when read
                out.add(normal ? p : p.toAbsolutePath().normalize());
            } else if (recursive && Files.isDirectory(p)) {
                subdirs.add(p);
            }
        }
        for (Path sub : subdirs) {
            list(sub, true, out, seen);
        }
    }

    /** Revisions in load order. */
    public List<Revision> revisions() {
        return revisions;
    }

    public Path scriptLocation() {
        return scriptLocation;
    }

    public List<Path> versionLocations() {
        return versionLocations;
    }

    /** {@code <script_location>/script.sql.tmpl}: the template of new revisions. */
    public Path templateFile() {
        return scriptLocation.resolve("script.sql.tmpl");
    }

    /** Parses (and caches) the body of {@code revision}'s script. */
    public ScriptBody body(Revision revision) {
        Path file = revision.path();
        if (file == null) {
            throw new RetortException("Revision " + revision.id() + " has no script file");
        }
        return bodies.computeIfAbsent(file, this::keptOrRead);
    }

    private ScriptBody keptOrRead(Path file) {
        HeaderCache.Body kept = listed == null ? null : listed.kept(file);
        return kept != null ? ScriptBody.parse(file, kept.text()) : readBody(file);
    }

    /**
     * The {@linkplain ScriptBody#checksum() checksum} of {@code revision}'s script: a kept one
     * while the file is as listed, else its body's. The first call checksums, in parallel, every
     * listed script whose checksum is not kept, and keeps them when there were many: the
     * changed-script check of an upgrade asks for every applied script's, which on a history of
     * 5,000 revisions was reading, lexing and hashing 5,000 files at every run.
     */
    public String checksum(Revision revision) {
        Path file = revision.path();
        ScriptBody parsed = file == null ? null : bodies.get(file);
        if (parsed != null) {
            return parsed.checksum();
        }
        if (file != null && listed != null) {
            warmChecksums();
            HeaderCache.Body kept = listed.kept(file);
            if (kept != null && !kept.checksum().isEmpty()) {
                return kept.checksum();
            }
        }
        return body(revision).checksum();
    }

    private boolean checksumsWarmed;

    /** Once per load; callers that come meanwhile wait for it, and then find the checksums made. */
    private synchronized void warmChecksums() {
        if (checksumsWarmed) {
            return;
        }
        checksumsWarmed = true;
        List<Path> todo = new ArrayList<>();
        for (Path file : listed.files) {
            ScriptBody parsed = bodies.get(file);
            HeaderCache.Body kept = listed.kept(file);
            if ((parsed == null || parsed.checksumIfComputed() == null)
                    && (kept == null || kept.checksum().isEmpty())) {
                todo.add(file);
            }
        }
        if (todo.size() >= KEEP_BODIES_FROM) {
            readAndKeep(todo, true);
        }
    }

    /**
     * Reads the bodies of {@code revisions} that were not read yet, in parallel when there are
     * many (as headers are: the cost is in opening files), so that planning a long offline
     * upgrade does not wait on the disk once per script in turn. A body that cannot be read is
     * left for {@link #body} to report, in plan order.
     */
    public void preload(List<Revision> revisions) {
        List<Path> todo = new ArrayList<>();
        for (Revision r : revisions) {
            Path file = r.path();
            if (file != null && !bodies.containsKey(file)) {
                HeaderCache.Body kept = listed == null ? null : listed.kept(file);
                if (kept == null) {
                    todo.add(file);
                } else {
                    try {
                        bodies.putIfAbsent(file, ScriptBody.parse(file, kept.text()));
                    } catch (RuntimeException e) {
                        // body() parses it again and reports it where the plan reaches it
                    }
                }
            }
        }
        if (todo.size() >= KEEP_BODIES_FROM) { // a few are read as the plan reaches them
            readAndKeep(todo, false);
        }
    }

    /** Plans that read at least this many bodies from their files keep every body they know. */
    static final int KEEP_BODIES_FROM = 64;

    /**
     * Parses the bodies of {@code files} (from their kept text when valid, else from the file;
     * in parallel when there are many), with their checksums when {@code checksums}, then
     * keeps them. A body that cannot be read or parsed is left for {@link #body} to report
     * where it is asked for.
     */
    private void readAndKeep(List<Path> files, boolean checksums) {
        Map<Path, String> texts = new ConcurrentHashMap<>();
        (files.size() >= 256 ? files.parallelStream() : files.stream()).forEach(file -> {
            try {
                HeaderCache.Body kept = listed == null ? null : listed.kept(file);
                String text = kept != null ? kept.text() : Files.readString(file, StandardCharsets.UTF_8);
                texts.put(file, text);
                ScriptBody body = bodies.computeIfAbsent(file, f -> ScriptBody.parse(f, text));
                if (checksums) {
                    body.checksum();
                }
            } catch (IOException | RuntimeException e) {
                // body() reads it again and reports it
            }
        });
        keep(texts);
    }

    /**
     * Writes the kept bodies: those just read ({@code texts}) and those still valid from the
     * last time, each with the attributes its file had when listed (an edit since makes the
     * next load's listing differ, so the entry is not used).
     */
    private void keep(Map<Path, String> texts) {
        if (listed == null) {
            return;
        }
        List<HeaderCache.KeptBody> all = new ArrayList<>(listed.files.size());
        for (int i = 0; i < listed.files.size(); i++) {
            Path file = listed.files.get(i);
            HeaderCache.Body kept = listed.kept(file);
            String text = texts.get(file);
            if (text == null && kept != null) {
                text = kept.text();
            }
            if (text != null && listed.attributes.get(i) != null) {
                ScriptBody parsed = bodies.get(file);
                String checksum = parsed == null ? null : parsed.checksumIfComputed();
                if (checksum == null) {
                    checksum = kept == null ? "" : kept.checksum();
                }
                all.add(new HeaderCache.KeptBody(file.toString(), listed.attributes.get(i), text, checksum));
            }
        }
        listed.cache.writeBodies(listed.key, all);
    }

    private static ScriptBody readBody(Path file) {
        try {
            return ScriptBody.parse(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            throw new RetortException(file + ": not valid UTF-8");
        } catch (IOException e) {
            throw new RetortException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
