package dev.routescope.mrt;

import dev.routescope.model.IpAddress;
import java.util.List;

/**
 * The contents of a TABLE_DUMP_V2 GEO_PEER_TABLE record (RFC 6397): the collector's and each peer's WGS 84 position.
 * {@code NaN} coordinates mean the position is withheld.
 *
 * <pre>{@code
 * try (MrtReader reader = MrtReader.open(path)) {
 *     while (reader.advance()) {
 *         GeoPeerTable geo = reader.geoPeerTable();
 *         if (geo != null && reader.record().subtype() == MrtTypes.GEO_PEER_TABLE) {
 *             geo.peers().forEach(p -> System.out.println(p.address() + " " + p.latitude() + "," + p.longitude()));
 *         }
 *     }
 * }
 * }</pre>
 *
 * @param collectorBgpId collector BGP identifier (unsigned 32 bits)
 * @param viewName view name (may be empty)
 * @param collectorLatitude collector latitude in degrees, or NaN
 * @param collectorLongitude collector longitude in degrees, or NaN
 * @param peers the peer entries in record order
 * @since 0.2
 */
public record GeoPeerTable(
        long collectorBgpId, String viewName, float collectorLatitude, float collectorLongitude, List<Peer> peers) {

    /** Copies the peer list. */
    public GeoPeerTable {
        peers = List.copyOf(peers);
    }

    /**
     * One peer entry.
     *
     * @param bgpId peer BGP identifier (unsigned 32 bits)
     * @param address peer address
     * @param asn peer ASN (unsigned; 2- or 4-byte encoding)
     * @param latitude latitude in degrees, or NaN
     * @param longitude longitude in degrees, or NaN
     */
    public record Peer(long bgpId, IpAddress address, long asn, float latitude, float longitude) {}
}
