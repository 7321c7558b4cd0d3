package dev.routescope.rpki.rtr;

import dev.routescope.rpki.rtr.internal.PduReader;
import dev.routescope.rpki.rtr.internal.RtrCodec;
import dev.routescope.rpki.rtr.internal.RtrDecodeException;
import dev.routescope.rpki.rtr.internal.RtrPdu;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A loopback RTR "cache" whose behaviour per connection is a test-written script: it may send
 * anything, including malformed bytes. Connections are served one at a time, in order; script
 * {@code i} serves connection {@code i} (the last script serves any further ones).
 */
final class ScriptedCache implements AutoCloseable {
    /** What one connection does. */
    interface Script {
        void run(Conn c) throws Exception;
    }

    /** One accepted connection. */
    static final class Conn {
        final int index;
        private final Socket socket;
        private final PduReader reader;
        private final OutputStream out;
        private final BlockingQueue<RtrPdu> received;

        Conn(int index, Socket socket, BlockingQueue<RtrPdu> received) throws IOException {
            this.index = index;
            this.socket = socket;
            this.reader = new PduReader(new BufferedInputStream(socket.getInputStream()));
            this.out = socket.getOutputStream();
            this.received = received;
        }

        /** Reads the next PDU from the client (and records it), or throws if none within 10 s. */
        RtrPdu read() throws IOException, RtrDecodeException {
            socket.setSoTimeout(10_000);
            byte[] raw = reader.next();
            if (raw == null) {
                throw new IOException("no PDU from the client within 10 s");
            }
            RtrPdu p = RtrCodec.decode(raw);
            received.add(p);
            return p;
        }

        /** Reads until the client closes the connection, recording what it sends; true if it closed in time. */
        boolean readUntilClosed(Duration max) throws IOException {
            long deadline = System.nanoTime() + max.toNanos();
            while (System.nanoTime() < deadline) {
                socket.setSoTimeout(200);
                try {
                    byte[] raw = reader.next();
                    if (raw != null) {
                        received.add(RtrCodec.decode(raw));
                    }
                } catch (java.io.EOFException | SocketException closed) {
                    return true;
                } catch (RtrDecodeException e) {
                    throw new IOException("client sent a malformed PDU", e);
                }
            }
            return false;
        }

        void send(RtrPdu... pdus) throws IOException {
            for (RtrPdu p : pdus) {
                out.write(RtrCodec.encode(p));
            }
            out.flush();
        }

        void sendRaw(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        void close() throws IOException {
            socket.close();
        }
    }

    private final ServerSocket server;
    private final List<Script> scripts;
    private final Thread thread;
    private final BlockingQueue<RtrPdu> received = new LinkedBlockingQueue<>();
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    private volatile int connections;
    private volatile boolean closed;

    ScriptedCache(Script... scripts) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.scripts = List.of(scripts);
        this.thread = new Thread(this::serve, "scripted-rtr-cache");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return connections;
    }

    /** The next PDU the client sent (on any connection), or null after {@code max}. */
    @Nullable
    RtrPdu nextReceived(Duration max) throws InterruptedException {
        return received.poll(max.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next Error Report the client sent, skipping queries; null if none within {@code max}. */
    RtrPdu.@Nullable ErrorReport nextErrorReport(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            RtrPdu p = received.poll(left, TimeUnit.NANOSECONDS);
            if (p instanceof RtrPdu.ErrorReport e) {
                return e;
            }
        }
    }

    List<Throwable> failures() {
        return failures;
    }

    private void serve() {
        int i = 0;
        while (!closed) {
            try (Socket s = server.accept()) {
                int index = i++;
                connections = i;
                Script script = scripts.get(Math.min(index, scripts.size() - 1));
                try {
                    script.run(new Conn(index, s, received));
                } catch (SocketException | java.io.EOFException clientGone) {
                    // the client dropped the connection: part of most hostile scripts
                } catch (Exception | AssertionError e) {
                    failures.add(e);
                }
            } catch (IOException e) {
                if (!closed) {
                    failures.add(e);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }

    /** A script that answers a Reset Query (after a Cache Reset if a Serial Query comes first) with the given payload and End of Data, then reads until closed. */
    static Script serves(int version, int session, int serial, RtrPdu... payload) {
        return c -> {
            RtrPdu q = c.read();
            if (q instanceof RtrPdu.SerialQuery) {
                // a new cache instance cannot serve the client's old session: what a real cache does
                c.send(new RtrPdu.CacheReset(q.version()));
                q = c.read();
            }
            if (!(q instanceof RtrPdu.ResetQuery)) {
                throw new AssertionError("expected Reset Query, got " + q);
            }
            c.send(new RtrPdu.CacheResponse(version, session));
            c.send(payload);
            c.send(endOfData(version, session, serial));
            c.readUntilClosed(Duration.ofSeconds(30));
        };
    }

    static RtrPdu.EndOfData endOfData(int version, int session, int serial) {
        return version == 0
                ? new RtrPdu.EndOfData(0, session, serial, -1, -1, -1)
                : new RtrPdu.EndOfData(version, session, serial, 3600, 600, 7200);
    }
}
