package dev.retort.engine;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Script locations as Flyway users write them: {@code classpath:db/retort} (a directory on the
 * class path, in a directory or inside a jar) and {@code filesystem:/opt/extra} (or a plain
 * path). Each becomes a {@link Path} that the script loader reads like any directory; a jar is
 * opened as a zip file system, closed with {@link #close()}. One per {@link Retort}.
 */
final class Locations implements AutoCloseable {

    private final List<Path> paths;
    private final List<FileSystem> opened;

    private Locations(List<Path> paths, List<FileSystem> opened) {
        this.paths = List.copyOf(paths);
        this.opened = List.copyOf(opened);
    }

    static Locations resolve(List<String> specs, ClassLoader loader, Path base) {
        List<Path> paths = new ArrayList<>();
        List<FileSystem> opened = new ArrayList<>();
        try {
            for (String spec : specs) {
                paths.add(resolve(spec.strip(), loader, base, opened));
            }
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
        return new Locations(paths, opened);
    }

    private static Path resolve(String spec, ClassLoader loader, Path base, List<FileSystem> opened) {
        if (spec.startsWith("classpath:")) {
            String name = spec.substring("classpath:".length()).replaceAll("^/+", "").replaceAll("/+$", "");
            URL url = loader.getResource(name);
            if (url == null) {
                url = loader.getResource(name + "/");
            }
            if (url == null) {
                throw new RetortException("No scripts at " + spec + ": no such directory on the class path");
            }
            try {
                URI uri = url.toURI();
                if ("jar".equals(uri.getScheme())) {
                    FileSystem fs;
                    try {
                        fs = FileSystems.newFileSystem(uri, Map.of());
                        opened.add(fs);
                    } catch (FileSystemAlreadyExistsException e) {
                        fs = FileSystems.getFileSystem(uri);
                    }
                    return checked(spec, fs.provider().getPath(uri));
                }
                return checked(spec, Path.of(uri));
            } catch (URISyntaxException | IOException | IllegalArgumentException e) {
                throw new RetortException("Can't read scripts at " + spec + ": " + e.getMessage(), e);
            }
        }
        String file = spec.startsWith("filesystem:") ? spec.substring("filesystem:".length()) : spec;
        try {
            return checked(spec, base.resolve(file).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            throw new RetortException("Bad script location " + spec + ": " + e.getMessage(), e);
        }
    }

    private static Path checked(String spec, Path p) {
        if (!Files.isDirectory(p)) {
            throw new RetortException("No scripts at " + spec + ": " + p + " is not a directory");
        }
        return p;
    }

    List<Path> paths() {
        return paths;
    }

    @Override
    public void close() {
        closeAll(opened);
    }

    private static void closeAll(List<FileSystem> fss) {
        for (FileSystem fs : fss) {
            try {
                fs.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
