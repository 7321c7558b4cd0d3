package dev.routescope.mrt.tools;

import dev.routescope.mrt.BgpdumpFormatter;
import dev.routescope.mrt.MrtElementReader;
import dev.routescope.mrt.MrtReader;
import dev.routescope.mrt.MrtStats;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal command line: {@code bgpdump -m} compatible output, or just counting elements.
 *
 * <pre>{@code
 * java -cp bgp-mrt-parser.jar:... dev.routescope.mrt.tools.MrtDump -m updates.gz > out.txt
 * java -cp ... dev.routescope.mrt.tools.MrtDump --count [--threads N] file...
 * }</pre>
 *
 * <p>Problems go to stderr with {@code -v}; the exit status is 0 unless a file cannot be opened.
 */
public final class MrtDump {
    private MrtDump() {}

    /**
     * Runs the tool.
     *
     * @param args {@code -m | --count} [{@code --threads N}] [{@code -v}] files
     * @throws Exception on I/O failure
     */
    public static void main(String[] args) throws Exception {
        boolean count = false;
        boolean verbose = false;
        int threads = 1;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-m" -> count = false;
                case "--count" -> count = true;
                case "-v" -> verbose = true;
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: MrtDump [-m | --count] [--threads N] [-v] file...");
            System.exit(2);
        }
        if (count) {
            count(files, threads, verbose);
        } else {
            dump(files, verbose);
        }
    }

    private static void count(List<Path> files, int threads, boolean verbose) throws Exception {
        long t0 = System.nanoTime();
        // Counting needs no per-element work: the reader's own counters are the result.
        List<MrtStats> stats = MrtElementReader.parallel(files, threads, f -> e -> true);
        long elements = 0;
        long bytes = 0;
        for (MrtStats s : stats) {
            elements += s.elements();
            bytes += s.bytes();
            if (verbose) {
                System.err.println(s);
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "elements=%d raw_bytes=%d seconds=%.3f elements_per_s=%.0f raw_MB_per_s=%.1f%n",
                elements, bytes, secs, elements / secs, bytes / secs / 1e6);
    }

    private static void dump(List<Path> files, boolean verbose) throws IOException {
        OutputStream raw = new java.io.FileOutputStream(java.io.FileDescriptor.out);
        BgpdumpFormatter fmt = new BgpdumpFormatter();
        StringBuilder sb = new StringBuilder(1 << 16);
        byte[][] out = {new byte[1 << 17]};
        for (Path f : files) {
            MrtReader.Builder b = MrtReader.builder();
            if (verbose) {
                PrintStream err = System.err;
                b.problemListener(p -> err.println(p));
            }
            try (MrtElementReader r = new MrtElementReader(b.open(f))) {
                r.forEachElement(e -> {
                    fmt.format(e, sb);
                    if (sb.length() > 60_000) {
                        flush(sb, raw, out);
                    }
                    return true;
                });
                flush(sb, raw, out);
                if (verbose) {
                    System.err.println(f + ": " + r.stats());
                }
            }
        }
        raw.flush();
    }

    private static void flush(StringBuilder sb, OutputStream raw, byte[][] buf) {
        int n = sb.length();
        if (buf[0].length < n) {
            buf[0] = new byte[n * 2];
        }
        byte[] b = buf[0];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) sb.charAt(i);
        }
        try {
            raw.write(b, 0, n);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        sb.setLength(0);
        // Output is ASCII only (digits, hex, separators), so a char-to-byte cast is exact.
        assert StandardCharsets.US_ASCII.newEncoder().canEncode('a');
    }
}
