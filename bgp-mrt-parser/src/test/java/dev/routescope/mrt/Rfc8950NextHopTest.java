package dev.routescope.mrt;

import static dev.routescope.mrt.MrtBytes.bgp4mpIpv4;
import static dev.routescope.mrt.MrtBytes.bgpMessage;
import static dev.routescope.mrt.MrtBytes.bytes;
import static dev.routescope.mrt.MrtBytes.record;
import static dev.routescope.mrt.MrtBytes.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.model.Announcement;
import dev.routescope.model.IpAddress;
import dev.routescope.model.Prefix;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 8950: IPv4 NLRI in MP_REACH_NLRI (AFI 1) with an IPv6 next hop of 16 or 32 bytes. */
class Rfc8950NextHopTest {
    private static final long T = 1_609_476_900L;
    private static final int[] PEER = {192, 0, 2, 1};

    private static Announcement decodeOne(String nextHopHex) throws Exception {
        byte[] nh = bytes().hex(nextHopHex).toArray();
        byte[] mpReach = bytes().u16(1)
                .u8(1, nh.length)
                .raw(nh)
                .u8(0)
                .u8(24, 203, 0, 113)
                .toArray();
        byte[] attrs = bytes().attr(0x40, 1, new byte[] {0})
                .attr(0x40, 2, bytes().u8(2, 1).u32(64500).toArray())
                .attr(0x80, 14, mpReach)
                .toArray();
        byte[] msg = bgpMessage(2, update(new byte[0], attrs, new byte[0]));
        List<MrtProblem> problems = new ArrayList<>();
        try (MrtElementReader r = new MrtElementReader(MrtReader.builder()
                .problemListener(problems::add)
                .wrap(MrtBytes.buf(record(T, 16, 4, bgp4mpIpv4(true, 64500, 1, PEER, msg))), "8950"))) {
            assertThat(r.advance()).isTrue();
            MrtElement e = r.element();
            assertThat(e.prefixIpv6()).isFalse();
            assertThat(e.nlriSource()).isEqualTo(MrtElement.NlriSource.MULTIPROTOCOL);
            Announcement a = (Announcement) e.toEvent();
            assertThat(r.advance()).isFalse();
            assertThat(problems).isEmpty();
            return a;
        }
    }

    @Test
    void ipv4NlriWith16ByteNextHop_ipv6NextHop() throws Exception {
        Announcement a = decodeOne("20010db8000000000000000000000001");
        assertThat(a.prefix()).isEqualTo(Prefix.parse("203.0.113.0/24"));
        assertThat(a.attributes().nextHop()).isEqualTo(IpAddress.parse("2001:db8::1"));
        assertThat(a.attributes().linkLocalNextHop()).isNull();
    }

    @Test
    void ipv4NlriWith32ByteNextHop_globalAndLinkLocal() throws Exception {
        Announcement a = decodeOne("20010db8000000000000000000000001" + "fe800000000000000000000000000002");
        assertThat(a.prefix()).isEqualTo(Prefix.parse("203.0.113.0/24"));
        assertThat(a.attributes().nextHop()).isEqualTo(IpAddress.parse("2001:db8::1"));
        assertThat(a.attributes().linkLocalNextHop()).isEqualTo(IpAddress.parse("fe80::2"));
    }
}
