package dev.routescope.mrt.archive;

import dev.routescope.mrt.archive.internal.CacheFiles;
import dev.routescope.mrt.archive.internal.ContentRange;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fetches one file for an {@link ArchiveDownloader}: cache check, lock, attempts with retries. */
final class Transfer {
    static final Logger LOG = LoggerFactory.getLogger(ArchiveDownloader.class);

    private static final int BUFFER = 1 << 16;
    private static final long PROGRESS_STEP = 1 << 20;

    /**
     * File locks are held per JVM, so two downloaders of one JVM sharing a cache directory must be
     * kept apart here before they reach the file lock; entries are reference-counted and removed.
     */
    private static final ConcurrentHashMap<Path, JvmLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private static final class JvmLock {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    private final ArchiveDownloader d;
    private final ArchiveFile file;

    private int attempts;
    private long transferred;
    private boolean resumed;

    Transfer(ArchiveDownloader downloader, ArchiveFile file) {
        this.d = downloader;
        this.file = file;
    }

    /** What one HTTP attempt came to. */
    private sealed interface Outcome permits Done, Gone, Retry, Fatal {}

    private record Done(long size) implements Outcome {}

    private record Gone(int status) implements Outcome {}

    private record Retry(
            String reason,
            @Nullable Exception cause,
            @Nullable Duration after) implements Outcome {}

    private record Fatal(String reason, @Nullable Exception cause) implements Outcome {}

    DownloadResult run() {
        try {
            return file.isLocal() ? local() : remote();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DownloadResult.Failed(file, "interrupted " + where(), attempts, e);
        } catch (IOException e) {
            return new DownloadResult.Failed(file, "cache I/O error " + where() + ": " + e, attempts, e);
        } catch (RuntimeException e) {
            LOG.error("unexpected error downloading {}", file.uri(), e);
            return new DownloadResult.Failed(file, "unexpected error " + where() + ": " + e, attempts, e);
        }
    }

    private String where() {
        return "for " + file.uri();
    }

    private DownloadResult local() throws IOException {
        Path p = Path.of(file.uri());
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return new DownloadResult.Missing(file, 0);
        }
        if (!attrs.isRegularFile()) {
            return new DownloadResult.Failed(file, p + " is not a regular file", 0, null);
        }
        String problem = verify(p, attrs.size());
        if (problem != null) {
            return new DownloadResult.Failed(file, "local file " + p + " " + problem, 0, null);
        }
        return new DownloadResult.Stored(file, p, attrs.size(), DownloadResult.Source.LOCAL, 0, 0);
    }

    /** {@return why a complete file does not match the expected size or digest, or null if it does} */
    private @Nullable String verify(Path p, long size) throws IOException {
        if (file.hasExpectedSize() && size != file.expectedSize()) {
            return "has " + size + " bytes (expected " + file.expectedSize() + ")";
        }
        String want = file.expectedSha256();
        if (want != null) {
            String got = CacheFiles.sha256(p);
            if (!got.equals(want)) {
                return "has SHA-256 " + got + " (expected " + want + ")";
            }
        }
        return null;
    }

    private DownloadResult.@Nullable Stored cacheHit(Path target) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(target, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
        String problem = attrs.isRegularFile() ? verify(target, attrs.size()) : "is not a regular file";
        if (problem != null) {
            LOG.warn("cached {} {}; fetching it again", target, problem);
            Files.deleteIfExists(target);
            return null;
        }
        return new DownloadResult.Stored(file, target, attrs.size(), DownloadResult.Source.CACHE, 0, 0);
    }

    private DownloadResult remote() throws IOException, InterruptedException {
        Path target = CacheFiles.location(d.cacheDirectory, file.uri());
        DownloadResult hit = cacheHit(target);
        if (hit != null) {
            return hit;
        }
        Files.createDirectories(target.getParent());
        Path lockPath = CacheFiles.sibling(target, ".lock");
        Path part = CacheFiles.sibling(target, ".part");
        JvmLock jvmLock = JVM_LOCKS.compute(lockPath, (k, v) -> {
            JvmLock l = v == null ? new JvmLock() : v;
            l.users++;
            return l;
        });
        try {
            jvmLock.lock.lockInterruptibly();
            try (FileChannel lockChannel =
                    FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                // Released when the channel closes.
                FileLock unused = lockChannel.lock();
                // Another process (or downloader) may have finished the file while we waited.
                DownloadResult hitAfterWait = cacheHit(target);
                DownloadResult result = hitAfterWait != null ? hitAfterWait : fetch(target, part);
                if (!Files.exists(part)) {
                    // Holders of the old lock inode see the finished file; newcomers create a fresh lock.
                    Files.deleteIfExists(lockPath);
                }
                return result;
            } finally {
                jvmLock.lock.unlock();
            }
        } finally {
            JVM_LOCKS.computeIfPresent(lockPath, (k, v) -> --v.users == 0 ? null : v);
        }
    }

    private DownloadResult fetch(Path target, Path part) throws IOException, InterruptedException {
        Path meta = CacheFiles.sibling(target, ".part.meta");
        Outcome last = new Retry("no attempt made", null, null);
        while (attempts < d.maxAttempts) {
            if (d.isClosed()) {
                return new DownloadResult.Failed(file, "downloader closed " + where(), attempts, null);
            }
            attempts++;
            last = attempt(target, part, meta);
            if (last instanceof Done done) {
                DownloadResult.Source source = resumed ? DownloadResult.Source.RESUMED : DownloadResult.Source.NETWORK;
                return new DownloadResult.Stored(file, target, done.size(), source, attempts, transferred);
            }
            if (last instanceof Gone gone) {
                Files.deleteIfExists(part);
                Files.deleteIfExists(meta);
                return new DownloadResult.Missing(file, gone.status());
            }
            if (last instanceof Fatal fatal) {
                LOG.warn("giving up on {} after attempt {}: {}", file.uri(), attempts, fatal.reason());
                return new DownloadResult.Failed(file, fatal.reason(), attempts, fatal.cause());
            }
            Retry retry = (Retry) last;
            if (attempts >= d.maxAttempts) {
                break;
            }
            Duration delay = backoff(attempts, retry.after());
            LOG.debug("attempt {} for {} failed ({}); retrying in {}", attempts, file.uri(), retry.reason(), delay);
            try {
                d.listener.retrying(file, attempts, retry.reason(), delay);
            } catch (RuntimeException e) {
                LOG.warn("download listener failed on retrying({}): {}", file.uri(), e.toString());
            }
            Thread.sleep(delay.toMillis());
        }
        if (d.isClosed()) {
            return new DownloadResult.Failed(file, "downloader closed " + where(), attempts, null);
        }
        Retry retry = (Retry) last;
        String reason = "gave up after " + attempts + " attempts: " + retry.reason();
        LOG.warn("{}", reason);
        return new DownloadResult.Failed(file, reason, attempts, retry.cause());
    }

    private Duration backoff(int failedAttempt, @Nullable Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(d.maxBackoff) > 0 ? d.maxBackoff : retryAfter;
        }
        long initial = d.initialBackoff.toMillis();
        long cap = d.maxBackoff.toMillis();
        long base = failedAttempt >= 31 ? cap : Math.min(cap, initial << (failedAttempt - 1));
        if (base < 0) {
            base = cap;
        }
        // Jitter so that many clients (or files) failing together do not retry in lockstep.
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    private Outcome attempt(Path target, Path part, Path meta) throws IOException, InterruptedException {
        long offset = Files.exists(part) ? Files.size(part) : 0;
        String validator = offset > 0 ? CacheFiles.readValidator(meta) : null;
        HttpRequest.Builder request = HttpRequest.newBuilder(file.uri())
                .GET()
                .timeout(d.idleTimeout)
                .header("User-Agent", d.userAgent)
                .header("Accept-Encoding", "identity");
        if (offset > 0) {
            request.header("Range", "bytes=" + offset + "-");
            if (validator != null) {
                request.header("If-Range", validator);
            }
        }
        HttpResponse<InputStream> response;
        try {
            response = d.client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            return new Retry("request failed " + where() + ": " + e, e, null);
        }
        Watch watch = new Watch(response.body());
        d.openBodies.add(response.body());
        try (InputStream body = response.body()) {
            return handle(response, body, watch, offset, target, part, meta);
        } finally {
            d.openBodies.remove(response.body());
            watch.stop();
        }
    }

    private Outcome handle(
            HttpResponse<InputStream> response,
            InputStream body,
            Watch watch,
            long offset,
            Path target,
            Path part,
            Path meta)
            throws IOException {
        int status = response.statusCode();
        long total;
        long start;
        switch (status) {
            case 200 -> {
                start = 0;
                total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                CacheFiles.writeValidator(meta, validatorOf(response));
            }
            case 206 -> {
                ContentRange range = ContentRange.parse(
                        response.headers().firstValue("Content-Range").orElse(""));
                if (range == null || range.first() != offset) {
                    Files.deleteIfExists(part);
                    return new Retry(
                            "server answered Range bytes=" + offset + "- with Content-Range '"
                                    + response.headers()
                                            .firstValue("Content-Range")
                                            .orElse("")
                                    + "'; starting over " + where(),
                            null,
                            Duration.ZERO);
                }
                start = offset;
                total = range.total();
            }
            case 404, 410 -> {
                return new Gone(status);
            }
            case 416 -> {
                ContentRange range = ContentRange.parse(
                        response.headers().firstValue("Content-Range").orElse(""));
                if (offset > 0 && range != null && range.total() == offset) {
                    // A crash after the last byte but before the rename: the partial file is complete.
                    return finish(target, part, meta, offset, offset);
                }
                Files.deleteIfExists(part);
                return new Retry(
                        "range bytes=" + offset + "- not satisfiable; starting over " + where(), null, Duration.ZERO);
            }
            case 408, 425, 429, 500, 502, 503, 504 -> {
                return new Retry("HTTP " + status + " " + where(), null, retryAfter(response));
            }
            default -> {
                if (status >= 500) {
                    return new Retry("HTTP " + status + " " + where(), null, retryAfter(response));
                }
                return new Fatal("HTTP " + status + " " + where(), null);
            }
        }
        if (total >= 0 && file.hasExpectedSize() && total != file.expectedSize()) {
            return new Fatal(
                    "server reports " + total + " bytes, expected " + file.expectedSize() + " " + where(), null);
        }
        if (total > d.maxFileSize) {
            return new Fatal(
                    "server reports " + total + " bytes, above maxFileSize " + d.maxFileSize + " " + where(), null);
        }
        report(() -> d.listener.started(file, start, total));
        if (start > 0) {
            resumed = true;
        }
        long position = start;
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            out.truncate(start);
            out.position(start);
            byte[] buf = new byte[BUFFER];
            ByteBuffer wrapped = ByteBuffer.wrap(buf);
            long nextProgress = start + PROGRESS_STEP;
            ScheduledFuture<?> check = watch.schedule();
            try {
                for (int n; (n = body.read(buf)) > 0; ) {
                    watch.touch();
                    if (position + n > d.maxFileSize) {
                        out.truncate(0);
                        Files.deleteIfExists(part);
                        return new Fatal("body exceeds maxFileSize " + d.maxFileSize + " " + where(), null);
                    }
                    wrapped.clear().limit(n);
                    while (wrapped.hasRemaining()) {
                        out.write(wrapped);
                    }
                    position += n;
                    transferred += n;
                    if (position >= nextProgress) {
                        long p = position;
                        report(() -> d.listener.progress(file, p, total));
                        nextProgress = position + PROGRESS_STEP;
                    }
                }
            } catch (IOException e) {
                out.force(false);
                String why = watch.fired() ? "no data for " + d.idleTimeout : e.toString();
                return new Retry(
                        "transfer broke at byte " + position + (total >= 0 ? " of " + total : "") + " " + where() + ": "
                                + why,
                        e,
                        null);
            } finally {
                check.cancel(false);
            }
            out.force(false);
        }
        long p = position;
        report(() -> d.listener.progress(file, p, total));
        if (total >= 0 && position != total) {
            return new Retry("body ended at byte " + position + " of " + total + " " + where(), null, null);
        }
        return finish(target, part, meta, position, total);
    }

    private Outcome finish(Path target, Path part, Path meta, long size, long total) throws IOException {
        String problem = verify(part, size);
        if (problem != null) {
            Files.deleteIfExists(part);
            Files.deleteIfExists(meta);
            return new Retry("downloaded file " + problem + " " + where(), null, null);
        }
        CacheFiles.promote(part, target);
        Files.deleteIfExists(meta);
        return new Done(total >= 0 ? total : size);
    }

    private static @Nullable String validatorOf(HttpResponse<?> response) {
        String etag = response.headers().firstValue("ETag").orElse(null);
        if (etag != null && !etag.startsWith("W/")) {
            return etag; // If-Range needs a strong validator
        }
        return response.headers().firstValue("Last-Modified").orElse(null);
    }

    private static @Nullable Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.strip());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null; // an HTTP date: fall back to our own backoff
        }
    }

    private void report(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("download listener failed for {}: {}", file.uri(), e.toString());
        }
    }

    /**
     * Stall detection: {@link HttpResponse} bodies have no read timeout, so a server that stops
     * sending would block the worker forever. A periodic check closes the body when no byte arrived
     * for the idle timeout, which makes the blocked read fail. (Interrupting the reader instead
     * would also close the cache file's interruptible channel.)
     */
    private final class Watch {
        private final InputStream body;
        private volatile long lastNanos = System.nanoTime();
        private boolean stopped;
        private boolean fired;

        Watch(InputStream body) {
            this.body = body;
        }

        ScheduledFuture<?> schedule() {
            long period = Math.max(10, d.idleTimeout.toMillis() / 4);
            return d.watchdog.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
        }

        void touch() {
            lastNanos = System.nanoTime();
        }

        private void check() {
            if (System.nanoTime() - lastNanos < d.idleTimeout.toNanos()) {
                return;
            }
            synchronized (this) {
                if (stopped || fired) {
                    return;
                }
                fired = true;
            }
            try {
                body.close();
            } catch (IOException e) {
                LOG.debug("closing stalled body of {}: {}", file.uri(), e.toString());
            }
        }

        synchronized boolean fired() {
            return fired;
        }

        synchronized void stop() {
            stopped = true;
        }
    }
}
