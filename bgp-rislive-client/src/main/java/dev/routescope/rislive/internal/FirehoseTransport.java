package dev.routescope.rislive.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The RIS Live firehose: one HTTP GET whose body is an endless stream of NDJSON frames; the filter
 * goes in the {@code X-RIS-Subscribe} header. Flow control is the HTTP body subscription's demand,
 * withheld while the queue is full (BLOCK).
 */
public final class FirehoseTransport implements Transport {
    private final HttpClient http;
    private final URI uri;
    private final @Nullable String subscribeHeader;
    private final int maxFrameBytes;

    /**
     * A transport.
     *
     * @param http the client
     * @param uri the stream URI including {@code ?format=json&client=}
     * @param subscribeHeader the {@code X-RIS-Subscribe} value, or null for everything
     * @param maxFrameBytes longer lines are discarded and reported
     */
    public FirehoseTransport(HttpClient http, URI uri, @Nullable String subscribeHeader, int maxFrameBytes) {
        this.http = http;
        this.uri = uri;
        this.subscribeHeader = subscribeHeader;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public Connection open(FrameSink sink, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (subscribeHeader != null) {
            request.header("X-RIS-Subscribe", subscribeHeader);
        }
        BodyLines body = new BodyLines(sink, maxFrameBytes);
        // The response future of a streaming body completes only when the body ends, so the status is
        // taken from the body handler, which runs as soon as the headers are in.
        CompletableFuture<Integer> status = new CompletableFuture<>();
        CompletableFuture<HttpResponse<Void>> response = http.sendAsync(request.build(), info -> {
            status.complete(info.statusCode());
            return info.statusCode() == 200
                    ? HttpResponse.BodySubscribers.fromSubscriber(body, s -> null)
                    : HttpResponse.BodySubscribers.replacing(null);
        });
        CompletableFuture<?> failure = response.whenComplete((r, e) -> {
            if (e != null) {
                status.completeExceptionally(e);
                body.closed.complete("firehose error: " + e);
            }
        });
        body.onAbort(() -> failure.cancel(true));
        int code;
        try {
            code = status.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("cannot open firehose " + uri + ": " + cause, cause);
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new IOException("cannot open firehose " + uri + ": no response headers within " + timeout, e);
        }
        if (code != 200) {
            response.cancel(true);
            throw new IOException("firehose " + uri + " answered HTTP " + code + " (expected: 200)");
        }
        return new Connection() {
            @Override
            public CompletableFuture<String> closed() {
                return body.closed;
            }

            @Override
            public boolean send(String text) {
                return false;
            }

            @Override
            public void abort() {
                body.cancel();
                body.closed.complete("aborted by the client");
            }
        };
    }

    @Override
    public boolean reconnects() {
        return true;
    }

    @Override
    public String describe() {
        return uri.toString();
    }

    private static final class BodyLines implements Flow.Subscriber<List<ByteBuffer>>, LineSplitter.LineHandler {
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private final FrameSink sink;
        private final LineSplitter splitter;
        private final AtomicReference<Flow.@Nullable Subscription> subscription = new AtomicReference<>();
        private final Runnable resume = this::requestOne;
        private boolean pausedInChunk;

        BodyLines(FrameSink sink, int maxFrameBytes) {
            this.sink = sink;
            this.splitter = new LineSplitter(maxFrameBytes);
        }

        private volatile Runnable abortHook = () -> {};

        void onAbort(Runnable hook) {
            abortHook = hook;
        }

        void cancel() {
            abortHook.run();
            Flow.Subscription s = subscription.get();
            if (s != null) {
                s.cancel();
            }
        }

        private void requestOne() {
            Flow.Subscription s = subscription.get();
            if (s != null) {
                s.request(1);
            }
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription.set(s);
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> chunk) {
            pausedInChunk = false;
            for (ByteBuffer b : chunk) {
                splitter.feed(b, this);
            }
            if (!pausedInChunk) {
                requestOne();
            }
        }

        @Override
        public boolean line(String line) {
            if (!sink.offer(line, resume)) {
                pausedInChunk = true;
            }
            return true;
        }

        @Override
        public void oversized(String head, long length) {
            sink.oversized(head, length);
        }

        @Override
        public void onError(Throwable t) {
            closed.complete("firehose error: " + t);
        }

        @Override
        public void onComplete() {
            splitter.finish(this);
            closed.complete("firehose stream ended");
        }
    }
}
