package dev.routescope.rislive.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.zip.GZIPInputStream;

/**
 * Replays an NDJSON recording (plain or {@code .gz}): one frame per line, as fast as the consumer
 * takes them (BLOCK) on a thread of its own. The end of the file ends the stream.
 */
public final class ReplayTransport implements Transport {
    private final Path file;
    private final int maxFrameBytes;

    /**
     * A transport.
     *
     * @param file the recording
     * @param maxFrameBytes longer lines are discarded and reported
     */
    public ReplayTransport(Path file, int maxFrameBytes) {
        this.file = file;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public Connection open(FrameSink sink, Duration timeout) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        Reader reader = new Reader(in, sink, maxFrameBytes, file);
        Thread t = new Thread(reader, "rislive-replay");
        t.setDaemon(true);
        t.start();
        return new Connection() {
            @Override
            public CompletableFuture<String> closed() {
                return reader.closed;
            }

            @Override
            public boolean send(String text) {
                return false;
            }

            @Override
            public void abort() {
                reader.stop = true;
                reader.room.release();
                t.interrupt();
                reader.closed.complete("aborted by the client");
            }
        };
    }

    @Override
    public boolean reconnects() {
        return false;
    }

    @Override
    public String describe() {
        return "replay of " + file;
    }

    private static final class Reader implements Runnable, LineSplitter.LineHandler {
        final CompletableFuture<String> closed = new CompletableFuture<>();
        final Semaphore room = new Semaphore(0);
        volatile boolean stop;
        private final InputStream in;
        private final FrameSink sink;
        private final LineSplitter splitter;
        private final Path file;

        Reader(InputStream in, FrameSink sink, int maxFrameBytes, Path file) {
            this.in = in;
            this.sink = sink;
            this.splitter = new LineSplitter(maxFrameBytes);
            this.file = file;
        }

        @Override
        public void run() {
            byte[] buf = new byte[1 << 16];
            try (InputStream input = in) {
                int n;
                while (!stop && (n = input.read(buf)) > 0) {
                    splitter.feed(ByteBuffer.wrap(buf, 0, n), this);
                }
                if (!stop) {
                    splitter.finish(this);
                }
                closed.complete("end of replay " + file);
            } catch (IOException e) {
                closed.complete("replay of " + file + " failed: " + e);
            }
        }

        @Override
        public boolean line(String line) {
            if (stop) {
                return false;
            }
            if (!sink.offer(line, room::release)) {
                room.acquireUninterruptibly();
            }
            return true;
        }

        @Override
        public void oversized(String head, long length) {
            sink.oversized(head, length);
        }
    }
}
