package dev.routescope.mrt;

/**
 * MRT type and subtype codes (RFC 6396, 6397, 8050) for switching on {@link MrtRecord#type()} and {@link
 * MrtRecord#subtype()}.
 *
 * <pre>{@code
 * if (record.type() == MrtTypes.BGP4MP && record.subtype() == MrtTypes.BGP4MP_MESSAGE_AS4) { ... }
 * }</pre>
 *
 * @since 0.1
 */
public final class MrtTypes {
    private MrtTypes() {}

    /** Legacy MRT type 5 "BGP" (pre-2002 RIS/RouteViews files). */
    public static final int BGP = 5;
    /** OSPFv2 (skipped). */
    public static final int OSPF_V2 = 11;
    /** TABLE_DUMP (v1). */
    public static final int TABLE_DUMP = 12;
    /** TABLE_DUMP_V2. */
    public static final int TABLE_DUMP_V2 = 13;
    /** BGP4MP. */
    public static final int BGP4MP = 16;
    /** BGP4MP with microsecond timestamp. */
    public static final int BGP4MP_ET = 17;
    /** IS-IS (skipped). */
    public static final int ISIS = 32;
    /** IS-IS with microsecond timestamp (skipped). */
    public static final int ISIS_ET = 33;
    /** OSPFv3 (skipped). */
    public static final int OSPF_V3 = 48;
    /** OSPFv3 with microsecond timestamp (skipped). */
    public static final int OSPF_V3_ET = 49;

    /** TABLE_DUMP subtype: IPv4 entries. */
    public static final int TABLE_DUMP_AFI_IPV4 = 1;
    /** TABLE_DUMP subtype: IPv6 entries. */
    public static final int TABLE_DUMP_AFI_IPV6 = 2;
    /** TABLE_DUMP subtype (non-standard, bgpdump): IPv4 entries with 4-byte ASNs. */
    public static final int TABLE_DUMP_AFI_IPV4_AS4 = 3;
    /** TABLE_DUMP subtype (non-standard, bgpdump): IPv6 entries with 4-byte ASNs. */
    public static final int TABLE_DUMP_AFI_IPV6_AS4 = 4;

    /** TABLE_DUMP_V2 subtype PEER_INDEX_TABLE. */
    public static final int PEER_INDEX_TABLE = 1;
    /** TABLE_DUMP_V2 subtype RIB_IPV4_UNICAST. */
    public static final int RIB_IPV4_UNICAST = 2;
    /** TABLE_DUMP_V2 subtype RIB_IPV4_MULTICAST. */
    public static final int RIB_IPV4_MULTICAST = 3;
    /** TABLE_DUMP_V2 subtype RIB_IPV6_UNICAST. */
    public static final int RIB_IPV6_UNICAST = 4;
    /** TABLE_DUMP_V2 subtype RIB_IPV6_MULTICAST. */
    public static final int RIB_IPV6_MULTICAST = 5;
    /** TABLE_DUMP_V2 subtype RIB_GENERIC. */
    public static final int RIB_GENERIC = 6;
    /** TABLE_DUMP_V2 subtype GEO_PEER_TABLE (RFC 6397). */
    public static final int GEO_PEER_TABLE = 7;
    /** TABLE_DUMP_V2 subtype RIB_IPV4_UNICAST_ADDPATH (RFC 8050). */
    public static final int RIB_IPV4_UNICAST_ADDPATH = 8;
    /** TABLE_DUMP_V2 subtype RIB_IPV4_MULTICAST_ADDPATH. */
    public static final int RIB_IPV4_MULTICAST_ADDPATH = 9;
    /** TABLE_DUMP_V2 subtype RIB_IPV6_UNICAST_ADDPATH. */
    public static final int RIB_IPV6_UNICAST_ADDPATH = 10;
    /** TABLE_DUMP_V2 subtype RIB_IPV6_MULTICAST_ADDPATH. */
    public static final int RIB_IPV6_MULTICAST_ADDPATH = 11;
    /** TABLE_DUMP_V2 subtype RIB_GENERIC_ADDPATH. */
    public static final int RIB_GENERIC_ADDPATH = 12;

    /** BGP4MP subtype STATE_CHANGE (2-byte ASNs). */
    public static final int BGP4MP_STATE_CHANGE = 0;
    /** BGP4MP subtype MESSAGE (2-byte ASNs). */
    public static final int BGP4MP_MESSAGE = 1;
    /** BGP4MP subtype MESSAGE_AS4. */
    public static final int BGP4MP_MESSAGE_AS4 = 4;
    /** BGP4MP subtype STATE_CHANGE_AS4. */
    public static final int BGP4MP_STATE_CHANGE_AS4 = 5;
    /** BGP4MP subtype MESSAGE_LOCAL (sent by the collector). */
    public static final int BGP4MP_MESSAGE_LOCAL = 6;
    /** BGP4MP subtype MESSAGE_AS4_LOCAL. */
    public static final int BGP4MP_MESSAGE_AS4_LOCAL = 7;
    /** BGP4MP subtype MESSAGE_ADDPATH (RFC 8050). */
    public static final int BGP4MP_MESSAGE_ADDPATH = 8;
    /** BGP4MP subtype MESSAGE_AS4_ADDPATH. */
    public static final int BGP4MP_MESSAGE_AS4_ADDPATH = 9;
    /** BGP4MP subtype MESSAGE_LOCAL_ADDPATH. */
    public static final int BGP4MP_MESSAGE_LOCAL_ADDPATH = 10;
    /** BGP4MP subtype MESSAGE_AS4_LOCAL_ADDPATH. */
    public static final int BGP4MP_MESSAGE_AS4_LOCAL_ADDPATH = 11;

    /** Legacy BGP (type 5) subtype UPDATE. */
    public static final int BGP_UPDATE = 1;
    /** Legacy BGP (type 5) subtype STATE_CHANGE. */
    public static final int BGP_STATE_CHANGE = 3;
    /** Legacy BGP (type 5) subtype KEEPALIVE. */
    public static final int BGP_KEEPALIVE = 7;

    /**
     * Whether a type carries the 4-byte microsecond field after the common header.
     *
     * @param type MRT type
     * @return true for BGP4MP_ET, ISIS_ET, OSPFv3_ET
     */
    public static boolean isExtendedTimestamp(int type) {
        return type == BGP4MP_ET || type == ISIS_ET || type == OSPF_V3_ET;
    }

    /**
     * Whether a type code is registered (RFC 6396 §4, including the deprecated 0..10).
     *
     * @param type MRT type
     * @return true if the code is in the IANA registry
     */
    public static boolean isKnownType(int type) {
        return (type >= 0 && type <= 13)
                || type == 16
                || type == 17
                || type == 32
                || type == 33
                || type == 48
                || type == 49;
    }

    /**
     * The registry name of a type.
     *
     * @param type MRT type
     * @return e.g. {@code BGP4MP_ET}, or {@code TYPE_<n>} if unregistered
     */
    public static String typeName(int type) {
        return switch (type) {
            case BGP -> "BGP";
            case OSPF_V2 -> "OSPFv2";
            case TABLE_DUMP -> "TABLE_DUMP";
            case TABLE_DUMP_V2 -> "TABLE_DUMP_V2";
            case BGP4MP -> "BGP4MP";
            case BGP4MP_ET -> "BGP4MP_ET";
            case ISIS -> "ISIS";
            case ISIS_ET -> "ISIS_ET";
            case OSPF_V3 -> "OSPFv3";
            case OSPF_V3_ET -> "OSPFv3_ET";
            default -> "TYPE_" + type;
        };
    }
}
