package dev.routescope.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the {@code routescope} CLI in-process as the tests' user would, and copies embedded samples. */
final class CliRun {
    private CliRun() {}

    /** What a run printed and returned. */
    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Routescope.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * Copies an embedded rrc04 update file under its own name (the name carries the time the sources
     * sort by).
     */
    static Path rrc04Sample(Path dir, String fileName) throws IOException {
        Path to = dir.resolve(fileName);
        try (InputStream in = Samples.open("samples/rrc04/" + fileName)) {
            Files.copy(in, to);
        }
        return to;
    }
}
