package dev.routescope.examples.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;

/** Small helpers shared by the subcommands. */
final class Cli {
    private Cli() {}

    /** A one-line description of an I/O failure, never just {@code null}. */
    static String describe(Exception ex) {
        String m = ex.getMessage();
        if (ex instanceof java.io.EOFException) {
            return "unexpected end of file" + (m == null ? "" : " (" + m + ")");
        }
        return m == null ? ex.getClass().getSimpleName() : m;
    }

    /** The command's configured standard output, or {@code System.out} when run outside picocli. */
    static PrintWriter out(@Nullable CommandSpec spec) {
        return spec != null ? spec.commandLine().getOut() : new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    }
}
