package dev.routescope.detect.internal;

import dev.routescope.detect.spi.Alert;
import dev.routescope.detect.spi.AlertType;
import dev.routescope.detect.spi.Detector;
import dev.routescope.detect.spi.DetectorContext;
import dev.routescope.detect.spi.Observation;
import dev.routescope.model.AddressFamily;
import dev.routescope.model.AsPath;
import dev.routescope.model.AsPathSegment;
import dev.routescope.model.Asn;
import dev.routescope.model.Prefix;
import java.util.List;
import java.util.function.Consumer;

/** Bogon prefixes (RFC 6890 and friends, domain.md §10.4), over-specific routes and bogon ASNs. */
final class BogonDetector implements Detector {
    private final boolean longIpv6;
    private final RaisedRoutes raised = new RaisedRoutes();

    BogonDetector(boolean longIpv6) {
        this.longIpv6 = longIpv6;
    }

    private static final PrefixMap<String> BOGONS = new PrefixMap<>();

    static {
        String[][] table = {
            {"0.0.0.0/8", "RFC 1122 this network"},
            {"10.0.0.0/8", "RFC 1918 private"},
            {"100.64.0.0/10", "RFC 6598 shared CGN space"},
            {"127.0.0.0/8", "RFC 1122 loopback"},
            {"169.254.0.0/16", "RFC 3927 link local"},
            {"172.16.0.0/12", "RFC 1918 private"},
            {"192.0.0.0/24", "RFC 6890 IETF protocol assignments"},
            {"192.0.2.0/24", "RFC 5737 TEST-NET-1"},
            {"192.168.0.0/16", "RFC 1918 private"},
            {"198.18.0.0/15", "RFC 2544 benchmarking"},
            {"198.51.100.0/24", "RFC 5737 TEST-NET-2"},
            {"203.0.113.0/24", "RFC 5737 TEST-NET-3"},
            {"224.0.0.0/4", "RFC 5771 multicast"},
            {"240.0.0.0/4", "RFC 1112 reserved"},
            {"::/8", "RFC 4291 reserved (incl. loopback, unspecified, IPv4-mapped)"},
            {"100::/64", "RFC 6666 discard only"},
            {"2001:2::/48", "RFC 5180 benchmarking"},
            {"2001:10::/28", "RFC 4843 ORCHID"},
            {"2001:db8::/32", "RFC 3849 documentation"},
            {"3fff::/20", "RFC 9637 documentation"},
            {"3ffe::/16", "RFC 3701 old 6bone"},
            {"fc00::/7", "RFC 4193 unique local"},
            {"fe80::/10", "RFC 4291 link local"},
            {"fec0::/10", "RFC 3879 site local"},
            {"ff00::/8", "RFC 4291 multicast"},
        };
        for (String[] row : table) {
            BOGONS.put(Prefix.parse(row[0]), row[1]);
        }
    }

    private static final Prefix GLOBAL_UNICAST_V6 = Prefix.parse("2000::/3");

    /**
     * Why a prefix is a bogon.
     *
     * @param p the prefix
     * @return the reason, or null if it is routable
     */
    static @org.jspecify.annotations.Nullable String prefixReason(Prefix p, boolean longIpv6) {
        if (p.length() == 0) {
            return "default route";
        }
        String r = BOGONS.covering(p, true);
        if (r != null) {
            return r;
        }
        if (p.family() == AddressFamily.IPV6 && !GLOBAL_UNICAST_V6.covers(p)) {
            return "outside 2000::/3 (unallocated)";
        }
        if (p.family() == AddressFamily.IPV4 && p.length() > 24) {
            return "IPv4 longer than /24";
        }
        if (longIpv6 && p.family() == AddressFamily.IPV6 && p.length() > 48) {
            return "IPv6 longer than /48";
        }
        return null;
    }

    static String asnReason(Asn a) {
        if (a.isAsTrans()) {
            return "AS_TRANS (RFC 6793)";
        }
        if (a.isDocumentation()) {
            return "documentation ASN (RFC 5398)";
        }
        if (a.isPrivate()) {
            return "private-use ASN (RFC 6996)";
        }
        return "reserved ASN (RFC 7607/7300/IANA)";
    }

    @Override
    public void observe(Observation o, DetectorContext ctx, Consumer<Alert> out) {
        // Without type-specific keys this clears the peer from every bogon incident of the prefix;
        // the announcement below raises again what still holds.
        raised.clearIfReplaced(o, AlertType.BOGON, out);
        AsPath path = o.path();
        if (!o.isAnnouncement() || path == null) {
            return;
        }
        String why = prefixReason(o.prefix(), longIpv6);
        if (why != null) {
            raised.mark(o.prefix(), o.peerId());
            out.accept(Alert.raise(AlertType.BOGON, o)
                    .prefix(o.prefix())
                    .offender(o.origin() >= 0 ? Asn.of(o.origin()) : null)
                    .detail("prefix")
                    .message("Bogon prefix " + o.prefix() + " (" + why + ") announced"
                            + (o.origin() >= 0 ? " by AS" + o.origin() : ""))
                    .build());
        }
        for (int s = 0; s < path.segmentCount(); s++) {
            AsPathSegment seg = path.segment(s);
            if (seg.type().isConfederation()) {
                continue; // confederation member ASNs are private by design
            }
            for (int i = 0; i < seg.size(); i++) {
                Asn a = Asn.of(seg.asn(i));
                if (!a.isPublic()) {
                    raised.mark(o.prefix(), o.peerId());
                    out.accept(Alert.raise(AlertType.BOGON, o)
                            .prefix(o.prefix())
                            .offender(a)
                            .detail("asn")
                            .message(
                                    "Bogon " + a + " (" + asnReason(a) + ") in the path of " + o.prefix() + ": " + path)
                            .build());
                    return;
                }
            }
        }
    }

    @Override
    public int stateSize() {
        return raised.size();
    }

    /** {@return the bogon table (for documentation and tests)} */
    static List<Prefix> bogonPrefixes() {
        return List.copyOf(BOGONS.asMap().keySet());
    }
}
