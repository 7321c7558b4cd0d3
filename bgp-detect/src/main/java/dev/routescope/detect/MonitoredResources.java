package dev.routescope.detect;

import dev.routescope.detect.internal.BgpalerterYaml;
import dev.routescope.detect.internal.PrefixMap;
import dev.routescope.model.Prefix;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the operator monitors: prefixes with expected origins (and path rules), and ASNs. Immutable
 * and thread-safe. Imports BGPalerter's {@code prefixes.yml} unchanged.
 *
 * <p>Matching follows BGPalerter: a route matches the most specific configured prefix that covers
 * it; it is not monitored if that entry has {@code ignore: true}, or if the route is a
 * more-specific and the entry has {@code ignoreMorespecifics: true}.
 *
 * <pre>{@code
 * MonitoredResources m = MonitoredResources.load(Path.of("prefixes.yml"));
 * MonitoredPrefix rule = m.match(Prefix.parse("165.254.255.128/26"));
 * }</pre>
 *
 * <p>Performance: {@link #match} costs one hash probe per configured prefix length.
 *
 * @since 0.1
 */
public final class MonitoredResources {
    private static final MonitoredResources NONE = builder().build();

    private final PrefixMap<MonitoredPrefix> prefixes;
    private final Map<Long, MonitoredAsn> asns;

    private MonitoredResources(PrefixMap<MonitoredPrefix> prefixes, Map<Long, MonitoredAsn> asns) {
        this.prefixes = prefixes;
        this.asns = asns;
    }

    /** {@return an empty set: detectors then rely on learned baselines only} */
    public static MonitoredResources none() {
        return NONE;
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a BGPalerter {@code prefixes.yml} (UTF-8).
     *
     * @param file the file
     * @return the resources
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException naming the file, line and reason if the content is invalid
     */
    public static MonitoredResources load(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parseBgpalerterYaml(r, file.toString());
        }
    }

    /**
     * Parses BGPalerter's {@code prefixes.yml} format.
     *
     * @param yaml the YAML text
     * @param sourceName name used in error messages
     * @return the resources
     * @throws IllegalArgumentException naming the source, line and reason if the content is invalid
     */
    public static MonitoredResources parseBgpalerterYaml(Reader yaml, String sourceName) {
        Builder b = builder();
        BgpalerterYaml.parse(yaml, sourceName, b::prefix, b::asn);
        return b.build();
    }

    /**
     * The rule that monitors a route's prefix, BGPalerter-style.
     *
     * @param prefix the route prefix
     * @return the most specific covering entry, or null if unmonitored or ignored
     */
    public @Nullable MonitoredPrefix match(Prefix prefix) {
        MonitoredPrefix rule = prefixes.covering(prefix, true);
        if (rule == null || rule.ignore()) {
            return null;
        }
        if (rule.ignoreMoreSpecifics() && rule.prefix().length() < prefix.length()) {
            return null;
        }
        return rule;
    }

    /**
     * Whether an entry with {@code ignore: true} (or {@code ignoreMorespecifics} for a more-specific)
     * excludes this prefix: then learned baselines must not be used for it either.
     *
     * @param prefix the route prefix
     * @return true if configured and excluded
     */
    public boolean excludes(Prefix prefix) {
        MonitoredPrefix rule = prefixes.covering(prefix, true);
        return rule != null && match(prefix) == null;
    }

    /**
     * The exact entry for a prefix, ignored or not.
     *
     * @param prefix the prefix
     * @return the entry or null
     */
    public @Nullable MonitoredPrefix exact(Prefix prefix) {
        return prefixes.get(prefix);
    }

    /**
     * A monitored AS.
     *
     * @param asn the ASN value
     * @return its entry or null
     */
    public @Nullable MonitoredAsn asn(long asn) {
        return asns.get(asn);
    }

    /** {@return all prefix entries, sorted by prefix} */
    public List<MonitoredPrefix> prefixes() {
        List<MonitoredPrefix> out = new ArrayList<>(prefixes.asMap().values());
        out.sort((a, b) -> a.prefix().compareTo(b.prefix()));
        return out;
    }

    /** {@return all monitored ASNs} */
    public Collection<MonitoredAsn> asns() {
        return Collections.unmodifiableCollection(asns.values());
    }

    /** {@return true if nothing is configured} */
    public boolean isEmpty() {
        return prefixes.size() == 0 && asns.isEmpty();
    }

    @Override
    public String toString() {
        return "MonitoredResources[" + prefixes.size() + " prefixes, " + asns.size() + " ASNs]";
    }

    /** Collects entries; not thread-safe. */
    public static final class Builder {
        private final PrefixMap<MonitoredPrefix> prefixes = new PrefixMap<>();
        private final Map<Long, MonitoredAsn> asns = new HashMap<>();
        private boolean built;

        private Builder() {}

        /**
         * Adds a prefix entry.
         *
         * @param p the entry
         * @return this
         * @throws IllegalArgumentException if the prefix was already added
         */
        public Builder prefix(MonitoredPrefix p) {
            checkNotBuilt();
            if (prefixes.get(p.prefix()) != null) {
                throw new IllegalArgumentException("prefix " + p.prefix() + " was already added");
            }
            prefixes.put(p.prefix(), p);
            return this;
        }

        /**
         * Adds a monitored AS.
         *
         * @param a the entry
         * @return this
         * @throws IllegalArgumentException if the ASN was already added
         */
        public Builder asn(MonitoredAsn a) {
            checkNotBuilt();
            if (asns.putIfAbsent(a.asn().value(), a) != null) {
                throw new IllegalArgumentException("ASN " + a.asn() + " was already added");
            }
            return this;
        }

        private void checkNotBuilt() {
            if (built) {
                throw new IllegalStateException("builder was already built");
            }
        }

        /** {@return the immutable resources; the builder cannot be used afterwards} */
        public MonitoredResources build() {
            checkNotBuilt();
            built = true;
            return new MonitoredResources(prefixes, Map.copyOf(asns));
        }
    }
}
