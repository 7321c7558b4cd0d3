package dev.routescope.detect.internal;

import dev.routescope.detect.Incident;
import dev.routescope.detect.IncidentSink;
import dev.routescope.detect.spi.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * RFC 5424 syslog over UDP (RFC 5426, one message per datagram, truncated to {@code maxUdpBytes}) or
 * TCP (RFC 6587 octet counting, reconnects after a failure).
 */
public final class SyslogSink implements IncidentSink {
    /** Structured-data id; 32473 is IANA's example enterprise number (RFC 5612), replace it with yours. */
    public static final String SD_ID = "routescope@32473";

    private final InetSocketAddress target;
    private final boolean tcp;
    private final int facility;
    private final String hostname;
    private final int maxUdpBytes;
    private final Duration timeout;
    private @Nullable DatagramSocket udp;
    private @Nullable Socket socket;

    /**
     * A syslog sink.
     *
     * @param target receiver address
     * @param tcp true for TCP, false for UDP
     * @param facility 0..23 (16 = local0)
     * @param hostname HOSTNAME field ("-" for nil)
     * @param maxUdpBytes datagram size limit (RFC 5426 asks receivers for at least 2048)
     * @param timeout TCP connect/write timeout
     */
    public SyslogSink(
            InetSocketAddress target, boolean tcp, int facility, String hostname, int maxUdpBytes, Duration timeout) {
        if (facility < 0 || facility > 23) {
            throw new IllegalArgumentException("syslog facility " + facility + " (expected: 0..23)");
        }
        if (maxUdpBytes < 480) {
            throw new IllegalArgumentException("maxUdpBytes " + maxUdpBytes + " (expected: >= 480, RFC 5426)");
        }
        this.target = target;
        this.tcp = tcp;
        this.facility = facility;
        this.hostname = hostname.isEmpty() ? "-" : hostname;
        this.maxUdpBytes = maxUdpBytes;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return (tcp ? "syslog-tcp:" : "syslog-udp:") + target.getPort();
    }

    static int severityCode(Incident i) {
        if (i.status() == Incident.Status.RESOLVED) {
            return 5; // notice
        }
        Severity s = i.severity();
        return switch (s) {
            case CRITICAL -> 2;
            case HIGH -> 3;
            case MEDIUM -> 4;
            case LOW -> 5;
        };
    }

    /**
     * Formats one RFC 5424 message (without transport framing).
     *
     * @param i the incident
     * @return the message bytes, UTF-8
     */
    public byte[] format(Incident i) {
        StringBuilder sb = new StringBuilder(512);
        sb.append('<').append(facility * 8 + severityCode(i)).append(">1 ");
        sb.append(i.lastSeen()).append(' ');
        sb.append(hostname).append(" routescope - ");
        sb.append(printable(i.type(), 32)).append(" [").append(SD_ID);
        param(sb, "id", i.id());
        param(sb, "status", i.status().name());
        param(sb, "severity", i.severity().name());
        if (i.prefix() != null) {
            param(sb, "prefix", i.prefix().toString());
        }
        if (i.offender() != null) {
            param(sb, "offender", Long.toString(i.offender().value()));
        }
        if (i.subject() != null) {
            param(sb, "subject", Long.toString(i.subject().value()));
        }
        param(sb, "peers", Integer.toString(i.peerCount()));
        sb.append("] \uFEFF").append(i.message());
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void param(StringBuilder sb, String name, String value) {
        sb.append(' ').append(name).append("=\"");
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c == '"' || c == '\\' || c == ']') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    private static String printable(String s, int max) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max));
        for (int k = 0; k < s.length() && sb.length() < max; k++) {
            char c = s.charAt(k);
            sb.append(c > 32 && c < 127 ? c : '_');
        }
        return sb.length() == 0 ? "-" : sb.toString();
    }

    @Override
    public void publish(Incident incident) throws IOException {
        byte[] msg = format(incident);
        if (tcp) {
            sendTcp(msg);
        } else {
            sendUdp(msg);
        }
    }

    private void sendUdp(byte[] msg) throws IOException {
        DatagramSocket s = udp;
        if (s == null) {
            s = new DatagramSocket();
            udp = s;
        }
        int len = msg.length;
        if (len > maxUdpBytes) {
            len = maxUdpBytes;
            // Do not cut a UTF-8 sequence in half.
            while (len > 0 && (msg[len] & 0xC0) == 0x80) {
                len--;
            }
        }
        s.send(new DatagramPacket(msg, len, target));
    }

    private void sendTcp(byte[] msg) throws IOException {
        try {
            Socket s = socket;
            if (s == null || s.isClosed()) {
                s = new Socket();
                s.connect(target, (int) timeout.toMillis());
                s.setSoTimeout((int) timeout.toMillis());
                socket = s;
            }
            OutputStream out = s.getOutputStream();
            out.write((msg.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(msg);
            out.flush();
        } catch (IOException e) {
            closeSocket();
            throw new IOException("syslog TCP " + target + ": " + e.getMessage(), e);
        }
    }

    private void closeSocket() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // Already failing; the caller reports the original error.
            }
        }
    }

    @Override
    public void close() {
        closeSocket();
        DatagramSocket s = udp;
        if (s != null) {
            s.close();
        }
    }
}
