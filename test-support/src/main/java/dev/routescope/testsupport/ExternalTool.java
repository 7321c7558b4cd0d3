package dev.routescope.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds an external program (installed from apt by {@code .ci/run}) on the {@code PATH}.
 *
 * <pre>{@code
 * Path bgpdump = ExternalTool.require("bgpdump");   // skipped locally / failed in CI if absent
 * }</pre>
 */
public final class ExternalTool {
    private ExternalTool() {}

    /**
     * Looks a program up on the {@code PATH}; skips (locally) or fails (CI) the test if absent.
     *
     * @param name program name, e.g. {@code bgpdump} or {@code stayrtr}
     * @return the executable
     */
    public static Path require(String name) {
        Path found = find(name);
        if (found == null) {
            Requirements.missing(
                    "program '" + name + "' not on PATH (.ci/run installs it: apt-get install " + name + ")");
            throw new AssertionError("unreachable");
        }
        return found;
    }

    /**
     * Looks a program up on the {@code PATH}.
     *
     * @param name program name
     * @return the executable, or null
     */
    public static @org.jspecify.annotations.Nullable Path find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }
}
