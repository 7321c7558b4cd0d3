package dev.routescope.examples.cli;

import dev.routescope.detect.PipelineMetrics;
import dev.routescope.mrt.MrtStats;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Progress of a monitor run on stderr: a redrawn bar when stderr is a terminal, one line per input
 * file otherwise (logs and CI stay readable), or nothing. Decoding problems are always reported.
 */
final class Progress {
    /** How progress is shown. */
    enum Mode {
        AUTO,
        BAR,
        LINES,
        NONE;

        static Mode parse(String text) throws CliException {
            for (Mode m : values()) {
                if (m.name().equalsIgnoreCase(text)) {
                    return m;
                }
            }
            throw new CliException("bad --progress '" + text + "' (expected: auto, bar, lines or none)");
        }
    }

    private static final int BAR_WIDTH = 30;

    private final Mode mode;
    private final PrintWriter err;
    private final AtomicLong bytesRead;
    private final long totalBytes;
    private final AtomicLong problems = new AtomicLong();
    private volatile boolean running;
    private @Nullable Thread painter;
    private @Nullable Supplier<PipelineMetrics> metrics;

    Progress(Mode mode, PrintWriter err, AtomicLong bytesRead, long totalBytes) {
        this.mode = mode == Mode.AUTO ? (Cli.isTerminalStderr(err) ? Mode.BAR : Mode.LINES) : mode;
        this.err = err;
        this.bytesRead = bytesRead;
        this.totalBytes = totalBytes;
    }

    void start(Supplier<PipelineMetrics> source) {
        this.metrics = source;
        if (mode != Mode.BAR) {
            return;
        }
        running = true;
        Thread t = new Thread(
                () -> {
                    while (running) {
                        paint();
                        try {
                            Thread.sleep(200);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "routescope-progress");
        t.setDaemon(true);
        painter = t;
        t.start();
    }

    private synchronized void paint() {
        Supplier<PipelineMetrics> s = metrics;
        long events = s == null ? 0 : s.get().events();
        StringBuilder b = new StringBuilder("\r");
        if (totalBytes > 0) {
            double f = Math.min(1.0, bytesRead.get() / (double) totalBytes);
            int filled = (int) Math.round(f * BAR_WIDTH);
            b.append('[')
                    .append("#".repeat(filled))
                    .append(".".repeat(BAR_WIDTH - filled))
                    .append(String.format(Locale.ROOT, "] %3d%% ", Math.round(f * 100)));
        }
        b.append(String.format(Locale.ROOT, "%,d events", events));
        err.print(b);
        err.flush();
    }

    void stop() {
        running = false;
        Thread t = painter;
        if (t != null) {
            t.interrupt();
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            paint();
            err.println();
            err.flush();
        }
    }

    /** Called by the MRT source after each file. */
    synchronized void fileDone(String name, MrtStats stats) {
        problems.addAndGet(stats.problems());
        if (mode == Mode.LINES) {
            err.printf(
                    Locale.ROOT,
                    "read %s: %,d elements%s%n",
                    name,
                    stats.elements(),
                    stats.problems() == 0 ? "" : String.format(Locale.ROOT, ", %,d problems", stats.problems()));
        } else if (stats.problems() > 0) {
            err.printf(
                    Locale.ROOT,
                    "%s%s: %,d decoding problems %s%n",
                    mode == Mode.BAR ? "\r" : "",
                    name,
                    stats.problems(),
                    stats.problemsByKind());
        }
        err.flush();
    }

    long problems() {
        return problems.get();
    }
}
