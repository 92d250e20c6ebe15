package dev.retort.engine.script;

import dev.retort.engine.revision.Revision;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * The revision index: what {@link HeaderReader} made of each script (id, parents, labels,
 * dependencies, message), with the file's size, modification time and file key, kept in one
 * file per environment under the user's cache directory ({@code $XDG_CACHE_HOME/retort/}, else
 * {@code $HOME/.cache/retort/}). Reading 5,000 script headers costs a cold one-shot command more
 * than everything else it does (bench/startup); with the index only changed files are read.
 *
 * <p>Never trusted blindly: an entry is used only for the same path with the same size,
 * modification time (nanoseconds) and file key, so an edited, added, removed or renamed script
 * is read again; files changed less than {@link #RACY_NANOS} before the index was written are
 * left out of it (an edit within the same clock tick would keep size and time). The file holds a
 * format version, the loader's own build (the code source's size and time: a changed loader,
 * with other checks at load, invalidates old indexes), the environment's key and a checksum; an
 * index that fails any of these is ignored and rewritten. Writes go to a temporary file renamed
 * over the old one, so two processes writing at once leave one whole index, never a mix.
 *
 * <p>Beside the index, in a file of its own under the same rules, the bodies a long plan read
 * ({@link ScriptDirectory#preload}): an offline upgrade over 5,000 scripts otherwise opens
 * every one of them again at every run. A kept body is used only while its file has the size,
 * time and file key the same load's listing saw.
 */
public final class HeaderCache {

    /** Bump when what loading produces changes shape; the loader's build stamp covers the rest. */
    static final int FORMAT = 1;

    private static final int MAGIC = 0x52544958; // "RTIX"

    private static final int BODIES_MAGIC = 0x52544245; // "RTBE": bodies with their checksums

    /** Bodies longer than this (in UTF-8) are not kept: they are read from their files. */
    static final int MAX_KEPT_BODY = 256 * 1024;

    /** Files modified this recently before the index is written are not put in it. */
    static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

    private static final String LOADER_STAMP = loaderStamp();

    private final Path directory;

    private HeaderCache(Path directory) {
        this.directory = directory;
    }

    /** The index in {@code directory} (created when first written). */
    public static HeaderCache in(Path directory) {
        return new HeaderCache(directory);
    }

    /**
     * The user's cache directory from {@code environment}: {@code $XDG_CACHE_HOME/retort}, else
     * {@code $HOME/.cache/retort}; empty (no index) when neither is set or
     * {@code RETORT_NO_INDEX} is.
     */
    public static Optional<HeaderCache> forUser(Map<String, String> environment) {
        if (environment.containsKey("RETORT_NO_INDEX")) {
            return Optional.empty();
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Optional.of(in(Path.of(xdg, "retort")));
        }
        String home = environment.get("HOME");
        if (home != null && !home.isBlank()) {
            return Optional.of(in(Path.of(home, ".cache", "retort")));
        }
        return Optional.empty();
    }

    public Path directory() {
        return directory;
    }

    /** What a script's file was when it was read: size, modification time and file key. */
    record FileStamp(long size, long modifiedNanos, String fileKey) {

        boolean matches(BasicFileAttributes attributes) {
            return attributes.size() == size && HeaderCache.modifiedNanos(attributes) == modifiedNanos
                    && fileKey.equals(HeaderCache.fileKey(attributes));
        }

        static FileStamp read(DataInputStream in) throws IOException {
            return new FileStamp(in.readLong(), in.readLong(), in.readUTF());
        }

        static void write(DataOutputStream out, BasicFileAttributes attributes) throws IOException {
            out.writeLong(attributes.size());
            out.writeLong(HeaderCache.modifiedNanos(attributes));
            out.writeUTF(HeaderCache.fileKey(attributes));
        }
    }

    /** One script as last read: its file's stamp and what the header said. */
    record Entry(FileStamp stamp, Revision revision) {

        boolean matches(BasicFileAttributes attributes) {
            return stamp.matches(attributes);
        }
    }

    static long modifiedNanos(BasicFileAttributes attributes) {
        return attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }

    static String fileKey(BasicFileAttributes attributes) {
        Object key = attributes.fileKey();
        return key == null ? "" : key.toString();
    }

    /** The index file of the environment named by {@code key} (its version locations). */
    Path file(String key) {
        return directory.resolve("index-" + hash(key) + ".bin");
    }

    /** The file of the same environment's kept script bodies ({@link #readBodies}). */
    Path bodiesFile(String key) {
        return directory.resolve("bodies-" + hash(key) + ".bin");
    }

    private static String hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        return Long.toHexString(h);
    }

    /**
     * The entries of {@code key}'s index by absolute path, with {@code files} (the listing) to
     * give each revision its path object; empty when there is no index or it is not valid.
     */
    Map<String, Entry> read(String key) {
        try {
            Opened opened = open(file(key), MAGIC, key);
            if (opened == null) {
                return Map.of();
            }
            DataInputStream in = opened.in();
            int n = in.readInt();
            Map<String, Entry> entries = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                String path = in.readUTF();
                FileStamp stamp = FileStamp.read(in);
                String id = in.readUTF();
                List<String> down = strings(in);
                List<String> dependsOn = strings(in);
                List<String> labels = strings(in);
                String doc = longString(in);
                entries.put(path, new Entry(stamp, new Revision(id, down, dependsOn, labels, doc, null)));
            }
            return entries;
        } catch (IOException | RuntimeException e) {
            return Map.of(); // corrupt: ignored, rewritten by the caller
        }
    }

    /**
     * Writes {@code key}'s index: {@code revisions} with the attributes they were read with
     * (null attributes: not indexed). Failures (a read-only cache directory) are ignored: the
     * index only saves time.
     */
    void write(String key, List<Revision> revisions, List<BasicFileAttributes> attributes) {
        long now = System.currentTimeMillis() * 1_000_000L;
        write(file(key), MAGIC, key, 64 + revisions.size() * 256, out -> {
            List<Integer> kept = new ArrayList<>(revisions.size());
            for (int i = 0; i < revisions.size(); i++) {
                BasicFileAttributes a = attributes.get(i);
                if (a != null && now - modifiedNanos(a) >= RACY_NANOS) {
                    kept.add(i);
                }
            }
            out.writeInt(kept.size());
            for (int i : kept) {
                Revision r = revisions.get(i);
                BasicFileAttributes a = attributes.get(i);
                out.writeUTF(r.path().toString());
                FileStamp.write(out, a);
                out.writeUTF(r.id());
                strings(out, r.downRevisions());
                strings(out, r.dependsOn());
                strings(out, r.branchLabels());
                longString(out, r.docstring());
            }
        });
    }

    /**
     * A script's text as a plan last read it, with the metadata its file had when listed and its
     * checksum ("" when it was not computed).
     */
    record Body(FileStamp stamp, String checksum, byte[] bytes, int offset, int length) {

        boolean matches(BasicFileAttributes attributes) {
            return stamp.matches(attributes);
        }

        String text() {
            return new String(bytes, offset, length, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * One body to keep: the script's path, the attributes it was listed with, its text and its
     * {@linkplain ScriptBody#checksum() checksum} ("" when not computed).
     */
    record KeptBody(String path, BasicFileAttributes attributes, String text, String checksum) {}

    /**
     * The kept bodies of {@code key}'s scripts by absolute path (their bytes are not copied out
     * of the file's); empty when there are none or the file is not valid. Bodies live in a file
     * of their own, beside the index, so that commands that read no body never read them.
     */
    Map<String, Body> readBodies(String key) {
        try {
            Opened opened = open(bodiesFile(key), BODIES_MAGIC, key);
            if (opened == null) {
                return Map.of();
            }
            DataInputStream in = opened.in();
            int n = in.readInt();
            Map<String, Body> out = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                String path = in.readUTF();
                FileStamp stamp = FileStamp.read(in);
                String checksum = in.readUTF();
                int length = in.readInt();
                int position = opened.bytes().length - 8 - in.available();
                if (in.skipBytes(length) != length) {
                    return Map.of();
                }
                out.put(path, new Body(stamp, checksum, opened.bytes(), position, length));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return Map.of(); // corrupt: ignored, rewritten by the next plan that reads many bodies
        }
    }

    /**
     * Writes {@code key}'s kept bodies: those whose file was not changed within
     * {@link #RACY_NANOS} of now and whose text is at most {@link #MAX_KEPT_BODY} bytes.
     * Failures are ignored: kept bodies only save time.
     */
    void writeBodies(String key, List<KeptBody> bodies) {
        long now = System.currentTimeMillis() * 1_000_000L;
        write(bodiesFile(key), BODIES_MAGIC, key, 64 + bodies.size() * 512, out -> {
            List<KeptBody> kept = new ArrayList<>(bodies.size());
            List<byte[]> texts = new ArrayList<>(bodies.size());
            for (KeptBody b : bodies) {
                byte[] text = b.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (b.attributes() != null && now - modifiedNanos(b.attributes()) >= RACY_NANOS
                        && text.length <= MAX_KEPT_BODY) {
                    kept.add(b);
                    texts.add(text);
                }
            }
            out.writeInt(kept.size());
            for (int i = 0; i < kept.size(); i++) {
                KeptBody b = kept.get(i);
                out.writeUTF(b.path());
                FileStamp.write(out, b.attributes());
                out.writeUTF(b.checksum() == null ? "" : b.checksum());
                out.writeInt(texts.get(i).length);
                out.write(texts.get(i));
            }
        });
    }

    /** What a cache file holds after its header. */
    private interface Contents {
        void write(DataOutputStream out) throws IOException;
    }

    /**
     * Writes a cache file: magic, format, the loader's build, the environment's key,
     * {@code contents}, then a CRC-32 of all that; to a temporary file renamed over
     * {@code target}, so two processes writing at once leave one whole file, never a mix.
     */
    private void write(Path target, int magic, String key, int sizeHint, Contents contents) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(sizeHint);
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeInt(magic);
            out.writeInt(FORMAT);
            out.writeUTF(LOADER_STAMP);
            out.writeUTF(key);
            contents.write(out);
            out.flush();
            CRC32 crc = new CRC32();
            byte[] body = buffer.toByteArray();
            crc.update(body);
            out.writeLong(crc.getValue());
            out.flush();
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, target.getFileName().toString(), ".tmp");
            try {
                Files.write(temp, buffer.toByteArray());
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | RuntimeException e) {
            // nothing kept this time
        }
    }

    /** A cache file's bytes, and a stream over its contents after its header. */
    private record Opened(byte[] bytes, DataInputStream in) {}

    /**
     * A cache file {@link #write} wrote, positioned after its header, when the file is there,
     * whole (its CRC) and of this magic, format, loader build and key; else null.
     */
    private static Opened open(Path file, int magic, String key) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (bytes.length < 12) {
            return null;
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        long stored = 0;
        for (int i = bytes.length - 8; i < bytes.length; i++) {
            stored = (stored << 8) | (bytes[i] & 0xff);
        }
        if (stored != crc.getValue()) {
            return null;
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 8));
        if (in.readInt() != magic || in.readInt() != FORMAT || !in.readUTF().equals(LOADER_STAMP)
                || !in.readUTF().equals(key)) {
            return null;
        }
        return new Opened(bytes, in);
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        if (n == 0) {
            return List.of();
        }
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = in.readUTF();
        }
        return List.of(s);
    }

    private static void strings(DataOutputStream out, List<String> values) throws IOException {
        out.writeShort(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    /** A string of any length (writeUTF stops at 64 KB of modified UTF-8). */
    private static String longString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void longString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /**
     * The loader's build: the jar or class file {@link HeaderReader} came from, by path, size
     * and modification time, so an index written by another build of the loader (different
     * checks, different results) is never used.
     */
    private static String loaderStamp() {
        try {
            URL url = HeaderReader.class.getResource("HeaderReader.class");
            Path p;
            if (url == null) {
                return "unknown";
            } else if ("jar".equals(url.getProtocol())) {
                String s = url.getPath();
                p = Path.of(new java.net.URI(s.substring(0, s.indexOf("!/"))));
            } else if ("file".equals(url.getProtocol())) {
                p = Path.of(url.toURI());
            } else {
                return url.toString();
            }
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return p + ":" + a.size() + ":" + modifiedNanos(a);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }
}
