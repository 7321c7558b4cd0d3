package dev.routescope.rislive;

import dev.routescope.model.AddressFamily;
import dev.routescope.model.Aggregator;
import dev.routescope.model.Asn;
import dev.routescope.model.IpAddress;
import dev.routescope.model.Origin;
import dev.routescope.model.Peer;
import dev.routescope.model.Prefix;
import dev.routescope.model.SegmentType;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A hand-written scanner for the shape nearly every {@code ris_message} frame has: no escapes, known
 * fields, each once, integers where integers belong. It reads the frame's characters once, without
 * a token stream, and resolves peers, next hops and collectors from region caches without building
 * Strings. Anything else (escapes, unknown or repeated fields, nulls, control frames, any error) makes
 * it give up, and the jackson-core path decodes the frame; so every malformed frame is still
 * reported by jackson with its offset, and both paths give equal results (tested on real traffic and
 * on mutated frames).
 *
 * <p>Giving up throws a preallocated, stackless {@link Bail}: the scanner is a deep recursive-descent
 * over one frame, and unwinding it with return codes would double the code on the hot path.
 */
final class FastFrameScanner {
    // One per scanner, reused: stackless, so throwing it costs about as much as a return.
    private final Bail bail = new Bail();
    // field bits, to refuse repeated fields (jackson's path would merge or overwrite them)
    private static final int TIMESTAMP = 1;
    private static final int PEER = 1 << 1;
    private static final int PEER_ASN = 1 << 2;
    private static final int ID = 1 << 3;
    private static final int HOST = 1 << 4;
    private static final int TYPE = 1 << 5;
    private static final int RAW = 1 << 6;
    private static final int PATH = 1 << 7;
    private static final int COMMUNITY = 1 << 8;
    private static final int ORIGIN = 1 << 9;
    private static final int MED = 1 << 10;
    private static final int AGGREGATOR = 1 << 11;
    private static final int ANNOUNCEMENTS = 1 << 12;
    private static final int WITHDRAWALS = 1 << 13;
    private static final int STATE = 1 << 14;

    private final Region region = new Region();
    private final RegionCache<Peer> peers = new RegionCache<>();
    private final RegionCache<IpAddress[]> hops = new RegionCache<>();
    private final RegionCache<String> hosts = new RegionCache<>();
    private final RegionCache<Aggregator> aggregators = new RegionCache<>();
    private final int[] groups = new int[8];

    private RisMessageView v = new RisMessageView();
    private String t = "";
    private int i;
    private int end;
    // last string scanned: [sFrom, sTo)
    private int sFrom;
    private int sTo;
    private int peerFrom;
    private int peerTo;
    private int hostFrom;
    private int hostTo;
    private int typeFrom;
    private int typeTo;
    private int seen;

    /**
     * Reads a frame into the view.
     *
     * @return true if read; false if the frame needs the general path (the view is then partly filled)
     */
    boolean scan(String text, RisMessageView view) {
        if (text.indexOf('\\') >= 0) {
            return false; // escapes are rare in RIS Live frames: jackson unescapes them
        }
        v = view;
        t = text;
        i = 0;
        end = text.length();
        seen = 0;
        peerFrom = -1;
        hostFrom = -1;
        typeFrom = -1;
        try {
            frame();
            if (v.timestampMicros < 0 || peerFrom < 0 || v.peerAsn < 0) {
                return false;
            }
            v.peer = peer();
            v.collector = hostFrom < 0 ? "" : collector();
            v.type = typeFrom < 0 ? RisMessageType.UNKNOWN : messageType();
        } catch (Bail b) {
            return false;
        } catch (IllegalArgumentException e) {
            // a model value refused by its factory: the general path reports it properly
            return false;
        }
        return true;
    }

    private void frame() {
        expect('{');
        boolean sawType = false;
        boolean sawData = false;
        while (true) {
            key();
            if (keyIs("type") && !sawType) {
                string();
                if (!regionIs(sFrom, sTo, "ris_message")) {
                    throw bail;
                }
                sawType = true;
            } else if (keyIs("data") && !sawData) {
                data();
                sawData = true;
            } else {
                throw bail;
            }
            if (!more('}')) {
                break;
            }
        }
        ws();
        if (i != end || !sawType || !sawData) {
            throw bail;
        }
    }

    private void data() {
        expect('{');
        while (true) {
            key();
            int field = field(sFrom, sTo - sFrom);
            if (field == TIMESTAMP) {
                mark(TIMESTAMP);
                v.timestampMicros = timestamp();
            } else if (field == PEER) {
                mark(PEER);
                string();
                peerFrom = sFrom;
                peerTo = sTo;
            } else if (field == PEER_ASN) {
                mark(PEER_ASN);
                v.peerAsn = peerAsn();
            } else if (field == ID) {
                mark(ID);
                string();
                v.idFrom = sFrom;
                v.idTo = sTo;
            } else if (field == HOST) {
                mark(HOST);
                string();
                hostFrom = sFrom;
                hostTo = sTo;
            } else if (field == TYPE) {
                mark(TYPE);
                string();
                typeFrom = sFrom;
                typeTo = sTo;
            } else if (field == PATH) {
                mark(PATH);
                path();
            } else if (field == COMMUNITY) {
                mark(COMMUNITY);
                communities();
            } else if (field == ORIGIN) {
                mark(ORIGIN);
                string();
                v.origin = origin();
            } else if (field == ANNOUNCEMENTS) {
                mark(ANNOUNCEMENTS);
                announcements();
            } else if (field == WITHDRAWALS) {
                mark(WITHDRAWALS);
                prefixes(false);
            } else if (field == MED) {
                mark(MED);
                v.med = number();
            } else if (field == AGGREGATOR) {
                mark(AGGREGATOR);
                string();
                aggregator();
            } else if (field == RAW) {
                mark(RAW);
                string();
                v.rawFrom = sFrom;
                v.rawTo = sTo;
            } else if (field == STATE) {
                mark(STATE);
                string();
                v.stateFrom = sFrom;
                v.stateTo = sTo;
            } else {
                throw bail;
            }
            if (!more('}')) {
                return;
            }
        }
    }

    // ---- values

    private long timestamp() {
        ws();
        long seconds = 0;
        int digits = 0;
        int start = i;
        while (i < end && isDigit(t.charAt(i))) {
            seconds = seconds * 10 + (t.charAt(i++) - '0');
            if (++digits > 12) {
                throw bail;
            }
        }
        if (digits == 0 || (digits > 1 && t.charAt(start) == '0')) {
            throw bail;
        }
        long micros = 0;
        if (i >= end || t.charAt(i) != '.') {
            if (seconds > Instant.MAX.getEpochSecond() / 1_000_000) {
                throw bail; // the general path's range check for integer timestamps
            }
        } else {
            i++;
            int scale = 0;
            int fraction = 0;
            while (i < end && isDigit(t.charAt(i))) {
                if (scale < 6) {
                    micros = micros * 10 + (t.charAt(i) - '0');
                    scale++;
                }
                fraction++;
                i++;
            }
            if (fraction == 0) {
                throw bail;
            }
            while (scale++ < 6) {
                micros *= 10;
            }
        }
        if (i < end && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            throw bail;
        }
        return seconds * 1_000_000 + micros;
    }

    private long peerAsn() {
        ws();
        if (i < end && t.charAt(i) == '"') {
            string();
            return digits(sFrom, sTo);
        }
        return number();
    }

    /** An unsigned 32-bit JSON integer. */
    private long number() {
        ws();
        int from = i;
        String text = t;
        int stop = end;
        long value = 0;
        int k = from;
        char c = 0;
        // one pass: digits accumulate until the first non-digit (at most 11 are looked at)
        while (k < stop && (c = text.charAt(k)) >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            if (++k - from > 10) {
                throw bail;
            }
        }
        int n = k - from;
        if (n == 0 || (n > 1 && text.charAt(from) == '0') || value > 0xFFFF_FFFFL) {
            throw bail;
        }
        if (k < stop && (c == '.' || c == 'e' || c == 'E')) {
            throw bail;
        }
        i = k;
        return value;
    }

    /** Canonical decimal digits (no sign, no leading zero) of an unsigned 32-bit value. */
    private long digits(int from, int to) {
        int n = to - from;
        if (n == 0 || n > 10 || (n > 1 && t.charAt(from) == '0')) {
            throw bail;
        }
        long v = 0;
        for (int k = from; k < to; k++) {
            char c = t.charAt(k);
            if (!isDigit(c)) {
                throw bail;
            }
            v = v * 10 + (c - '0');
        }
        if (v > 0xFFFF_FFFFL) {
            throw bail;
        }
        return v;
    }

    private void path() {
        expect('[');
        if (peek(']')) {
            i++;
            return;
        }
        while (true) {
            ws();
            if (i < end && t.charAt(i) == '[') {
                i++;
                v.flushSequence();
                do {
                    v.addAsn(number());
                } while (more(']'));
                v.addSegment(SegmentType.AS_SET);
            } else {
                v.addAsn(number());
            }
            if (!more(']')) {
                break;
            }
        }
        v.flushSequence();
    }

    private void communities() {
        expect('[');
        if (peek(']')) {
            i++;
            return;
        }
        do {
            expect('[');
            long high = number();
            expect(',');
            long low = number();
            expect(']');
            if (high > 0xFFFF || low > 0xFFFF) {
                throw bail;
            }
            v.addCommunity(high << 16 | low);
        } while (more(']'));
    }

    private Origin origin() {
        int n = sTo - sFrom;
        if (n == 3 && t.regionMatches(true, sFrom, "igp", 0, 3)) {
            return Origin.IGP;
        } else if (n == 3 && t.regionMatches(true, sFrom, "egp", 0, 3)) {
            return Origin.EGP;
        } else if (n == 10 && t.regionMatches(true, sFrom, "incomplete", 0, 10)) {
            return Origin.INCOMPLETE;
        }
        throw bail;
    }

    private void announcements() {
        expect('[');
        if (peek(']')) {
            i++;
            return;
        }
        do {
            expect('{');
            IpAddress[] hop = null;
            boolean sawPrefixes = false;
            do {
                key();
                if (keyIs("next_hop") && hop == null) {
                    string();
                    hop = nextHop();
                } else if (keyIs("prefixes") && !sawPrefixes) {
                    prefixes(true);
                    sawPrefixes = true;
                } else {
                    throw bail;
                }
            } while (more('}'));
            if (hop == null) {
                throw bail;
            }
            v.endGroup(hop);
        } while (more(']'));
    }

    private void prefixes(boolean announced) {
        expect('[');
        if (peek(']')) {
            i++;
            return;
        }
        do {
            string();
            if (regionIs(sFrom, sTo, "eor")) {
                v.endOfRib = true;
            } else {
                prefix(announced, sFrom, sTo);
            }
        } while (more(']'));
    }

    /**
     * Dotted-quad IPv4 and plain hex IPv6 prefixes parsed in place, without allocating; anything else
     * (leading zeros, embedded IPv4, odd characters) through the model's lenient parser.
     */
    private void prefix(boolean announced, int from, int to) {
        int slash = -1;
        boolean colon = false;
        for (int k = from; k < to; k++) {
            char c = t.charAt(k);
            if (c == '/') {
                slash = k;
                break;
            }
            colon |= c == ':';
        }
        int len = slash < 0 ? -1 : prefixLength(slash + 1, to, colon ? 128 : 32);
        boolean parsed = len >= 0 && (colon ? ipv6(from, slash) : ipv4(from, slash));
        if (!parsed) {
            v.addPrefix(announced, Prefix.parseLenient(region.of(t, from, to)));
            return;
        }
        AddressFamily family = colon ? AddressFamily.IPV6 : AddressFamily.IPV4;
        long high = addressHigh & maskHigh(len);
        long low = addressLow & maskLow(len);
        if (announced) {
            v.addAnnounced(family, high, low, len);
        } else {
            v.addWithdrawn(family, high, low, len);
        }
    }

    private long addressHigh;
    private long addressLow;

    /** {@return the canonical decimal length in [from, to) up to max, or -1} */
    private int prefixLength(int from, int to, int max) {
        int d = to - from;
        if (d == 0 || d > 3 || (d > 1 && t.charAt(from) == '0')) {
            return -1;
        }
        int len = 0;
        for (int k = from; k < to; k++) {
            char c = t.charAt(k);
            if (!isDigit(c)) {
                return -1;
            }
            len = len * 10 + (c - '0');
        }
        return len > max ? -1 : len;
    }

    /** A canonical dotted quad filling exactly [from, to). */
    private boolean ipv4(int from, int to) {
        int k = from;
        long bits = 0;
        for (int octet = 0; octet < 4; octet++) {
            int val = 0;
            int d = 0;
            int first = k;
            while (k < to && isDigit(t.charAt(k)) && d < 3) {
                val = val * 10 + (t.charAt(k++) - '0');
                d++;
            }
            // leading zeros are ambiguous: the model's parser refuses them with its message
            boolean separated = octet < 3 ? k < to && t.charAt(k) == '.' : k == to;
            if (d == 0 || val > 255 || (d > 1 && t.charAt(first) == '0') || !separated) {
                return false;
            }
            bits = bits << 8 | val;
            k++;
        }
        addressHigh = bits << 32;
        addressLow = 0;
        return true;
    }

    /** Hex groups with at most one {@code ::}; the same rules as the model's parser, which decides otherwise. */
    private boolean ipv6(int from, int to) {
        int count = 0;
        int gap = -1;
        int k = from;
        if (to - from >= 2 && t.charAt(from) == ':' && t.charAt(from + 1) == ':') {
            gap = 0;
            k += 2;
        } else if (from == to || t.charAt(from) == ':') {
            return false;
        }
        while (k < to) {
            int start = k;
            int val = 0;
            int h;
            while (k < to && (h = hex(t.charAt(k))) >= 0) {
                val = val << 4 | h;
                if (++k - start > 4) {
                    return false;
                }
            }
            if (k == start || count == 8) {
                return false;
            }
            groups[count++] = val;
            if (k == to) {
                break;
            }
            if (t.charAt(k) != ':') {
                return false;
            }
            k++;
            if (k < to && t.charAt(k) == ':') {
                if (gap >= 0) {
                    return false;
                }
                gap = count;
                k++;
            } else if (k == to) {
                return false;
            }
        }
        if (gap < 0 ? count != 8 : count == 8) {
            return false;
        }
        long hi = 0;
        long lo = 0;
        int tail = gap < 0 ? 0 : count - gap;
        for (int g = 0; g < 8; g++) {
            int val;
            if (gap < 0 || g < gap) {
                val = groups[g];
            } else if (g >= 8 - tail) {
                val = groups[gap + g - (8 - tail)];
            } else {
                val = 0;
            }
            if (g < 4) {
                hi = hi << 16 | val;
            } else {
                lo = lo << 16 | val;
            }
        }
        addressHigh = hi;
        addressLow = lo;
        return true;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static long maskHigh(int length) {
        return length == 0 ? 0 : length >= 64 ? -1L : -1L << (64 - length);
    }

    private static long maskLow(int length) {
        return length <= 64 ? 0 : length >= 128 ? -1L : -1L << (128 - length);
    }

    // ---- cached values, looked up by text region without building a String

    private Peer peer() {
        int at = peers.find(t, peerFrom, peerTo);
        if (at >= 0 && peers.value(at).asn().value() == v.peerAsn) {
            return peers.value(at);
        }
        String text = t.substring(peerFrom, peerTo);
        Peer peer = new Peer(IpAddress.parse(text), Asn.of(v.peerAsn));
        peers.put(text, peer);
        return peer;
    }

    private IpAddress[] nextHop() {
        int at = hops.find(t, sFrom, sTo);
        if (at >= 0) {
            return hops.value(at);
        }
        String text = t.substring(sFrom, sTo);
        IpAddress[] hop = RisMessageDecoder.parseNextHop(text);
        hops.put(text, hop);
        return hop;
    }

    private String collector() {
        int at = hosts.find(t, hostFrom, hostTo);
        if (at >= 0) {
            return hosts.value(at);
        }
        String text = t.substring(hostFrom, hostTo);
        String name = RisMessageDecoder.normaliseCollector(text);
        hosts.put(text, name);
        return name;
    }

    /** {@return the bit of a known data field, by length and first letter then one comparison; 0 if unknown} */
    private int field(int from, int len) {
        char c = len == 0 ? 0 : t.charAt(from);
        int field;
        String name;
        switch (len) {
            case 2 -> {
                field = ID;
                name = "id";
            }
            case 3 -> {
                field = c == 'm' ? MED : RAW;
                name = c == 'm' ? "med" : "raw";
            }
            case 4 -> {
                switch (c) {
                    case 'p' -> {
                        boolean peer = t.charAt(from + 1) == 'e';
                        field = peer ? PEER : PATH;
                        name = peer ? "peer" : "path";
                    }
                    case 'h' -> {
                        field = HOST;
                        name = "host";
                    }
                    default -> {
                        field = TYPE;
                        name = "type";
                    }
                }
            }
            case 5 -> {
                field = STATE;
                name = "state";
            }
            case 6 -> {
                field = ORIGIN;
                name = "origin";
            }
            case 8 -> {
                field = PEER_ASN;
                name = "peer_asn";
            }
            case 9 -> {
                field = c == 't' ? TIMESTAMP : COMMUNITY;
                name = c == 't' ? "timestamp" : "community";
            }
            case 10 -> {
                field = AGGREGATOR;
                name = "aggregator";
            }
            case 11 -> {
                field = WITHDRAWALS;
                name = "withdrawals";
            }
            case 13 -> {
                field = ANNOUNCEMENTS;
                name = "announcements";
            }
            default -> {
                return 0;
            }
        }
        for (int k = 0; k < len; k++) {
            if (t.charAt(from + k) != name.charAt(k)) {
                return 0;
            }
        }
        return field;
    }

    private RisMessageType messageType() {
        int n = typeTo - typeFrom;
        if (n == 6 && t.regionMatches(typeFrom, "UPDATE", 0, 6)) {
            return RisMessageType.UPDATE;
        }
        if (n == 9 && t.regionMatches(typeFrom, "KEEPALIVE", 0, 9)) {
            return RisMessageType.KEEPALIVE;
        }
        if (n == 14 && t.regionMatches(typeFrom, "RIS_PEER_STATE", 0, 14)) {
            return RisMessageType.RIS_PEER_STATE;
        }
        return RisMessageType.ofWire(t.substring(typeFrom, typeTo));
    }

    /**
     * {@code <asn>:<ipv4>} in canonical decimal goes into the view as numbers (aggregator addresses are
     * often unique per message, so caching them would not help); anything else is parsed once and cached.
     */
    private void aggregator() {
        int colon = t.indexOf(':', sFrom);
        if (colon > sFrom && colon < sTo && canonicalDigits(sFrom, colon) && ipv4(colon + 1, sTo)) {
            long asn = digits(sFrom, colon);
            v.aggregatorAsn = asn;
            v.aggregatorAddress = (int) (addressHigh >>> 32);
            return;
        }
        int at = aggregators.find(t, sFrom, sTo);
        if (at >= 0) {
            v.aggregator = aggregators.value(at);
            return;
        }
        String text = t.substring(sFrom, sTo);
        Aggregator aggregator = RisMessageDecoder.parseAggregator(text);
        aggregators.put(text, aggregator);
        v.aggregator = aggregator;
    }

    private boolean canonicalDigits(int from, int to) {
        int n = to - from;
        if (n == 0 || n > 10 || (n > 1 && t.charAt(from) == '0')) {
            return false;
        }
        long val = 0;
        for (int k = from; k < to; k++) {
            char c = t.charAt(k);
            if (!isDigit(c)) {
                return false;
            }
            val = val * 10 + (c - '0');
        }
        return val <= 0xFFFF_FFFFL;
    }

    // ---- lexing

    private void mark(int field) {
        if ((seen & field) != 0) {
            throw bail;
        }
        seen |= field;
    }

    /** A field name and its colon; the name is left in [sFrom, sTo). */
    private void key() {
        string();
        expect(':');
    }

    private boolean keyIs(String k) {
        return is(sFrom, sTo - sFrom, k);
    }

    private boolean is(int from, int len, String k) {
        return len == k.length() && t.regionMatches(from, k, 0, len);
    }

    private boolean regionIs(int from, int to, String k) {
        return is(from, to - from, k);
    }

    /** A string without escapes or control characters; its content is left in [sFrom, sTo). */
    private void string() {
        expect('"');
        int from = i;
        String text = t;
        int stop = end;
        // One pass: scan() refused frames with a backslash, so the next quote ends the string. Most
        // strings are short (keys, prefixes), where a plain loop beats indexOf's set-up.
        for (int k = from; k < stop; k++) {
            char c = text.charAt(k);
            if (c == '"') {
                sFrom = from;
                sTo = k;
                i = k + 1;
                return;
            }
            // control characters need jackson's error; from U+D800 up (surrogates, U+FFFD standing for
            // invalid UTF-8, rare scripts) jackson decides too. One unsigned comparison for both bounds:
            // below 0x20 wraps round to the top.
            if ((char) (c - 0x20) >= 0xD800 - 0x20) {
                throw bail;
            }
        }
        throw bail;
    }

    /** After a value: true on a comma, false on the closing character; anything else gives up. */
    private boolean more(char close) {
        ws();
        if (i < end) {
            char c = t.charAt(i++);
            if (c == ',') {
                return true;
            }
            if (c == close) {
                return false;
            }
        }
        throw bail;
    }

    private boolean peek(char c) {
        ws();
        return i < end && t.charAt(i) == c;
    }

    private void expect(char c) {
        ws();
        if (i >= end || t.charAt(i) != c) {
            throw bail;
        }
        i++;
    }

    private void ws() {
        while (i < end) {
            char c = t.charAt(i);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            i++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Giving up on the fast path; preallocated and stackless, so it costs no more than a return. */
    private static final class Bail extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Bail() {
            super("not on the fast path", null, false, false);
        }
    }

    /**
     * A bounded cache of values parsed from frame text, looked up by a region of the frame without
     * building a String: 2-way set-associative, most recently used first, so two hot keys that
     * hash alike (two busy peers) do not evict each other on every frame.
     */
    private static final class RegionCache<V> {
        private static final int SETS = 2048;
        private final String[] keys = new String[2 * SETS];
        private final Object[] values = new Object[2 * SETS];
        private int lastSet;

        /** {@return the index of the entry for the text region, or -1; remembers the set for put} */
        int find(String t, int from, int to) {
            int h = 0;
            for (int k = from; k < to; k++) {
                h = 31 * h + t.charAt(k);
            }
            h *= 0x9E3779B9;
            int at = ((h ^ (h >>> 16)) & (SETS - 1)) * 2;
            lastSet = at;
            if (same(keys[at], t, from, to)) {
                return at;
            }
            if (same(keys[at + 1], t, from, to)) {
                // promote: the other way holds the less recently used entry
                String k = keys[at];
                Object val = values[at];
                keys[at] = keys[at + 1];
                values[at] = values[at + 1];
                keys[at + 1] = k;
                values[at + 1] = val;
                return at;
            }
            return -1;
        }

        @SuppressWarnings("unchecked")
        V value(int at) {
            return (V) values[at];
        }

        /** Stores an entry in the set of the last {@link #find}, evicting its least recently used. */
        void put(String key, V value) {
            int at = lastSet;
            keys[at + 1] = keys[at];
            values[at + 1] = values[at];
            keys[at] = key;
            values[at] = value;
        }

        private static boolean same(@Nullable String key, String t, int from, int to) {
            return key != null && key.length() == to - from && t.regionMatches(from, key, 0, to - from);
        }
    }

    /** A reusable view of a region of the frame, for the model's CharSequence parsers. */
    private static final class Region implements CharSequence {
        private String s = "";
        private int from;
        private int to;

        Region of(String text, int start, int stop) {
            s = text;
            from = start;
            to = stop;
            return this;
        }

        @Override
        public int length() {
            return to - from;
        }

        @Override
        public char charAt(int index) {
            return s.charAt(from + index);
        }

        @Override
        public CharSequence subSequence(int start, int stop) {
            return s.substring(from + start, from + stop);
        }

        @Override
        public String toString() {
            return s.substring(from, to);
        }
    }
}
