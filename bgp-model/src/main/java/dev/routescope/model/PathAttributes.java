package dev.routescope.model;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The decoded path attributes of a route. Absent attributes are {@code null} (or empty lists), never
 * replaced by defaults: the bgpdump-compatible formatter prints its own defaults.
 *
 * <p>{@link #nextHop()} is the next hop of the route's address family: NEXT_HOP for classic IPv4
 * NLRI, the (global) MP_REACH_NLRI next hop otherwise; {@link #linkLocalNextHop()} holds the
 * link-local half of a 32-byte IPv6 next hop.
 *
 * <pre>{@code
 * PathAttributes attrs = PathAttributes.builder()
 *         .origin(Origin.IGP)
 *         .asPath(AsPath.parse("64500 64501"))
 *         .nextHop(IpAddress.parse("192.0.2.1"))
 *         .communities(List.of(Community.NO_EXPORT))
 *         .build();
 * }</pre>
 *
 * @param origin ORIGIN, or null if absent
 * @param asPath AS_PATH after any AS4_PATH merge ({@link AsPath#EMPTY} if absent)
 * @param nextHop next hop, or null if absent
 * @param linkLocalNextHop IPv6 link-local next hop of a 32-byte MP next hop, or null
 * @param med MULTI_EXIT_DISC (unsigned 32-bit), or null if absent
 * @param localPref LOCAL_PREF (unsigned 32-bit), or null if absent
 * @param atomicAggregate whether ATOMIC_AGGREGATE is present
 * @param aggregator AGGREGATOR after any AS4_AGGREGATOR merge, or null
 * @param communities RFC 1997 communities in wire order
 * @param extendedCommunities RFC 4360 extended communities in wire order
 * @param largeCommunities RFC 8092 large communities in wire order
 * @param onlyToCustomer OTC (RFC 9234), or null if absent
 * @param originatorId ORIGINATOR_ID (RFC 4456), or null
 * @param clusterList CLUSTER_LIST (RFC 4456) identifiers
 * @param unknown attributes not modelled above, in wire order
 * @since 0.1
 */
public record PathAttributes(
        @Nullable Origin origin,
        AsPath asPath,
        @Nullable IpAddress nextHop,
        @Nullable IpAddress linkLocalNextHop,
        @Nullable Long med,
        @Nullable Long localPref,
        boolean atomicAggregate,
        @Nullable Aggregator aggregator,
        List<Community> communities,
        List<ExtendedCommunity> extendedCommunities,
        List<LargeCommunity> largeCommunities,
        @Nullable Asn onlyToCustomer,
        @Nullable IpAddress originatorId,
        List<IpAddress> clusterList,
        List<RawAttribute> unknown) {

    /** Attributes with nothing set and an empty AS path. */
    public static final PathAttributes EMPTY = builder().build();

    /**
     * Validates unsigned ranges and copies the lists.
     *
     * @throws IllegalArgumentException if MED or LOCAL_PREF is outside 32 bits
     */
    public PathAttributes {
        if (med != null && (med < 0 || med > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("MED " + med + " out of range (expected: 0..4294967295)");
        }
        if (localPref != null && (localPref < 0 || localPref > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("LOCAL_PREF " + localPref + " out of range (expected: 0..4294967295)");
        }
        communities = List.copyOf(communities);
        extendedCommunities = List.copyOf(extendedCommunities);
        largeCommunities = List.copyOf(largeCommunities);
        clusterList = List.copyOf(clusterList);
        unknown = List.copyOf(unknown);
    }

    /** {@return a new builder with nothing set} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with these attributes} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.origin = origin;
        b.asPath = asPath;
        b.nextHop = nextHop;
        b.linkLocalNextHop = linkLocalNextHop;
        b.med = med;
        b.localPref = localPref;
        b.atomicAggregate = atomicAggregate;
        b.aggregator = aggregator;
        b.communities = new ArrayList<>(communities);
        b.extendedCommunities = new ArrayList<>(extendedCommunities);
        b.largeCommunities = new ArrayList<>(largeCommunities);
        b.onlyToCustomer = onlyToCustomer;
        b.originatorId = originatorId;
        b.clusterList = new ArrayList<>(clusterList);
        b.unknown = new ArrayList<>(unknown);
        return b;
    }

    /**
     * Whether a standard community is attached.
     *
     * @param community the community
     * @return true if present
     */
    public boolean hasCommunity(Community community) {
        return communities.contains(community);
    }

    /**
     * Builder for {@link PathAttributes}; not thread-safe. Setting an attribute again replaces it (the
     * decoder applies RFC 7606 "keep the first" itself).
     */
    public static final class Builder {
        private @Nullable Origin origin;
        private AsPath asPath = AsPath.EMPTY;
        private @Nullable IpAddress nextHop;
        private @Nullable IpAddress linkLocalNextHop;
        private @Nullable Long med;
        private @Nullable Long localPref;
        private boolean atomicAggregate;
        private @Nullable Aggregator aggregator;
        private List<Community> communities = new ArrayList<>();
        private List<ExtendedCommunity> extendedCommunities = new ArrayList<>();
        private List<LargeCommunity> largeCommunities = new ArrayList<>();
        private @Nullable Asn onlyToCustomer;
        private @Nullable IpAddress originatorId;
        private List<IpAddress> clusterList = new ArrayList<>();
        private List<RawAttribute> unknown = new ArrayList<>();

        private Builder() {}

        /**
         * Sets ORIGIN.
         *
         * @param v the origin, or null
         * @return this
         */
        public Builder origin(@Nullable Origin v) {
            origin = v;
            return this;
        }

        /**
         * Sets AS_PATH.
         *
         * @param v the path
         * @return this
         */
        public Builder asPath(AsPath v) {
            asPath = v;
            return this;
        }

        /**
         * Sets the next hop.
         *
         * @param v the next hop, or null
         * @return this
         */
        public Builder nextHop(@Nullable IpAddress v) {
            nextHop = v;
            return this;
        }

        /**
         * Sets the IPv6 link-local next hop.
         *
         * @param v the link-local next hop, or null
         * @return this
         */
        public Builder linkLocalNextHop(@Nullable IpAddress v) {
            linkLocalNextHop = v;
            return this;
        }

        /**
         * Sets MULTI_EXIT_DISC.
         *
         * @param v unsigned 32-bit, or null
         * @return this
         */
        public Builder med(@Nullable Long v) {
            med = v;
            return this;
        }

        /**
         * Sets LOCAL_PREF.
         *
         * @param v unsigned 32-bit, or null
         * @return this
         */
        public Builder localPref(@Nullable Long v) {
            localPref = v;
            return this;
        }

        /**
         * Sets ATOMIC_AGGREGATE.
         *
         * @param v presence
         * @return this
         */
        public Builder atomicAggregate(boolean v) {
            atomicAggregate = v;
            return this;
        }

        /**
         * Sets AGGREGATOR.
         *
         * @param v the aggregator, or null
         * @return this
         */
        public Builder aggregator(@Nullable Aggregator v) {
            aggregator = v;
            return this;
        }

        /**
         * Sets the standard communities.
         *
         * @param v the communities in wire order
         * @return this
         */
        public Builder communities(List<Community> v) {
            communities = new ArrayList<>(v);
            return this;
        }

        /**
         * Appends a standard community.
         *
         * @param v the community
         * @return this
         */
        public Builder addCommunity(Community v) {
            communities.add(v);
            return this;
        }

        /**
         * Sets the extended communities.
         *
         * @param v the communities in wire order
         * @return this
         */
        public Builder extendedCommunities(List<ExtendedCommunity> v) {
            extendedCommunities = new ArrayList<>(v);
            return this;
        }

        /**
         * Sets the large communities.
         *
         * @param v the communities in wire order
         * @return this
         */
        public Builder largeCommunities(List<LargeCommunity> v) {
            largeCommunities = new ArrayList<>(v);
            return this;
        }

        /**
         * Sets OTC.
         *
         * @param v the OTC ASN, or null
         * @return this
         */
        public Builder onlyToCustomer(@Nullable Asn v) {
            onlyToCustomer = v;
            return this;
        }

        /**
         * Sets ORIGINATOR_ID.
         *
         * @param v the originator id, or null
         * @return this
         */
        public Builder originatorId(@Nullable IpAddress v) {
            originatorId = v;
            return this;
        }

        /**
         * Sets CLUSTER_LIST.
         *
         * @param v cluster ids in wire order
         * @return this
         */
        public Builder clusterList(List<IpAddress> v) {
            clusterList = new ArrayList<>(v);
            return this;
        }

        /**
         * Sets the raw unknown attributes.
         *
         * @param v attributes in wire order
         * @return this
         */
        public Builder unknown(List<RawAttribute> v) {
            unknown = new ArrayList<>(v);
            return this;
        }

        /**
         * Appends a raw attribute.
         *
         * @param v the attribute
         * @return this
         */
        public Builder addUnknown(RawAttribute v) {
            unknown.add(v);
            return this;
        }

        /** {@return the immutable attributes} */
        public PathAttributes build() {
            return new PathAttributes(
                    origin,
                    asPath,
                    nextHop,
                    linkLocalNextHop,
                    med,
                    localPref,
                    atomicAggregate,
                    aggregator,
                    communities,
                    extendedCommunities,
                    largeCommunities,
                    onlyToCustomer,
                    originatorId,
                    clusterList,
                    unknown);
        }
    }
}
