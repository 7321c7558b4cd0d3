package dev.routescope.rislive.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * RIS Live over {@link java.net.http.WebSocket}. Flow control is the WebSocket's own: one {@code
 * request(1)} per received part, withheld while the queue is full (BLOCK), so the server's TCP
 * window fills up instead of our heap.
 */
public final class WebSocketTransport implements Transport {
    private final HttpClient http;
    private final URI uri;
    private final long maxFrameChars;

    /**
     * A transport.
     *
     * @param http the client (its executor runs the listener)
     * @param uri the endpoint including {@code ?client=}
     * @param maxFrameChars longer frames are discarded and reported
     */
    public WebSocketTransport(HttpClient http, URI uri, long maxFrameChars) {
        this.http = http;
        this.uri = uri;
        this.maxFrameChars = maxFrameChars;
    }

    @Override
    public Connection open(FrameSink sink, Duration timeout) throws IOException, InterruptedException {
        Listener listener = new Listener(sink, maxFrameChars);
        CompletableFuture<WebSocket> opening =
                http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(uri, listener);
        WebSocket ws;
        try {
            ws = opening.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("cannot open WebSocket " + uri + ": " + cause, cause);
        } catch (TimeoutException e) {
            opening.cancel(true);
            throw new IOException("cannot open WebSocket " + uri + ": no handshake within " + timeout, e);
        }
        return new WsConnection(ws, listener.closed);
    }

    @Override
    public boolean reconnects() {
        return true;
    }

    @Override
    public String describe() {
        return uri.toString();
    }

    private static final class WsConnection implements Connection {
        private final WebSocket ws;
        private final CompletableFuture<String> closed;

        WsConnection(WebSocket ws, CompletableFuture<String> closed) {
            this.ws = ws;
            this.closed = closed;
        }

        @Override
        public CompletableFuture<String> closed() {
            return closed;
        }

        @Override
        public synchronized boolean send(String text) {
            // java.net.http allows one outstanding send: wait for each before the next.
            try {
                ws.sendText(text, true).get(30, TimeUnit.SECONDS);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException | TimeoutException e) {
                abort();
                closed.complete("send failed: " + e);
                return false;
            }
        }

        @Override
        public void abort() {
            ws.abort();
            closed.complete("aborted by the client");
        }

        @Override
        public synchronized void close() {
            // Both the closing thread and the connector may get here; the first one does the handshake.
            if (closed.isDone()) {
                ws.abort();
                return;
            }
            try {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "client closing").get(1, TimeUnit.SECONDS);
                closed.get(1, TimeUnit.SECONDS); // the server's close frame
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException | IllegalStateException e) {
                // the server did not answer in time or the socket is already gone: fall through to abort
            }
            abort();
        }
    }

    private static final class Listener implements WebSocket.Listener {
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private final FrameSink sink;
        private final long maxFrameChars;
        private final StringBuilder parts = new StringBuilder();
        private long skippedChars = -1;
        private @Nullable String skippedHead;

        Listener(FrameSink sink, long maxFrameChars) {
            this.sink = sink;
            this.maxFrameChars = maxFrameChars;
        }

        @Override
        public void onOpen(WebSocket ws) {
            ws.request(1);
        }

        @Override
        public @Nullable CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            if (skippedChars >= 0) {
                skippedChars += data.length();
            } else if (parts.length() + data.length() > maxFrameChars) {
                skippedChars = parts.length() + (long) data.length();
                parts.append(data, 0, Math.min(data.length(), 256));
                skippedHead = parts.substring(0, Math.min(parts.length(), 256));
                parts.setLength(0);
            } else {
                parts.append(data);
            }
            if (!last) {
                ws.request(1);
                return null;
            }
            if (skippedChars >= 0) {
                sink.oversized(skippedHead == null ? "" : skippedHead, skippedChars);
                skippedChars = -1;
                skippedHead = null;
                ws.request(1);
                return null;
            }
            String frame = parts.toString();
            parts.setLength(0);
            if (sink.offer(frame, () -> ws.request(1))) {
                ws.request(1);
            }
            return null;
        }

        @Override
        public @Nullable CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            ws.request(1); // RIS Live sends text only
            return null;
        }

        @Override
        public @Nullable CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
            ws.request(1); // the implementation answers with a pong itself
            return null;
        }

        @Override
        public @Nullable CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
            ws.request(1);
            return null;
        }

        @Override
        public @Nullable CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete("server closed the WebSocket: " + statusCode + (reason.isEmpty() ? "" : " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete("WebSocket error: " + error);
        }
    }
}
