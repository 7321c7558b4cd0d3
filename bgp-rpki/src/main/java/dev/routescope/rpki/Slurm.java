package dev.routescope.rpki;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.routescope.model.Asn;
import dev.routescope.model.Prefix;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Local exceptions to RPKI data (SLURM, RFC 8416), with the ASPA extension of
 * draft-ietf-sidrops-aspa-slurm (SLURM version 2): filters drop VRPs/ASPAs from the validator's
 * output, then assertions add local ones.
 *
 * <pre>{@code
 * Slurm slurm = Slurm.read(Path.of("local.slurm.json"));
 * VrpSnapshot effective = slurm.apply(rpkiData.vrps());
 * AspaSet effectiveAspas = slurm.apply(rpkiData.aspas());
 * }</pre>
 *
 * <h2>Semantics</h2>
 *
 * A prefix filter has a prefix, an ASN or both and removes every VRP whose prefix is equal to or
 * more specific than the filter prefix and whose ASN equals the filter ASN (each condition only if
 * given). An ASPA filter removes the customer's ASPA. Filters apply first, then assertions; a
 * prefix assertion without {@code maxPrefixLength} has maxLength = prefix length and gets the trust
 * anchor name {@code "slurm"}; an ASPA assertion is merged into the customer's provider set. A file
 * that breaks the RFC (wrong version, missing top-level members, bad prefix, maxPrefixLength out of
 * range, filter without prefix and ASN) is rejected as a whole with {@link RpkiFormatException}, as
 * RFC 8416 §3 requires; BGPsec filters and assertions are parsed for validity and ignored (this
 * module does not handle router keys).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Slurm {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /**
     * A validation output filter for VRPs.
     *
     * @param prefix the prefix (VRPs at or below it match), or null for any
     * @param asn the ASN, or -1 for any
     * @param comment the comment, empty if none
     */
    public record PrefixFilter(@Nullable Prefix prefix, long asn, String comment) {
        /**
         * Checks that at least one condition is present.
         *
         * @throws IllegalArgumentException if neither prefix nor ASN is given
         */
        public PrefixFilter {
            if (prefix == null && asn < 0) {
                throw new IllegalArgumentException("prefix filter needs a prefix, an asn or both");
            }
        }

        /**
         * Whether the filter removes a VRP.
         *
         * @param v the VRP
         * @return true if it matches
         */
        public boolean matches(Vrp v) {
            return (prefix == null || prefix.covers(v.prefix())) && (asn < 0 || asn == v.asn());
        }
    }

    /**
     * A locally added VRP.
     *
     * @param vrp the VRP
     * @param comment the comment, empty if none
     */
    public record PrefixAssertion(Vrp vrp, String comment) {}

    /**
     * A validation output filter for ASPAs.
     *
     * @param customerAsn the customer whose ASPA is removed
     * @param comment the comment, empty if none
     */
    public record AspaFilter(long customerAsn, String comment) {}

    /**
     * A locally added ASPA.
     *
     * @param aspa the ASPA
     * @param comment the comment, empty if none
     */
    public record AspaAssertion(Aspa aspa, String comment) {}

    private final int version;
    private final List<PrefixFilter> prefixFilters;
    private final List<PrefixAssertion> prefixAssertions;
    private final List<AspaFilter> aspaFilters;
    private final List<AspaAssertion> aspaAssertions;

    private Slurm(
            int version,
            List<PrefixFilter> prefixFilters,
            List<PrefixAssertion> prefixAssertions,
            List<AspaFilter> aspaFilters,
            List<AspaAssertion> aspaAssertions) {
        this.version = version;
        this.prefixFilters = List.copyOf(prefixFilters);
        this.prefixAssertions = List.copyOf(prefixAssertions);
        this.aspaFilters = List.copyOf(aspaFilters);
        this.aspaAssertions = List.copyOf(aspaAssertions);
    }

    /**
     * Builds a SLURM from parts (version 2 when it has ASPA parts, else 1).
     *
     * @param prefixFilters VRP filters
     * @param prefixAssertions added VRPs
     * @param aspaFilters ASPA filters
     * @param aspaAssertions added ASPAs
     * @return the SLURM
     */
    public static Slurm of(
            List<PrefixFilter> prefixFilters,
            List<PrefixAssertion> prefixAssertions,
            List<AspaFilter> aspaFilters,
            List<AspaAssertion> aspaAssertions) {
        int v = aspaFilters.isEmpty() && aspaAssertions.isEmpty() ? 1 : 2;
        return new Slurm(v, prefixFilters, prefixAssertions, aspaFilters, aspaAssertions);
    }

    /**
     * Reads a SLURM file.
     *
     * @param file the JSON file
     * @return the SLURM
     * @throws IOException on I/O failure or an invalid file
     */
    public static Slurm read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads SLURM JSON from a stream; the caller closes it.
     *
     * @param in the JSON
     * @param source name used in errors
     * @return the SLURM
     * @throws IOException on I/O failure or an invalid file
     */
    public static Slurm read(InputStream in, String source) throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            return new Reader(p, source).document();
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            long offset = loc == null ? -1 : loc.getByteOffset();
            throw new RpkiFormatException(
                    source, offset, "malformed SLURM JSON (byte " + offset + "): " + e.getOriginalMessage(), e);
        }
    }

    /** {@return the SLURM version: 1 (RFC 8416) or 2 (with ASPA)} */
    public int version() {
        return version;
    }

    /** {@return the VRP filters} */
    public List<PrefixFilter> prefixFilters() {
        return prefixFilters;
    }

    /** {@return the locally added VRPs} */
    public List<PrefixAssertion> prefixAssertions() {
        return prefixAssertions;
    }

    /** {@return the ASPA filters} */
    public List<AspaFilter> aspaFilters() {
        return aspaFilters;
    }

    /** {@return the locally added ASPAs} */
    public List<AspaAssertion> aspaAssertions() {
        return aspaAssertions;
    }

    /**
     * Applies filters, then assertions, to VRPs.
     *
     * @param vrps the validator output
     * @return the effective VRPs; {@code vrps} is unchanged
     */
    public VrpSnapshot apply(VrpSnapshot vrps) {
        VrpSnapshot.Builder b = VrpSnapshot.builder();
        vrps.forEach(e -> {
            for (PrefixFilter f : prefixFilters) {
                if (f.matches(e.vrp())) {
                    return;
                }
            }
            b.add(e.vrp(), e.trustAnchor(), e.expires());
        });
        for (PrefixAssertion a : prefixAssertions) {
            b.add(a.vrp(), "slurm", 0);
        }
        return b.build();
    }

    /**
     * Applies filters, then assertions, to ASPAs.
     *
     * @param aspas the validator output
     * @return the effective ASPAs; {@code aspas} is unchanged
     */
    public AspaSet apply(AspaSet aspas) {
        List<Aspa> out = new ArrayList<>();
        for (Aspa a : aspas.aspas()) {
            boolean drop = false;
            for (AspaFilter f : aspaFilters) {
                drop |= f.customerAsn() == a.customerAsn();
            }
            if (!drop) {
                out.add(a);
            }
        }
        for (AspaAssertion a : aspaAssertions) {
            out.add(a.aspa());
        }
        return AspaSet.of(out);
    }

    /** Strict recursive-descent reader over the streaming parser. */
    private static final class Reader {
        private final JsonParser p;
        private final String source;
        private int version = -1;
        private boolean sawFilters;
        private boolean sawAssertions;
        private final List<PrefixFilter> prefixFilters = new ArrayList<>();
        private final List<PrefixAssertion> prefixAssertions = new ArrayList<>();
        private final List<AspaFilter> aspaFilters = new ArrayList<>();
        private final List<AspaAssertion> aspaAssertions = new ArrayList<>();

        Reader(JsonParser p, String source) {
            this.p = p;
            this.source = source;
        }

        RpkiFormatException bad(String what) {
            JsonLocation loc = p.currentTokenLocation();
            return new RpkiFormatException(
                    source,
                    loc.getByteOffset(),
                    "invalid SLURM at line " + loc.getLineNr() + ", column " + loc.getColumnNr() + " (byte "
                            + loc.getByteOffset() + "): " + what,
                    null);
        }

        Slurm document() throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw bad("expected a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "slurmVersion" -> {
                        if (t != JsonToken.VALUE_NUMBER_INT || (p.getIntValue() != 1 && p.getIntValue() != 2)) {
                            throw bad("slurmVersion " + p.getText() + " (expected: 1, or 2 with ASPA)");
                        }
                        version = p.getIntValue();
                    }
                    case "validationOutputFilters" -> {
                        sawFilters = true;
                        section(t, true);
                    }
                    case "locallyAddedAssertions" -> {
                        sawAssertions = true;
                        section(t, false);
                    }
                    default -> p.skipChildren();
                }
            }
            if (version < 0) {
                throw bad("missing slurmVersion");
            }
            if (!sawFilters || !sawAssertions) {
                throw bad("missing " + (sawFilters ? "locallyAddedAssertions" : "validationOutputFilters"));
            }
            if (version == 1 && (!aspaFilters.isEmpty() || !aspaAssertions.isEmpty())) {
                throw bad("ASPA members need slurmVersion 2");
            }
            return new Slurm(version, prefixFilters, prefixAssertions, aspaFilters, aspaAssertions);
        }

        void section(JsonToken t, boolean filters) throws IOException {
            if (t != JsonToken.START_OBJECT) {
                throw bad("expected an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken a = p.nextToken();
                if (a != JsonToken.START_ARRAY) {
                    throw bad(name + " must be an array");
                }
                String kind = filters ? "filter" : "assertion";
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    switch (name) {
                        case "prefixFilters", "prefixAssertions" -> prefixItem(filters);
                        case "aspaFilters", "aspaAssertions" -> aspaItem(filters);
                        case "bgpsecFilters", "bgpsecAssertions" -> p.skipChildren();
                        default -> throw bad("unknown " + kind + " list '" + name + "'");
                    }
                }
                if (p.currentToken() != JsonToken.END_ARRAY) {
                    throw bad("entries of " + name + " must be objects");
                }
            }
        }

        void prefixItem(boolean filter) throws IOException {
            Prefix prefix = null;
            long asn = -1;
            int maxLength = -1;
            String comment = "";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "prefix" -> {
                        try {
                            prefix = Prefix.parse(t == JsonToken.VALUE_STRING ? p.getText() : "");
                        } catch (IllegalArgumentException e) {
                            throw bad(String.valueOf(e.getMessage()));
                        }
                    }
                    case "asn" -> {
                        if (t != JsonToken.VALUE_NUMBER_INT
                                || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                                || p.getLongValue() < 0
                                || p.getLongValue() > Asn.MAX_VALUE) {
                            throw bad("asn " + p.getText() + " (expected: integer 0..4294967295)");
                        }
                        asn = p.getLongValue();
                    }
                    case "maxPrefixLength" -> {
                        if (filter
                                || t != JsonToken.VALUE_NUMBER_INT
                                || p.getNumberType() != JsonParser.NumberType.INT) {
                            throw bad("maxPrefixLength " + p.getText() + " (expected: integer, in assertions only)");
                        }
                        maxLength = p.getIntValue();
                    }
                    case "comment" -> comment = p.getValueAsString("");
                    default -> p.skipChildren();
                }
            }
            if (filter) {
                if (prefix == null && asn < 0) {
                    throw bad("prefix filter without prefix and asn");
                }
                prefixFilters.add(new PrefixFilter(prefix, asn, comment));
                return;
            }
            if (prefix == null || asn < 0) {
                throw bad("prefix assertion needs prefix and asn");
            }
            int ml = maxLength < 0 ? prefix.length() : maxLength;
            if (ml < prefix.length() || ml > prefix.family().bits()) {
                throw bad("maxPrefixLength " + ml + " for " + prefix + " (expected: " + prefix.length() + ".."
                        + prefix.family().bits() + ")");
            }
            prefixAssertions.add(new PrefixAssertion(new Vrp(prefix, ml, asn), comment));
        }

        void aspaItem(boolean filter) throws IOException {
            long customer = -1;
            List<Long> providers = new ArrayList<>();
            String comment = "";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "customerAsid", "customerAsn", "customer" -> customer = asn(t, name);
                    case "providerSet", "providerAsns", "providers" -> {
                        if (t != JsonToken.START_ARRAY) {
                            throw bad(name + " must be an array");
                        }
                        JsonToken v;
                        while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                            providers.add(asn(v, name));
                        }
                    }
                    case "comment" -> comment = p.getValueAsString("");
                    default -> p.skipChildren();
                }
            }
            if (customer < 0) {
                throw bad("ASPA " + (filter ? "filter" : "assertion") + " without customer ASN");
            }
            if (filter) {
                aspaFilters.add(new AspaFilter(customer, comment));
                return;
            }
            if (providers.isEmpty()) {
                throw bad("ASPA assertion for AS" + customer + " without providers");
            }
            long[] ps = new long[providers.size()];
            for (int i = 0; i < ps.length; i++) {
                ps[i] = providers.get(i);
            }
            aspaAssertions.add(new AspaAssertion(new Aspa(customer, ps), comment));
        }

        long asn(@Nullable JsonToken t, String field) throws IOException {
            if (t == JsonToken.VALUE_NUMBER_INT
                    && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                    && p.getLongValue() >= 0
                    && p.getLongValue() <= Asn.MAX_VALUE) {
                return p.getLongValue();
            }
            if (t == JsonToken.VALUE_STRING) {
                try {
                    return Asn.parse(p.getText()).value();
                } catch (IllegalArgumentException e) {
                    throw bad(field + ": " + e.getMessage());
                }
            }
            throw bad(field + " " + p.getText() + " (expected: ASN 0..4294967295)");
        }
    }
}
