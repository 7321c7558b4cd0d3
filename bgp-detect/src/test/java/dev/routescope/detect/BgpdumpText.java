package dev.routescope.detect;

import dev.routescope.model.AsPath;
import dev.routescope.model.Asn;
import dev.routescope.model.BgpState;
import dev.routescope.model.IpAddress;
import dev.routescope.model.PathAttributes;
import dev.routescope.model.Peer;
import dev.routescope.model.PeerStateChange;
import dev.routescope.model.Prefix;
import dev.routescope.model.RouteEvent;
import dev.routescope.model.Withdrawal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * INTERIM test helper until bgp-mrt-parser is installed: real route events from MRT files through
 * {@code bgpdump -m} (domain.md §5), streamed (never held in memory). Lines it cannot turn into an
 * event are counted in {@link #skipped()}.
 */
final class BgpdumpText implements Iterator<RouteEvent>, AutoCloseable {
    private final Path bgpdump;
    private final List<Path> files;
    private final String collector;
    private int fileIndex;
    private @Nullable Process process;
    private @Nullable BufferedReader reader;
    private @Nullable RouteEvent next;
    private long skipped;
    private long lines;
    private final Map<String, Peer> peers = new HashMap<>();
    private final Map<String, AsPath> paths = new HashMap<>();
    private final Map<String, Prefix> prefixes = new HashMap<>();

    BgpdumpText(Path bgpdump, List<Path> files, String collector) {
        this.bgpdump = bgpdump;
        this.files = new ArrayList<>(files);
        this.collector = collector;
    }

    long skipped() {
        return skipped;
    }

    long lines() {
        return lines;
    }

    @Override
    public boolean hasNext() {
        try {
            while (next == null) {
                BufferedReader r = reader;
                if (r == null) {
                    if (fileIndex >= files.size()) {
                        return false;
                    }
                    Process p = new ProcessBuilder(
                                    bgpdump.toString(),
                                    "-m",
                                    files.get(fileIndex++).toString())
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
                    process = p;
                    r = new BufferedReader(
                            new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII), 1 << 16);
                    reader = r;
                }
                String line = r.readLine();
                if (line == null) {
                    r.close();
                    reader = null;
                    continue;
                }
                lines++;
                next = parse(line);
                if (next == null) {
                    skipped++;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public RouteEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RouteEvent e = java.util.Objects.requireNonNull(next);
        next = null;
        return e;
    }

    private @Nullable RouteEvent parse(String line) {
        String[] f = line.split("\\|", -1);
        if (f.length < 6 || f[0].endsWith("_AP")) {
            return null;
        }
        try {
            Instant t = time(f[1]);
            Peer peer = peers.computeIfAbsent(f[3] + "|" + f[4], k -> new Peer(IpAddress.parse(f[3]), Asn.parse(f[4])));
            switch (f[2]) {
                case "A", "B" -> {
                    if (f.length < 8) {
                        return null;
                    }
                    AsPath path = paths.computeIfAbsent(f[6], AsPath::parse);
                    return new dev.routescope.model.Announcement(
                            t,
                            collector,
                            peer,
                            prefixes.computeIfAbsent(f[5], Prefix::parse),
                            RouteEvent.NO_PATH_ID,
                            PathAttributes.builder().asPath(path).build(),
                            f[2].equals("B"));
                }
                case "W" -> {
                    return new Withdrawal(
                            t, collector, peer, prefixes.computeIfAbsent(f[5], Prefix::parse), RouteEvent.NO_PATH_ID);
                }
                case "STATE" -> {
                    return new PeerStateChange(
                            t,
                            collector,
                            peer,
                            BgpState.ofCode(Integer.parseInt(f[5])),
                            BgpState.ofCode(Integer.parseInt(f[6])));
                }
                default -> {
                    return null;
                }
            }
        } catch (IllegalArgumentException e) {
            return null;
        } finally {
            if (paths.size() > 200_000) {
                paths.clear(); // bounded intern cache
            }
        }
    }

    private static Instant time(String s) {
        int dot = s.indexOf('.');
        if (dot < 0) {
            return Instant.ofEpochSecond(Long.parseLong(s));
        }
        return Instant.ofEpochSecond(Long.parseLong(s.substring(0, dot)), Long.parseLong(s.substring(dot + 1)) * 1000);
    }

    @Override
    public void close() throws IOException {
        BufferedReader r = reader;
        if (r != null) {
            r.close();
        }
        Process p = process;
        if (p != null) {
            p.destroy();
        }
    }
}
