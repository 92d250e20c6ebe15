import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.revision.RevisionMap;
import dev.retort.engine.script.ScriptDirectory;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a cold one-shot {@code heads} spends its time inside the JVM, phase by phase, in a
 * fresh process (nothing compiled yet): reading the configuration,
 * listing and reading the script headers, building the revision map, finding the heads.
 * Usage: {@code java -cp retort.jar:. Phases path/to/retort.ini}
 */
public final class Phases {
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        RetortConfig config = RetortConfig.load(Path.of(args[0]), "retort", Map.of(), System.getenv());
        long t1 = System.nanoTime();
        // with the revision index when RETORT_INDEX_DIR names its directory (warm: run twice)
        String indexDir = System.getenv("RETORT_INDEX_DIR");
        ScriptDirectory scripts = ScriptDirectory.load(config,
                indexDir == null ? null : dev.retort.engine.script.HeaderCache.in(Path.of(indexDir)));
        long t2 = System.nanoTime();
        RevisionMap map = RevisionMap.of(scripts.revisions());
        long t3 = System.nanoTime();
        int heads = map.heads().size();
        long t4 = System.nanoTime();
        System.out.printf("config_ms=%.1f scripts_ms=%.1f map_ms=%.1f heads_ms=%.1f revisions=%d headers_read=%d heads=%d%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6,
                scripts.revisions().size(), scripts.headersRead(), heads);
    }
}
