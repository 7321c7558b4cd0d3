package dev.routescope.rislive.loopback;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A RIS Live server on 127.0.0.1 for tests: {@code /v1/ws/} speaks the WebSocket protocol (answers
 * {@code ping}, acknowledges subscriptions when asked, lists collectors, rejects unknown requests with
 * {@code ris_error}); {@code /v1/stream/} serves the firehose as chunked NDJSON. Tests drive each
 * connection through its {@link Session}: send frames, split them, stream many with TCP flow control,
 * cut the connection mid-frame, or go silent.
 */
// Netty write futures are fire-and-forget here: a failed write closes the channel, which the tests observe.
@SuppressWarnings("FutureReturnValueIgnored")
public final class LoopbackRisServer implements AutoCloseable {
    private static final io.netty.buffer.ByteBuf NEWLINE =
            Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(new byte[] {'\n'}));

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel serverChannel;
    private final BlockingQueue<Session> sessions = new LinkedBlockingQueue<>();
    private final List<Session> allSessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Consumer<Session> onFirehose = s -> {};

    /** Starts a server on an ephemeral loopback port. */
    public LoopbackRisServer() {
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec());
                        ch.pipeline().addLast(new HttpObjectAggregator(1 << 16));
                        ch.pipeline().addLast(new FirehoseHandler());
                        ch.pipeline()
                                .addLast(new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                        .websocketPath("/v1/ws/")
                                        .checkStartsWith(true)
                                        .maxFramePayloadLength(1 << 24)
                                        .handleCloseFrames(false)
                                        .build()));
                        ch.pipeline().addLast(new RisHandler());
                    }
                });
        try {
            serverChannel = b.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .sync()
                    .channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@return the WebSocket endpoint} */
    public URI webSocketUri() {
        return URI.create("ws://127.0.0.1:" + port() + "/v1/ws/");
    }

    /** {@return the firehose endpoint} */
    public URI firehoseUri() {
        return URI.create("http://127.0.0.1:" + port() + "/v1/stream/?format=json");
    }

    private int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /**
     * Sets what the server does with each new firehose connection (it must stream and end it).
     *
     * @param script the script
     */
    public void onFirehose(Consumer<Session> script) {
        onFirehose = script;
    }

    /**
     * Waits for the next connection.
     *
     * @param timeout how long
     * @return the session
     * @throws AssertionError if none arrives
     */
    public Session nextSession(Duration timeout) throws InterruptedException {
        Session s = sessions.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (s == null) {
            throw new AssertionError("no client connection within " + timeout);
        }
        return s;
    }

    /** {@return connections accepted so far} */
    public int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        for (Session s : allSessions) {
            s.channel.close();
        }
        serverChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** One client connection. */
    public static final class Session {
        final Channel channel;
        final boolean firehose;
        final String uri;
        final @Nullable String subscribeHeader;
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        volatile int closeStatus = -1;
        private @Nullable Runnable onWritable;

        Session(Channel channel, boolean firehose, String uri, @Nullable String subscribeHeader) {
            this.channel = channel;
            this.firehose = firehose;
            this.uri = uri;
            this.subscribeHeader = subscribeHeader;
        }

        /** {@return the request URI the client used (with its query)} */
        public String uri() {
            return uri;
        }

        /** {@return the firehose's X-RIS-Subscribe header, or null} */
        public @Nullable String subscribeHeader() {
            return subscribeHeader;
        }

        /**
         * Waits for the next client frame that is not a ping.
         *
         * @param timeout how long
         * @return the frame text
         */
        public String nextClientFrame(Duration timeout) throws InterruptedException {
            String f = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (f == null) {
                throw new AssertionError("no client frame within " + timeout);
            }
            return f;
        }

        /**
         * Sends one frame (a WebSocket text frame, or a firehose line).
         *
         * @param frame the frame
         */
        public void send(String frame) {
            if (firehose) {
                channel.writeAndFlush(
                        new DefaultHttpContent(Unpooled.copiedBuffer(frame + "\n", StandardCharsets.UTF_8)));
            } else {
                channel.writeAndFlush(new TextWebSocketFrame(frame));
            }
        }

        /**
         * Sends a WebSocket frame split into fragments (continuation frames).
         *
         * @param frame the frame
         * @param parts number of fragments
         */
        public void sendFragmented(String frame, int parts) {
            int step = Math.max(1, frame.length() / parts);
            int at = 0;
            boolean first = true;
            while (at < frame.length()) {
                int end = Math.min(frame.length(), at + step);
                boolean last = end == frame.length();
                String part = frame.substring(at, end);
                channel.write(
                        first ? new TextWebSocketFrame(last, 0, part) : new ContinuationWebSocketFrame(last, 0, part));
                first = false;
                at = end;
            }
            channel.flush();
        }

        /**
         * Sends the first fragment of a frame, then drops the TCP connection (no close handshake).
         *
         * @param frame the frame that will never be completed
         */
        public void dropMidFrame(String frame) {
            channel.writeAndFlush(new TextWebSocketFrame(false, 0, frame.substring(0, frame.length() / 2)))
                    .addListener(ChannelFutureListener.CLOSE);
        }

        /** Drops the TCP connection at once. */
        public void drop() {
            channel.close();
        }

        /** Ends a firehose response. */
        public void endFirehose() {
            channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
        }

        /** {@return the status code of the client's WebSocket close frame, or -1 if none came} */
        public int closeStatus() {
            return closeStatus;
        }

        /** {@return true while the connection is open} */
        public boolean isOpen() {
            return channel.isActive();
        }

        /**
         * Streams frames as fast as the client's TCP window allows (never queueing more than
         * Netty's write-buffer high-water mark), {@code rounds} times over.
         *
         * @param frames the frames
         * @param rounds how many passes
         * @return completes when all were written (or the connection closed)
         */
        public CompletableFuture<Long> stream(List<String> frames, int rounds) {
            Pump pump = new Pump(frames, rounds, null);
            channel.closeFuture().addListener(f -> pump.done.complete(pump.written));
            channel.eventLoop().execute(pump);
            return pump.done;
        }

        /**
         * Like {@link #stream(List, int)} for frames already encoded as UTF-8 (no per-frame encoding
         * on the server: load tests measure the client, not the server).
         *
         * @param utf8Frames the frames
         * @param rounds how many passes
         * @return completes when all were written (or the connection closed)
         */
        public CompletableFuture<Long> streamUtf8(List<byte[]> utf8Frames, int rounds) {
            Pump pump = new Pump(List.of(), rounds, utf8Frames);
            channel.closeFuture().addListener(f -> pump.done.complete(pump.written));
            channel.eventLoop().execute(pump);
            return pump.done;
        }

        private final class Pump implements Runnable {
            final CompletableFuture<Long> done = new CompletableFuture<>();
            private final List<?> frames;
            private final int rounds;
            private Iterator<?> it;
            private int round = 1;
            long written;

            Pump(List<String> text, int rounds, @Nullable List<byte[]> utf8) {
                this.frames = utf8 != null ? utf8 : text;
                this.rounds = rounds;
                this.it = frames.iterator();
            }

            @Override
            public void run() {
                if (done.isDone()) {
                    return;
                }
                if (!channel.isActive()) {
                    done.complete(written);
                    return;
                }
                onWritable = this;
                while (channel.isWritable()) {
                    if (!it.hasNext()) {
                        if (round == rounds) {
                            channel.flush();
                            onWritable = null;
                            done.complete(written);
                            return;
                        }
                        round++;
                        it = frames.iterator();
                    }
                    Object f = it.next();
                    if (f instanceof byte[] bytes) {
                        channel.write(
                                firehose
                                        ? new DefaultHttpContent(Unpooled.wrappedBuffer(
                                                Unpooled.wrappedBuffer(bytes), NEWLINE.duplicate()))
                                        : new TextWebSocketFrame(Unpooled.wrappedBuffer(bytes)));
                    } else {
                        String text = (String) f;
                        channel.write(
                                firehose
                                        ? new DefaultHttpContent(
                                                Unpooled.copiedBuffer(text + "\n", StandardCharsets.UTF_8))
                                        : new TextWebSocketFrame(text));
                    }
                    written++;
                }
                channel.flush();
                // Writability may have come back inside flush(), before anyone could react: look again.
                if (channel.isWritable()) {
                    channel.eventLoop().execute(this);
                }
            }
        }

        void writabilityChanged() {
            Runnable r = onWritable;
            if (r != null && channel.isWritable()) {
                channel.eventLoop().execute(r); // not inline: this may be called from inside write()
            }
        }
    }

    private final class FirehoseHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        FirehoseHandler() {
            super(false);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            if (!req.uri().startsWith("/v1/stream/")) {
                ctx.fireChannelRead(req);
                return;
            }
            try {
                DefaultHttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
                response.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
                ctx.writeAndFlush(response);
                Session s = new Session(
                        ctx.channel(), true, req.uri(), req.headers().get("X-RIS-Subscribe"));
                ctx.pipeline().remove(WebSocketServerProtocolHandler.class);
                ctx.pipeline().remove(RisHandler.class);
                ctx.pipeline().addLast(new WritabilityHandler(s));
                register(s);
                onFirehose.accept(s);
            } finally {
                req.release();
            }
        }
    }

    private void register(Session s) {
        connections.incrementAndGet();
        allSessions.add(s);
        sessions.add(s);
    }

    private static final class WritabilityHandler extends io.netty.channel.ChannelInboundHandlerAdapter {
        private final Session session;

        WritabilityHandler(Session session) {
            this.session = session;
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            session.writabilityChanged();
            ctx.fireChannelWritabilityChanged();
        }
    }

    private final class RisHandler extends SimpleChannelInboundHandler<Object> {
        private @Nullable Session session;

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete hc) {
                Session s = new Session(ctx.channel(), false, hc.requestUri(), null);
                session = s;
                register(s);
            } else {
                ctx.fireUserEventTriggered(evt);
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            Session s = session;
            if (s != null) {
                s.writabilityChanged();
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            Session s = session;
            if (msg instanceof CloseWebSocketFrame close && s != null) {
                s.closeStatus = close.statusCode();
                ctx.writeAndFlush(new CloseWebSocketFrame(close.statusCode(), "bye"))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            if (!(msg instanceof TextWebSocketFrame text) || s == null) {
                return;
            }
            String frame = text.text();
            if (frame.contains("\"type\":\"ping\"")) {
                s.send("{\"type\":\"pong\",\"data\":null}");
                return;
            }
            s.received.add(frame);
            if (frame.contains("\"type\":\"ris_subscribe\"")) {
                if (frame.contains("\"acknowledge\":true")) {
                    int at = frame.indexOf("\"data\":") + 7;
                    String data = frame.substring(at, frame.length() - 1);
                    s.send("{\"type\":\"ris_subscribe_ok\",\"data\":{\"subscription\":" + data
                            + ",\"socketOptions\":{\"acknowledge\":true}}}");
                }
            } else if (frame.contains("\"type\":\"request_rrc_list\"")) {
                s.send("{\"type\":\"ris_rrc_list\",\"data\":[\"rrc00\",\"rrc01\",\"rrc12\"]}");
            } else {
                s.send("{\"type\":\"ris_error\",\"data\":{\"message\":\"Unknown message type\"}}");
            }
        }
    }
}
