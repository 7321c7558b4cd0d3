package dev.routescope.mrt.archive;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP archive for tests: serves real files under archive paths, with byte ranges,
 * ETags and injectable faults (early close, stall, 5xx, ignored ranges). Counts requests, body
 * bytes and the most requests in progress at once.
 */
final class LoopbackArchiveServer implements AutoCloseable {

    /** One served request, as the server saw it. */
    record Request(
            String path, @Nullable String range, @Nullable String ifRange) {}

    /** What to do to the next requests of a path. */
    enum Fault {
        /** Send headers for the whole body, half the bytes, then close the connection. */
        CLOSE_HALFWAY,
        /** Send half the bytes, then stop sending without closing. */
        STALL_HALFWAY,
        /** Answer 503 with Retry-After: 0. */
        UNAVAILABLE,
        /** Answer 403. */
        FORBIDDEN,
        /** Answer 200 with the whole body even when a range was asked for. */
        IGNORE_RANGE
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Path> files = new ConcurrentHashMap<>();
    private final Map<String, String> etags = new ConcurrentHashMap<>();
    private final Map<String, List<Fault>> faults = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger inProgress = new AtomicInteger();
    private final AtomicInteger maxInProgress = new AtomicInteger();
    private final AtomicLong bodyBytes = new AtomicLong();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile long delayMillis;

    LoopbackArchiveServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** {@return the archive root URI, ending with '/'} */
    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Serves {@code file} at {@code /path}. */
    LoopbackArchiveServer serve(String path, Path file) {
        files.put("/" + path, file);
        etags.put("/" + path, "\"v1-" + path.hashCode() + "\"");
        return this;
    }

    /** Changes the ETag of a path, as if the file had been replaced. */
    void changeEtag(String path) {
        etags.put("/" + path, "\"v2-" + path.hashCode() + "\"");
    }

    /** Queues faults for the next requests of a path, in order. */
    void inject(String path, Fault... next) {
        faults.computeIfAbsent("/" + path, k -> new CopyOnWriteArrayList<>()).addAll(List.of(next));
    }

    /** Holds every response this long before sending it, to make concurrency observable. */
    void delayResponses(long millis) {
        delayMillis = millis;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals("/" + path)).toList();
    }

    int maxInProgress() {
        return maxInProgress.get();
    }

    long bodyBytes() {
        return bodyBytes.get();
    }

    private @Nullable Fault nextFault(String path) {
        List<Fault> queue = faults.get(path);
        if (queue == null || queue.isEmpty()) {
            return null;
        }
        return queue.remove(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inProgress.incrementAndGet();
        maxInProgress.accumulateAndGet(now, Math::max);
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String range = exchange.getRequestHeaders().getFirst("Range");
            String ifRange = exchange.getRequestHeaders().getFirst("If-Range");
            requests.add(new Request(path, range, ifRange));
            if (delayMillis > 0) {
                release.await(delayMillis, TimeUnit.MILLISECONDS);
            }
            Path file = files.get(path);
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Fault fault = nextFault(path);
            if (fault == Fault.UNAVAILABLE) {
                exchange.getResponseHeaders().add("Retry-After", "0");
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            if (fault == Fault.FORBIDDEN) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            byte[] content = Files.readAllBytes(file);
            String etag = etags.get(path);
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
            int start = 0;
            boolean partial = false;
            if (range != null && fault != Fault.IGNORE_RANGE && (ifRange == null || ifRange.equals(etag))) {
                start = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
                if (start >= content.length) {
                    exchange.getResponseHeaders().add("Content-Range", "bytes */" + content.length);
                    exchange.sendResponseHeaders(416, -1);
                    return;
                }
                partial = true;
                exchange.getResponseHeaders()
                        .add("Content-Range", "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
            }
            int length = content.length - start;
            exchange.sendResponseHeaders(partial ? 206 : 200, length);
            OutputStream out = exchange.getResponseBody();
            if (fault == Fault.CLOSE_HALFWAY || fault == Fault.STALL_HALFWAY) {
                int half = length / 2;
                out.write(content, start, half);
                out.flush();
                bodyBytes.addAndGet(half);
                if (fault == Fault.STALL_HALFWAY) {
                    release.await(30, TimeUnit.SECONDS);
                }
                // Closing a fixed-length body early makes the server drop the connection.
                return;
            }
            out.write(content, start, length);
            bodyBytes.addAndGet(length);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away or the body was cut on purpose.
        } finally {
            inProgress.decrementAndGet();
        }
    }

    /** Reads a whole file (test helper). */
    static byte[] bytes(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
