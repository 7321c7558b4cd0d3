package dev.routescope.rislive;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.routescope.model.Asn;
import dev.routescope.model.IpAddress;
import dev.routescope.model.Prefix;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One {@code ris_subscribe} filter. Every RIS Live parameter is available; unset parameters are not
 * sent, so the server's defaults apply (all collectors, all types, {@code moreSpecific} true, {@code
 * lessSpecific} false). Several subscriptions on one connection are OR-ed by the server.
 *
 * <pre>{@code
 * RisSubscription s = RisSubscription.builder()
 *         .host("rrc21")
 *         .type(RisMessageType.UPDATE)
 *         .prefix(Prefix.parse("192.0.2.0/24"))
 *         .path("13335$")
 *         .includeRaw(true)
 *         .build();
 * s.toJson(); // {"host":"rrc21","type":"UPDATE","prefix":["192.0.2.0/24"],"path":"13335$","socketOptions":{"includeRaw":true}}
 * }</pre>
 *
 * <p>{@code includeRaw} and {@code acknowledge} are socket options: they apply to the whole
 * connection, so {@link RisLiveClient.Builder#build()} refuses subscriptions that disagree on them.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class RisSubscription {
    // RIS Live path filter: comma-separated ASNs or ascending AS_SET arrays, optional ^ / $ anchors, optional
    // leading ! negation. Not a regex; the server documents exactly this shape.
    private static final Pattern PATH_PATTERN = Pattern.compile(
            "!?\\^?(\\d{1,10}|\\[\\d{1,10}(,\\d{1,10})*])(,(\\d{1,10}|\\[\\d{1,10}(,\\d{1,10})*]))*\\$?");
    private static final Pattern HOST_PATTERN = Pattern.compile("[a-z0-9][a-z0-9.-]{0,62}");
    private static final JsonFactory JSON = new JsonFactory();

    private final @Nullable String host;
    private final @Nullable RisMessageType type;
    private final @Nullable String require;
    private final @Nullable IpAddress peer;
    private final @Nullable String pathPattern;
    private final long pathAsn;
    private final List<Prefix> prefixes;
    private final @Nullable Boolean moreSpecific;
    private final @Nullable Boolean lessSpecific;
    private final @Nullable Boolean includeRaw;
    private final @Nullable Boolean acknowledge;

    private RisSubscription(Builder b) {
        host = b.host;
        type = b.type;
        require = b.require;
        peer = b.peer;
        pathPattern = b.pathPattern;
        pathAsn = b.pathAsn;
        prefixes = List.copyOf(b.prefixes);
        moreSpecific = b.moreSpecific;
        lessSpecific = b.lessSpecific;
        includeRaw = b.includeRaw;
        acknowledge = b.acknowledge;
    }

    /** {@return a subscription to everything (the full stream, subject to the server's limits)} */
    public static RisSubscription all() {
        return builder().build();
    }

    /** {@return a new builder with nothing set} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the socket option {@code includeRaw}, or null if not set} */
    public @Nullable Boolean includeRaw() {
        return includeRaw;
    }

    /** {@return the socket option {@code acknowledge}, or null if not set} */
    public @Nullable Boolean acknowledge() {
        return acknowledge;
    }

    /** {@return the subscribed prefixes (empty: no prefix filter)} */
    public List<Prefix> prefixes() {
        return prefixes;
    }

    /**
     * The {@code data} object of the {@code ris_subscribe} frame (also the firehose's {@code
     * X-RIS-Subscribe} header value).
     *
     * @return compact JSON
     */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            writeData(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** {@return the whole {@code {"type":"ris_subscribe","data":{...}}} frame} */
    public String toSubscribeFrame() {
        return "{\"type\":\"ris_subscribe\",\"data\":" + toJson() + "}";
    }

    /**
     * {@return the {@code {"type":"ris_unsubscribe","data":{...}}} frame that removes this
     * subscription (the server matches the data of the subscription)}
     *
     * @since 0.2
     */
    public String toUnsubscribeFrame() {
        return "{\"type\":\"ris_unsubscribe\",\"data\":" + toJson() + "}";
    }

    private void writeData(JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (host != null) {
            g.writeStringField("host", host);
        }
        if (type != null) {
            g.writeStringField("type", type.name());
        }
        if (require != null) {
            g.writeStringField("require", require);
        }
        if (peer != null) {
            g.writeStringField("peer", peer.toString());
        }
        if (!prefixes.isEmpty()) {
            g.writeArrayFieldStart("prefix");
            for (Prefix p : prefixes) {
                g.writeString(p.toString());
            }
            g.writeEndArray();
        }
        if (pathPattern != null) {
            g.writeStringField("path", pathPattern);
        } else if (pathAsn >= 0) {
            g.writeNumberField("path", pathAsn);
        }
        if (moreSpecific != null) {
            g.writeBooleanField("moreSpecific", moreSpecific);
        }
        if (lessSpecific != null) {
            g.writeBooleanField("lessSpecific", lessSpecific);
        }
        if (includeRaw != null || acknowledge != null) {
            g.writeObjectFieldStart("socketOptions");
            if (includeRaw != null) {
                g.writeBooleanField("includeRaw", includeRaw);
            }
            if (acknowledge != null) {
                g.writeBooleanField("acknowledge", acknowledge);
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RisSubscription s && s.toJson().equals(toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    /** {@return the JSON form} */
    @Override
    public String toString() {
        return toJson();
    }

    /**
     * Builder for {@link RisSubscription}; not thread-safe. Each parameter may be set once and is
     * checked at once.
     */
    public static final class Builder {
        private @Nullable String host;
        private @Nullable RisMessageType type;
        private @Nullable String require;
        private @Nullable IpAddress peer;
        private @Nullable String pathPattern;
        private long pathAsn = -1;
        private final List<Prefix> prefixes = new ArrayList<>();
        private @Nullable Boolean moreSpecific;
        private @Nullable Boolean lessSpecific;
        private @Nullable Boolean includeRaw;
        private @Nullable Boolean acknowledge;

        private Builder() {}

        /**
         * Only messages from one collector.
         *
         * @param collector e.g. {@code rrc21} (a {@code .ripe.net} suffix is accepted and kept)
         * @return this
         * @throws IllegalArgumentException if it is not a host name
         * @throws IllegalStateException if already set
         */
        public Builder host(String collector) {
            once(host, "host");
            String h = collector.toLowerCase(Locale.ROOT);
            if (!HOST_PATTERN.matcher(h).matches()) {
                throw new IllegalArgumentException(
                        "host '" + collector + "' (expected: a collector name such as rrc21)");
            }
            host = h;
            return this;
        }

        /**
         * Only messages of one type.
         *
         * @param messageType any type but {@link RisMessageType#UNKNOWN}
         * @return this
         * @throws IllegalArgumentException for {@code UNKNOWN}
         * @throws IllegalStateException if already set
         */
        public Builder type(RisMessageType messageType) {
            once(type, "type");
            if (messageType == RisMessageType.UNKNOWN) {
                throw new IllegalArgumentException(
                        "type UNKNOWN (expected: UPDATE, OPEN, NOTIFICATION, KEEPALIVE or RIS_PEER_STATE)");
            }
            type = messageType;
            return this;
        }

        /**
         * Only messages that contain a key, e.g. {@code announcements} or {@code withdrawals}.
         *
         * @param key a JSON key of {@code ris_message} data
         * @return this
         * @throws IllegalArgumentException if blank or not a plain identifier
         * @throws IllegalStateException if already set
         */
        public Builder require(String key) {
            once(require, "require");
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
                throw new IllegalArgumentException("require '" + key + "' (expected: a key such as announcements)");
            }
            require = key;
            return this;
        }

        /**
         * Only messages from one BGP peer of the collector.
         *
         * @param address the peer address
         * @return this
         * @throws IllegalStateException if already set
         */
        public Builder peer(IpAddress address) {
            once(peer, "peer");
            peer = address;
            return this;
        }

        /**
         * Only messages whose AS path contains an ASN.
         *
         * @param asn the ASN
         * @return this
         * @throws IllegalStateException if a path filter was already set
         */
        public Builder path(Asn asn) {
            checkPathUnset();
            pathAsn = asn.value();
            return this;
        }

        /**
         * Only messages whose AS path matches a RIS Live path pattern: comma-separated ASNs (not a
         * regex), {@code ^} anchors at the peer side, {@code $} at the origin, a leading {@code !}
         * negates, AS_SETs as ascending arrays without spaces: {@code "^123,456,789,[789,10111]$"},
         * {@code "13335$"}, {@code "!6666$"}.
         *
         * @param pattern the pattern
         * @return this
         * @throws IllegalArgumentException if the pattern does not have that shape, an ASN is out of
         *     range or a set is not ascending
         * @throws IllegalStateException if a path filter was already set
         */
        public Builder path(String pattern) {
            checkPathUnset();
            if (!PATH_PATTERN.matcher(pattern).matches()) {
                throw new IllegalArgumentException("path '" + pattern
                        + "' (expected: comma-separated ASNs with optional ^ and $ anchors, a leading ! and"
                        + " ascending [a,b] sets, e.g. ^174,3356,[64496,64497]$)");
            }
            checkPathValues(pattern);
            pathPattern = pattern;
            return this;
        }

        private void checkPathUnset() {
            if (pathPattern != null || pathAsn >= 0) {
                throw new IllegalStateException("path was already set to "
                        + (pathPattern != null ? "'" + pathPattern + "'" : Long.toString(pathAsn)));
            }
        }

        private static void checkPathValues(String pattern) {
            long previousInSet = -1;
            boolean inSet = false;
            int i = 0;
            while (i < pattern.length()) {
                char c = pattern.charAt(i);
                if (c == '[') {
                    inSet = true;
                    previousInSet = -1;
                } else if (c == ']') {
                    inSet = false;
                } else if (c >= '0' && c <= '9') {
                    int j = i;
                    while (j < pattern.length() && Character.isDigit(pattern.charAt(j))) {
                        j++;
                    }
                    long asn = Long.parseLong(pattern.substring(i, j));
                    if (asn > Asn.MAX_VALUE) {
                        throw new IllegalArgumentException("path '" + pattern + "': ASN " + asn + " at index " + i
                                + " out of range (expected: 0..4294967295)");
                    }
                    if (inSet && asn <= previousInSet) {
                        throw new IllegalArgumentException("path '" + pattern + "': AS_SET members must be"
                                + " strictly ascending, " + asn + " at index " + i + " follows " + previousInSet);
                    }
                    previousInSet = asn;
                    i = j;
                    continue;
                }
                i++;
            }
        }

        /**
         * Only UPDATEs announcing or withdrawing a prefix (more specifics too, unless {@link
         * #moreSpecific(boolean)} is false). Call again to add prefixes: each is matched separately.
         *
         * @param prefix the prefix
         * @return this
         * @throws IllegalArgumentException if the prefix was already added
         */
        public Builder prefix(Prefix prefix) {
            if (prefixes.contains(prefix)) {
                throw new IllegalArgumentException("prefix " + prefix + " was already added");
            }
            prefixes.add(prefix);
            return this;
        }

        /**
         * Whether prefixes more specific than the subscribed ones match (server default true).
         *
         * @param enabled the flag
         * @return this
         * @throws IllegalStateException if already set
         */
        public Builder moreSpecific(boolean enabled) {
            once(moreSpecific, "moreSpecific");
            moreSpecific = enabled;
            return this;
        }

        /**
         * Whether prefixes less specific than (covering) the subscribed ones match (server default
         * false).
         *
         * @param enabled the flag
         * @return this
         * @throws IllegalStateException if already set
         */
        public Builder lessSpecific(boolean enabled) {
            once(lessSpecific, "lessSpecific");
            lessSpecific = enabled;
            return this;
        }

        /**
         * Socket option: add the {@code raw} hex BGP message to every message.
         *
         * @param enabled the flag
         * @return this
         * @throws IllegalStateException if already set
         */
        public Builder includeRaw(boolean enabled) {
            once(includeRaw, "includeRaw");
            includeRaw = enabled;
            return this;
        }

        /**
         * Socket option: make the server confirm each subscription with {@code ris_subscribe_ok}.
         *
         * @param enabled the flag
         * @return this
         * @throws IllegalStateException if already set
         */
        public Builder acknowledge(boolean enabled) {
            once(acknowledge, "acknowledge");
            acknowledge = enabled;
            return this;
        }

        private static void once(@Nullable Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set to " + current);
            }
        }

        /**
         * Checks combinations and builds.
         *
         * @return the subscription
         * @throws IllegalStateException if {@code moreSpecific}/{@code lessSpecific} is set without a
         *     prefix
         */
        public RisSubscription build() {
            if (prefixes.isEmpty() && (moreSpecific != null || lessSpecific != null)) {
                throw new IllegalStateException(
                        (moreSpecific != null ? "moreSpecific" : "lessSpecific") + " needs a prefix (set prefix(...))");
            }
            return new RisSubscription(this);
        }
    }
}
