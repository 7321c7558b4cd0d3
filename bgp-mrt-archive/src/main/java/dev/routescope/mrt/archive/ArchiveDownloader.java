package dev.routescope.mrt.archive;

import dev.routescope.mrt.archive.internal.CacheFiles;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Downloads archive files into a local cache with bounded parallelism.
 *
 * <ul>
 *   <li><b>Cache.</b> A file is cached at {@code <cacheDirectory>/<host>[_<port>]/<URI path>}. It is
 *       written to {@code <name>.part}, checked (Content-Length or Content-Range total, expected size
 *       and SHA-256 when the {@link ArchiveFile} has them), forced to disk and only then atomically
 *       renamed, so a file under its final name is always complete. A cached file is used without
 *       contacting the server (after re-checking the expected size and SHA-256 when known).
 *   <li><b>Resume.</b> An interrupted transfer leaves its {@code .part} file; the next attempt (in
 *       this run or a later one) asks for the rest with an HTTP {@code Range} request, guarded by
 *       {@code If-Range} with the ETag or Last-Modified of the first response. A server that answers
 *       with the whole file is handled by starting over.
 *   <li><b>Missing files</b> (404, 410) are a {@link DownloadResult.Missing} result, not an error.
 *   <li><b>Retries</b> with exponential backoff and jitter on 5xx, 429 (honouring Retry-After up to
 *       the maximum backoff), connection errors, truncated bodies and stalls: a response that sends
 *       no byte for {@code idleTimeout} is abandoned and resumed. Other 4xx fail at once.
 *   <li><b>Coordination.</b> Requests for the same file share one transfer in this JVM; other
 *       processes using the same cache directory wait on a {@code <name>.lock} file lock.
 *   <li><b>Local files</b> ({@code file:} URIs of a {@linkplain MrtArchive#localMirror mirror}) are
 *       checked and used in place.
 * </ul>
 *
 * <pre>{@code
 * try (ArchiveDownloader downloader = ArchiveDownloader.builder()
 *         .cacheDirectory(Path.of("/var/cache/mrt"))
 *         .parallelism(4)
 *         .build()) {
 *     DownloadReport report = downloader.downloadAll(MrtArchive.ris().listUpdates(List.of("rrc12"), from, until));
 *     for (DownloadResult.Stored s : report.stored()) {
 *         System.out.println(s.path() + " " + s.size() + " " + s.source());
 *     }
 * }
 * }</pre>
 *
 * <p>Threading: thread-safe. {@code parallelism} worker threads each run one transfer at a time,
 * which bounds concurrent HTTP requests; {@link #downloadAll} blocks its caller. {@link #close()}
 * interrupts running transfers (their partial files stay for a later resume).
 *
 * @since 0.1
 */
public final class ArchiveDownloader implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    final Path cacheDirectory;
    final HttpClient client;
    final int parallelism;
    final int maxAttempts;
    final Duration initialBackoff;
    final Duration maxBackoff;
    final Duration idleTimeout;
    final long maxFileSize;
    final DownloadListener listener;
    final String userAgent;
    final ScheduledExecutorService watchdog;

    private final ExecutorService workers;
    private final ConcurrentHashMap<URI, CompletableFuture<DownloadResult>> inFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Response bodies being read; closed on shutdown because a blocked read ignores interrupts. */
    final Set<Closeable> openBodies = ConcurrentHashMap.newKeySet();

    private ArchiveDownloader(Builder b, Path cacheDirectory) {
        this.cacheDirectory = cacheDirectory;
        this.parallelism = b.parallelism;
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.idleTimeout = b.idleTimeout;
        this.maxFileSize = b.maxFileSize;
        this.listener = b.listener;
        this.userAgent = b.userAgent;
        HttpClient given = b.client;
        this.client = given != null
                ? given
                : HttpClient.newBuilder()
                        // One connection per transfer: bulk files gain nothing from HTTP/2 multiplexing,
                        // and one slow stream must not hold up the others on a shared connection.
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(b.connectTimeout)
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build();
        int pool = POOLS.incrementAndGet();
        this.workers = Executors.newFixedThreadPool(parallelism, daemon("routescope-archive-" + pool + "-download-"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemon("routescope-archive-" + pool + "-watchdog-"));
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the cache root (absolute)} */
    public Path cacheDirectory() {
        return cacheDirectory;
    }

    /** {@return the most transfers that run at once} */
    public int parallelism() {
        return parallelism;
    }

    /**
     * Where a file is (or will be) once stored: its cache location, or the file itself for a
     * {@code file:} URI.
     *
     * @param file an archive file
     * @return the path
     * @throws IllegalArgumentException if the URI cannot be cached (no host, dot segments)
     */
    public Path storedPath(ArchiveFile file) {
        if (file.isLocal()) {
            return Path.of(file.uri());
        }
        return CacheFiles.location(cacheDirectory, file.uri());
    }

    /**
     * Starts fetching a file on a worker thread. A request for a file already being fetched by this
     * downloader returns the same future. Cancelling the future interrupts the transfer.
     *
     * @param file the file
     * @return the result, which never completes exceptionally except by cancellation
     * @throws IllegalStateException if the downloader is closed
     * @throws IllegalArgumentException if the URI cannot be cached
     */
    public CompletableFuture<DownloadResult> downloadAsync(ArchiveFile file) {
        if (closed.get()) {
            throw new IllegalStateException("downloader is closed");
        }
        storedPath(file); // refuse uncacheable URIs on the caller's thread
        CompletableFuture<DownloadResult> created = new CompletableFuture<>();
        CompletableFuture<DownloadResult> existing = inFlight.putIfAbsent(file.uri(), created);
        if (existing != null) {
            return existing;
        }
        Future<?> task;
        try {
            task = workers.submit(() -> {
                DownloadResult result = new Transfer(this, file).run();
                inFlight.remove(file.uri(), created);
                created.complete(result);
                notifyFinished(result);
            });
        } catch (RuntimeException e) {
            inFlight.remove(file.uri(), created);
            throw new IllegalStateException("downloader is closed", e);
        }
        // The dependent future only forwards cancellation; nothing waits on it.
        CompletableFuture<?> unused = created.whenComplete((r, e) -> {
            if (created.isCancelled()) {
                inFlight.remove(file.uri(), created);
                task.cancel(true);
            }
        });
        return created;
    }

    private void notifyFinished(DownloadResult result) {
        try {
            listener.finished(result);
        } catch (RuntimeException e) {
            Transfer.LOG.warn(
                    "download listener failed on finished({}): {}",
                    result.file().uri(),
                    e.toString());
        }
    }

    /**
     * Fetches one file, blocking.
     *
     * @param file the file
     * @return stored, missing or failed
     * @throws InterruptedException if interrupted while waiting (the transfer is cancelled)
     */
    public DownloadResult download(ArchiveFile file) throws InterruptedException {
        return await(downloadAsync(file));
    }

    /**
     * Fetches files, at most {@link #parallelism()} at a time, blocking until all are done.
     * Duplicate URIs are fetched once.
     *
     * @param files the files, e.g. from {@link MrtArchive#list}
     * @return one result per distinct URI, in input order
     * @throws InterruptedException if interrupted while waiting (remaining transfers are cancelled)
     */
    public DownloadReport downloadAll(Collection<ArchiveFile> files) throws InterruptedException {
        Map<URI, ArchiveFile> distinct = new LinkedHashMap<>();
        for (ArchiveFile f : files) {
            storedPath(f);
            distinct.putIfAbsent(f.uri(), f);
        }
        List<CompletableFuture<DownloadResult>> futures = new ArrayList<>(distinct.size());
        for (ArchiveFile f : distinct.values()) {
            futures.add(downloadAsync(f));
        }
        List<DownloadResult> results = new ArrayList<>(futures.size());
        try {
            for (CompletableFuture<DownloadResult> f : futures) {
                results.add(await(f));
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            throw e;
        }
        return new DownloadReport(results);
    }

    private static DownloadResult await(CompletableFuture<DownloadResult> future) throws InterruptedException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("download task failed unexpectedly", e.getCause());
        } catch (CancellationException e) {
            throw new IllegalStateException("download was cancelled", e);
        }
    }

    /**
     * Stops the workers, interrupting running transfers; partial files stay in the cache for a
     * later resume. Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            workers.shutdownNow();
            watchdog.shutdownNow();
            for (Closeable body : openBodies) {
                try {
                    body.close();
                } catch (IOException e) {
                    Transfer.LOG.debug("closing a response body on shutdown: {}", e.toString());
                }
            }
            try {
                if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                    Transfer.LOG.warn("download workers did not stop within 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.values().forEach(f -> f.cancel(false));
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    @Override
    public String toString() {
        return "ArchiveDownloader{cache=" + cacheDirectory + ", parallelism=" + parallelism + ", maxAttempts="
                + maxAttempts + "}";
    }

    /**
     * Configures an {@link ArchiveDownloader}. Only the cache directory is required; each setting
     * may be given once. Not thread-safe.
     *
     * <pre>{@code
     * ArchiveDownloader d = ArchiveDownloader.builder()
     *         .cacheDirectory(Path.of("cache"))
     *         .parallelism(8)
     *         .maxAttempts(6)
     *         .backoff(Duration.ofSeconds(2), Duration.ofMinutes(1))
     *         .idleTimeout(Duration.ofSeconds(30))
     *         .build();
     * }</pre>
     *
     * @since 0.1
     */
    public static final class Builder {
        /** Default {@link #parallelism(int)}. */
        public static final int DEFAULT_PARALLELISM = 4;
        /** Default {@link #maxAttempts(int)}. */
        public static final int DEFAULT_MAX_ATTEMPTS = 5;
        /** Default {@link #maxFileSize(long)}: 32 GiB, far above the largest RIS bview. */
        public static final long DEFAULT_MAX_FILE_SIZE = 32L << 30;

        private @Nullable Path cacheDirectory;
        private int parallelism = DEFAULT_PARALLELISM;
        private boolean parallelismSet;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private boolean maxAttemptsSet;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private boolean backoffSet;
        private Duration idleTimeout = Duration.ofSeconds(60);
        private boolean idleTimeoutSet;
        private Duration connectTimeout = Duration.ofSeconds(20);
        private boolean connectTimeoutSet;
        private long maxFileSize = DEFAULT_MAX_FILE_SIZE;
        private boolean maxFileSizeSet;
        private DownloadListener listener = DownloadListener.NONE;
        private boolean listenerSet;
        private String userAgent = "routescope-mrt-archive/0.1";
        private boolean userAgentSet;
        private @Nullable HttpClient client;

        private Builder() {}

        private static void once(boolean set, String what, Object current) {
            if (set) {
                throw new IllegalStateException(what + " was already set to " + current);
            }
        }

        /**
         * Where files are cached (created if missing). Required.
         *
         * @param directory the cache root
         * @return this builder
         */
        public Builder cacheDirectory(Path directory) {
            once(cacheDirectory != null, "cache directory", String.valueOf(cacheDirectory));
            cacheDirectory = directory.toAbsolutePath().normalize();
            return this;
        }

        /**
         * How many files are fetched at once (default {@value #DEFAULT_PARALLELISM}). Public archives
         * ask for restraint; a handful of connections saturates most links.
         *
         * @param n 1..64
         * @return this builder
         */
        public Builder parallelism(int n) {
            once(parallelismSet, "parallelism", parallelism);
            if (n < 1 || n > 64) {
                throw new IllegalArgumentException("parallelism " + n + " (expected: 1..64)");
            }
            parallelism = n;
            parallelismSet = true;
            return this;
        }

        /**
         * HTTP requests per file before giving up (default {@value #DEFAULT_MAX_ATTEMPTS}).
         *
         * @param n 1..100
         * @return this builder
         */
        public Builder maxAttempts(int n) {
            once(maxAttemptsSet, "max attempts", maxAttempts);
            if (n < 1 || n > 100) {
                throw new IllegalArgumentException("max attempts " + n + " (expected: 1..100)");
            }
            maxAttempts = n;
            maxAttemptsSet = true;
            return this;
        }

        /**
         * Delay before retry {@code k} is {@code min(max, initial * 2^(k-1))}, jittered down by up to
         * half (default 1 s and 30 s).
         *
         * @param initial first delay, non-negative
         * @param max cap, at least {@code initial}
         * @return this builder
         */
        public Builder backoff(Duration initial, Duration max) {
            once(backoffSet, "backoff", initialBackoff + ".." + maxBackoff);
            if (initial.isNegative() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException(
                        "backoff " + initial + ".." + max + " (expected: 0 <= initial <= max)");
            }
            initialBackoff = initial;
            maxBackoff = max;
            backoffSet = true;
            return this;
        }

        /**
         * How long a request may wait for response headers, or a body for its next byte, before
         * the attempt is abandoned (default 60 s).
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            once(idleTimeoutSet, "idle timeout", idleTimeout);
            idleTimeout = positive(timeout, "idle timeout");
            idleTimeoutSet = true;
            return this;
        }

        /**
         * TCP/TLS connect timeout of the default HTTP client (default 20 s).
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            once(connectTimeoutSet, "connect timeout", connectTimeout);
            connectTimeout = positive(timeout, "connect timeout");
            connectTimeoutSet = true;
            return this;
        }

        private static Duration positive(Duration d, String what) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " " + d + " (expected: positive)");
            }
            return d;
        }

        /**
         * Largest file accepted; a bigger Content-Length or body fails the file (default 32 GiB).
         *
         * @param bytes positive
         * @return this builder
         */
        public Builder maxFileSize(long bytes) {
            once(maxFileSizeSet, "max file size", maxFileSize);
            if (bytes <= 0) {
                throw new IllegalArgumentException("max file size " + bytes + " (expected: > 0)");
            }
            maxFileSize = bytes;
            maxFileSizeSet = true;
            return this;
        }

        /**
         * Receives progress; see {@link DownloadListener} for threading.
         *
         * @param l the listener
         * @return this builder
         */
        public Builder listener(DownloadListener l) {
            once(listenerSet, "listener", listener);
            listener = Objects.requireNonNull(l, "listener");
            listenerSet = true;
            return this;
        }

        /**
         * The User-Agent header (default {@code routescope-mrt-archive/0.1}); archives appreciate
         * a contact address in it.
         *
         * @param agent non-blank
         * @return this builder
         */
        public Builder userAgent(String agent) {
            once(userAgentSet, "user agent", userAgent);
            if (agent.isBlank()) {
                throw new IllegalArgumentException("user agent is blank");
            }
            userAgent = agent;
            userAgentSet = true;
            return this;
        }

        /**
         * An HTTP client to use (proxy, TLS, authenticator); its redirect policy and timeouts then
         * apply instead of {@link #connectTimeout}. Default: HTTP/1.1, normal redirects.
         *
         * @param httpClient the client
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            once(client != null, "http client", String.valueOf(client));
            client = httpClient;
            return this;
        }

        /**
         * Builds the downloader and starts its worker threads.
         *
         * @return the downloader; close it
         * @throws IllegalStateException if no cache directory was set
         */
        public ArchiveDownloader build() {
            Path dir = cacheDirectory;
            if (dir == null) {
                throw new IllegalStateException("cacheDirectory(..) is required");
            }
            return new ArchiveDownloader(this, dir);
        }
    }
}
