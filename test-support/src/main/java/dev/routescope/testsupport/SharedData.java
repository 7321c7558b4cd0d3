package dev.routescope.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real public BGP data of {@code ../shared/data} (see its {@code MANIFEST.md}).
 *
 * <pre>{@code
 * Path rrc12 = SharedData.dir("mrt/ris-2021-01-01/rrc12");
 * Path vrps = SharedData.file("rpki/rpkiclient_summary_20250720T093135Z.json.bz2");
 * }</pre>
 *
 * <p>The root is the system property {@code routescope.shared.dir} (set by the parent POM's Surefire
 * configuration to {@code <repo>/../shared}), else {@code ../shared} relative to the working
 * directory or its parent.
 */
public final class SharedData {
    private SharedData() {}

    /** {@return the shared root ({@code …/shared}), or null if not found} */
    private static Path root() {
        String prop = System.getProperty("routescope.shared.dir");
        if (prop != null && Files.isDirectory(Path.of(prop, "data"))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("data"))) {
                return candidate.normalize();
            }
        }
        return Path.of("../shared").toAbsolutePath().normalize();
    }

    /**
     * A file under {@code shared/data}; skips (locally) or fails (CI) the test if it is missing.
     *
     * @param relative e.g. {@code mrt/bgpdump/updates.20020722.2238.gz}
     * @return the existing file
     */
    public static Path file(String relative) {
        Path p = root().resolve("data").resolve(relative);
        if (!Files.isRegularFile(p)) {
            Requirements.missing("shared data file " + p + " (expected ../shared/data next to the repository)");
        }
        return p;
    }

    /**
     * A directory under {@code shared/data}; skips (locally) or fails (CI) the test if it is missing.
     *
     * @param relative e.g. {@code mrt/ris-2021-01-01/rrc12}
     * @return the existing directory
     */
    public static Path dir(String relative) {
        Path p = root().resolve("data").resolve(relative);
        if (!Files.isDirectory(p)) {
            Requirements.missing("shared data directory " + p + " (expected ../shared/data next to the repository)");
        }
        return p;
    }

    /**
     * A path under {@code shared/} itself (e.g. {@code bench}), checked like {@link #dir}.
     *
     * @param relative path below {@code shared/}
     * @return the existing path
     */
    public static Path sharedPath(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            Requirements.missing("shared path " + p);
        }
        return p;
    }
}
