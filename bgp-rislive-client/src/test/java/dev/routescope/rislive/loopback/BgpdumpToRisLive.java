package dev.routescope.rislive.loopback;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Interim traffic generator: turns the {@code bgpdump -m} lines of an MRT updates file into RIS Live
 * {@code ris_message} frames, so the client can be tested and measured on real rrc12 routing data
 * before the MRT-based converter (bgp-mrt-parser) exists.
 *
 * <p>Consecutive lines of one peer, one second and identical attributes become one UPDATE frame
 * (withdrawals and announcements in separate frames); {@code STATE} lines into ESTABLISHED become
 * {@code "connected"}, out of ESTABLISHED {@code "down"}, others are skipped. What bgpdump's text
 * loses stays lost: the IPv6 link-local next hop, whether MED was present (bgpdump prints 0), and
 * sub-second time. Large communities are left out, as in RIS Live's JSON.
 *
 * <p>Run as a tool: {@code java ... BgpdumpToRisLive <updates.gz> <out.ndjson> [host]}.
 */
public final class BgpdumpToRisLive {
    private static final JsonFactory JSON = new JsonFactory();

    /** Counts of one conversion. */
    public static final class Stats {
        /** bgpdump A lines converted. */
        public long announcements;
        /** bgpdump W lines converted. */
        public long withdrawals;
        /** STATE lines converted. */
        public long states;
        /** lines skipped (state transitions not involving ESTABLISHED, confederation paths). */
        public long skipped;
        /** frames written. */
        public long frames;
        /** the bgpdump lines converted, in order (only when kept). */
        public final List<String> lines = new ArrayList<>();

        @Override
        public String toString() {
            return "frames=" + frames + " A=" + announcements + " W=" + withdrawals + " STATE=" + states + " skipped="
                    + skipped;
        }
    }

    private final String host;
    private final Consumer<String> out;
    private final Stats stats = new Stats();
    private final boolean keepLines;
    private final List<String[]> run = new ArrayList<>();
    private final Set<String> runPrefixes = new HashSet<>();
    private String runKey = "";
    private long seq;

    private BgpdumpToRisLive(String host, Consumer<String> out, boolean keepLines) {
        this.host = host;
        this.out = out;
        this.keepLines = keepLines;
    }

    /**
     * Converts one MRT file by running {@code bgpdump -m} on it.
     *
     * @param bgpdump the bgpdump executable
     * @param mrt the MRT file
     * @param host the collector name for {@code host}, e.g. {@code rrc12.ripe.net}
     * @param keepLines whether to keep the converted bgpdump lines in the stats (for differential tests)
     * @param out receives each frame
     * @return the counts
     * @throws IOException if bgpdump cannot run
     */
    public static Stats convert(Path bgpdump, Path mrt, String host, boolean keepLines, Consumer<String> out)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(bgpdump.toString(), "-m", mrt.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BgpdumpToRisLive c = new BgpdumpToRisLive(host, out, keepLines);
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = r.readLine()) != null) {
                c.line(line);
            }
        }
        c.flush();
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IOException("bgpdump -m " + mrt + " exited with " + exit);
        }
        return c.stats;
    }

    private void line(String line) {
        String[] f = line.split("\\|", -1);
        if (f.length < 6) {
            stats.skipped++;
            return;
        }
        switch (f[2]) {
            case "A" -> {
                if (f.length < 14 || f[6].contains("(") || f[6].contains("[")) {
                    stats.skipped++; // RIS Live's JSON path has no confederation notation
                    return;
                }
                add(
                        line,
                        f,
                        "A|" + f[1] + "|" + f[3] + "|" + f[4] + "|"
                                + String.join("|", List.of(f).subList(6, 14)));
                stats.announcements++;
            }
            case "W" -> {
                add(line, f, "W|" + f[1] + "|" + f[3] + "|" + f[4]);
                stats.withdrawals++;
            }
            case "STATE" -> {
                flush();
                String state = f[6].equals("6") ? "connected" : f[5].equals("6") ? "down" : null;
                if (state == null) {
                    stats.skipped++;
                    return;
                }
                emitState(f, state);
                stats.states++;
                if (keepLines) {
                    stats.lines.add(line);
                }
            }
            default -> stats.skipped++;
        }
    }

    private void add(String line, String[] f, String key) {
        if (!key.equals(runKey) || runPrefixes.contains(f[5])) {
            flush();
            runKey = key;
        }
        run.add(f);
        runPrefixes.add(f[5]);
        if (keepLines) {
            stats.lines.add(line);
        }
    }

    private void flush() {
        if (run.isEmpty()) {
            return;
        }
        String[] first = run.get(0);
        emit(g -> {
            header(g, first, "UPDATE");
            if (first[2].equals("W")) {
                g.writeArrayFieldStart("path");
                g.writeEndArray();
                g.writeArrayFieldStart("community");
                g.writeEndArray();
                g.writeArrayFieldStart("announcements");
                g.writeEndArray();
                g.writeArrayFieldStart("withdrawals");
                for (String[] f : run) {
                    g.writeString(f[5]);
                }
                g.writeEndArray();
                return;
            }
            writePath(g, first[6]);
            g.writeArrayFieldStart("community");
            for (String c : first[11].trim().split(" ")) {
                String[] parts = c.split(":");
                if (parts.length == 2) {
                    g.writeStartArray();
                    g.writeNumber(Long.parseLong(parts[0]));
                    g.writeNumber(Long.parseLong(parts[1]));
                    g.writeEndArray();
                }
            }
            g.writeEndArray();
            g.writeStringField("origin", first[7]);
            if (!first[10].isEmpty()) {
                g.writeNumberField("med", Long.parseLong(first[10]));
            }
            if (!first[13].isEmpty()) {
                String[] agg = first[13].split(" ");
                g.writeStringField("aggregator", agg[0] + ":" + agg[1]);
            }
            g.writeArrayFieldStart("announcements");
            g.writeStartObject();
            g.writeStringField("next_hop", first[8]);
            g.writeArrayFieldStart("prefixes");
            for (String[] f : run) {
                g.writeString(f[5]);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeArrayFieldStart("withdrawals");
            g.writeEndArray();
        });
        run.clear();
        runPrefixes.clear();
        runKey = "";
    }

    private static void writePath(JsonGenerator g, String path) throws IOException {
        g.writeArrayFieldStart("path");
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '{') {
                int end = path.indexOf('}', i);
                g.writeStartArray();
                for (String a : path.substring(i + 1, end).split(",")) {
                    g.writeNumber(Long.parseLong(a));
                }
                g.writeEndArray();
                i = end + 1;
            } else {
                int end = path.indexOf(' ', i);
                end = end < 0 ? path.length() : end;
                g.writeNumber(Long.parseLong(path.substring(i, end)));
                i = end;
            }
        }
        g.writeEndArray();
    }

    private void emitState(String[] f, String state) {
        emit(g -> {
            header(g, f, "RIS_PEER_STATE");
            g.writeStringField("state", state);
        });
    }

    private void header(JsonGenerator g, String[] f, String type) throws IOException {
        g.writeFieldName("timestamp");
        g.writeNumber(f[1] + ".00");
        g.writeStringField("peer", f[3]);
        g.writeStringField("peer_asn", f[4]);
        g.writeStringField("id", f[3] + "-" + Long.toHexString(seq++));
        g.writeStringField("host", host);
        g.writeStringField("type", type);
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private void emit(Body body) {
        StringWriter w = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("type", "ris_message");
            g.writeObjectFieldStart("data");
            body.write(g);
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stats.frames++;
        out.accept(w.toString());
    }

    /**
     * Command line: {@code <updates.gz> <out.ndjson> [host]}.
     *
     * @param args arguments
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println(
                    "usage: BgpdumpToRisLive <mrt-updates-file> <out.ndjson> [host, default rrc12.ripe.net]");
            System.exit(2);
        }
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(Path.of(args[1])))) {
            Stats s = convert(
                    Path.of("/usr/bin/bgpdump"),
                    Path.of(args[0]),
                    args.length > 2 ? args[2] : "rrc12.ripe.net",
                    false,
                    frame -> {
                        try {
                            w.write(frame);
                            w.write('\n');
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
            System.err.println(s);
        }
    }
}
