package dev.routescope.mrt;

import dev.routescope.model.Prefix;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Compares our {@code -m} lines with a bgpdump output stream line by line, without holding either in memory, and
 * classifies every difference: either one of the documented intentional differences or a failure.
 *
 * <p>Our side may contain markers, emitted where the reader reported a problem that bgpdump handles differently:
 * {@code #DROP} (a prefix longer than its address: bgpdump overflows its prefix buffer and prints one garbage line),
 * {@code #SKIPREC <time>} (an UPDATE skipped for a session-reset length error: bgpdump prints whatever it decodes,
 * all lines carry that time) and {@code #RESYNC} (we skipped garbage to the next plausible header: bgpdump has lost
 * its framing, so the rest of the file is not comparable).
 */
final class BgpdumpLineComparator {
    /** The documented intentional differences (see the module README). */
    enum Difference {
        /** bgpdump 1.6.2 prints NLRI host bits; we mask them (as upstream bgpdump's own test now expects). */
        UNMASKED_HOST_BITS,
        /** Legacy BGP (type 5) withdrawals: bgpdump prints the peer address as prefix address (inet_ntoa reuse). */
        LEGACY_WITHDRAW_PREFIX,
        /** A prefix longer than its address: bgpdump prints a garbage line, we drop it with a problem. */
        OVERLONG_PREFIX,
        /**
         * An NLRI field that only parses with ADD-PATH path identifiers under a plain subtype: we decode it with them,
         * bgpdump prints garbage. Lines of that second are not compared.
         */
        UNDECLARED_ADD_PATH,
        /** An UPDATE whose withdrawn/attribute length overruns the message: we skip it, bgpdump prints garbage. */
        SESSION_RESET_UPDATE,
        /** After garbage we resynchronise; bgpdump loses framing. Lines after that point are not compared. */
        RESYNC_AFTER_GARBAGE
    }

    private final BufferedReader theirs;
    private @Nullable String lookahead;
    private long ourLine;
    private long theirLine;
    private boolean resynced;
    private long oursAfterResync;
    private final Map<Difference, Long> differences = new EnumMap<>(Difference.class);
    private final List<String> failures = new ArrayList<>();

    BgpdumpLineComparator(BufferedReader theirs) {
        this.theirs = theirs;
    }

    private @Nullable String next() throws IOException {
        String l = lookahead != null ? lookahead : theirs.readLine();
        lookahead = null;
        if (l != null) {
            theirLine++;
        }
        return l;
    }

    private @Nullable String peek() throws IOException {
        if (lookahead == null) {
            lookahead = theirs.readLine();
        }
        return lookahead;
    }

    /** While set, our lines of this second belong to a record bgpdump decoded differently (undeclared ADD-PATH). */
    private @Nullable String skipTime;

    void ours(String line) throws IOException {
        if (resynced) {
            if (!line.startsWith("#")) {
                oursAfterResync++;
            }
            return;
        }
        if (line.equals("#RESYNC")) {
            resynced = true;
            count(Difference.RESYNC_AFTER_GARBAGE);
            return;
        }
        if (line.equals("#DROP")) {
            String t = next();
            if (t == null) {
                fail("bgpdump output ended where it should print a line for an overlong prefix");
            } else {
                count(Difference.OVERLONG_PREFIX);
            }
            return;
        }
        if (skipTime != null) {
            if (field(line, 1).equals(skipTime)) {
                return;
            }
            skipTime = null;
        }
        if (line.startsWith("#ADDPATH ")) {
            skipTime = line.substring(9);
            for (String t = peek(); t != null && field(t, 1).equals(skipTime); t = peek()) {
                next();
            }
            count(Difference.UNDECLARED_ADD_PATH);
            return;
        }
        if (line.startsWith("#SKIPREC ")) {
            String time = line.substring(9);
            boolean any = false;
            for (String t = peek(); t != null && field(t, 1).equals(time); t = peek()) {
                next();
                any = true;
            }
            if (any) {
                count(Difference.SESSION_RESET_UPDATE);
            }
            return;
        }
        ourLine++;
        String t = next();
        if (t == null) {
            fail("bgpdump output ended; ours continues with: " + line);
            return;
        }
        if (t.equals(line)) {
            return;
        }
        Difference d = classify(line, t);
        if (d != null) {
            count(d);
        } else {
            fail("line " + theirLine + " differs:\n  bgpdump: " + t + "\n  ours:    " + line);
        }
    }

    /** Call after our last line; checks bgpdump has nothing left. */
    void end() throws IOException {
        if (resynced) {
            while (next() != null) {
                // bgpdump's lines after its framing was lost are not comparable; drain them.
            }
            return;
        }
        String t = next();
        if (t != null) {
            fail("bgpdump has more lines; next (line " + theirLine + "): " + t);
        }
    }

    private static @Nullable Difference classify(String ours, String theirs) {
        String[] o = ours.split("\\|", -1);
        String[] t = theirs.split("\\|", -1);
        if (o.length != t.length || o.length < 6) {
            return null;
        }
        for (int i = 0; i < o.length; i++) {
            if (i != 5 && !o[i].equals(t[i])) {
                return null;
            }
        }
        if (o[0].equals("BGP") && o[2].equals("W") && t[5].startsWith(t[3] + "/")) {
            return Difference.LEGACY_WITHDRAW_PREFIX;
        }
        try {
            Prefix masked = Prefix.parseLenient(t[5]);
            StringBuilder sb = new StringBuilder();
            if (masked.isIpv4()) {
                BgpdumpFormatter.ipv4(sb, masked.ipv4Bits());
            } else {
                BgpdumpFormatter.ipv6Static(sb, masked.high(), masked.low());
            }
            sb.append('/').append(masked.length());
            if (sb.toString().equals(o[5]) && !t[5].equals(o[5])) {
                return Difference.UNMASKED_HOST_BITS;
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static String field(String line, int index) {
        int from = 0;
        for (int i = 0; i < index; i++) {
            from = line.indexOf('|', from) + 1;
            if (from == 0) {
                return "";
            }
        }
        int to = line.indexOf('|', from);
        return to < 0 ? line.substring(from) : line.substring(from, to);
    }

    private void count(Difference d) {
        differences.merge(d, 1L, Long::sum);
    }

    private void fail(String what) {
        if (failures.size() < 10) {
            failures.add(what);
        } else if (failures.size() == 10) {
            failures.add("... (further differences not listed)");
        }
    }

    List<String> failures() {
        return failures;
    }

    Map<Difference, Long> differences() {
        return differences;
    }

    long ourLines() {
        return ourLine;
    }

    long theirLines() {
        return theirLine;
    }

    long oursAfterResync() {
        return oursAfterResync;
    }
}
