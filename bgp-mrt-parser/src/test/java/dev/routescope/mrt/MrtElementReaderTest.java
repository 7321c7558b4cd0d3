package dev.routescope.mrt;

import static dev.routescope.mrt.MrtBytes.bgp4mpIpv4;
import static dev.routescope.mrt.MrtBytes.bgpMessage;
import static dev.routescope.mrt.MrtBytes.bytes;
import static dev.routescope.mrt.MrtBytes.record;
import static dev.routescope.mrt.MrtBytes.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.model.Announcement;
import dev.routescope.model.AsPath;
import dev.routescope.model.Asn;
import dev.routescope.model.BgpState;
import dev.routescope.model.Community;
import dev.routescope.model.IpAddress;
import dev.routescope.model.LargeCommunity;
import dev.routescope.model.PathAttributes;
import dev.routescope.model.PeerStateChange;
import dev.routescope.model.Prefix;
import dev.routescope.model.RouteEvent;
import dev.routescope.model.Withdrawal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MrtElementReaderTest {
    private static final long T = 1_609_476_900L;
    private static final int[] PEER = {192, 0, 2, 1};
    private final List<MrtProblem> problems = new ArrayList<>();

    private MrtElementReader reader(byte[]... records) {
        return new MrtElementReader(MrtReader.builder()
                .collector("rrc99")
                .problemListener(problems::add)
                .wrap(MrtBytes.buf(records), "test"));
    }

    private static List<MrtElementSnapshot> elements(MrtElementReader r) {
        List<MrtElementSnapshot> out = new ArrayList<>();
        BgpdumpFormatter fmt = new BgpdumpFormatter();
        while (r.advance()) {
            StringBuilder sb = new StringBuilder();
            String line = fmt.format(r.element(), sb) ? sb.toString().trim() : "";
            out.add(new MrtElementSnapshot(
                    r.element().toEvent(), line, r.element().kind()));
        }
        return out;
    }

    record MrtElementSnapshot(RouteEvent event, String line, MrtElement.Kind kind) {}

    private static byte[] as4Path(long... asns) {
        MrtBytes b = bytes().u8(2, asns.length);
        for (long a : asns) {
            b.u32(a);
        }
        return b.toArray();
    }

    private static byte[] as2Path(int... asns) {
        MrtBytes b = bytes().u8(2, asns.length);
        for (int a : asns) {
            b.u16(a);
        }
        return b.toArray();
    }

    private static byte[] basicAttrs(byte[] asPath, byte[]... extra) {
        MrtBytes b = bytes().attr(0x40, 1, new byte[] {0})
                .attr(0x40, 2, asPath)
                .attr(0x40, 3, new byte[] {(byte) 192, 0, 2, 1});
        for (byte[] e : extra) {
            b.raw(e);
        }
        return b.toArray();
    }

    @Test
    void messageAs4_allAttributes_decodedLazilyAndAsEvent() throws Exception {
        byte[] attrs = basicAttrs(
                bytes().u8(2, 2)
                        .u32(64500)
                        .u32(4_200_000_000L)
                        .u8(1, 2)
                        .u32(64501)
                        .u32(64502)
                        .toArray(),
                bytes().attr(0x80, 4, bytes().u32(0xFFFF_FFF0L).toArray()).toArray(),
                bytes().attr(0x40, 5, bytes().u32(100).toArray()).toArray(),
                bytes().attr(
                                0xC0,
                                8,
                                bytes().u32(0xFFFF_FF01L)
                                        .u32(64500L << 16 | 666)
                                        .toArray())
                        .toArray(),
                bytes().attr(0xC0, 16, bytes().hex("0002fc00000003e8").toArray())
                        .toArray(),
                bytes().attr(0xC0, 32, bytes().u32(4_200_000_000L).u32(1).u32(2).toArray())
                        .toArray(),
                bytes().attr(0xC0, 35, bytes().u32(64500).toArray()).toArray(),
                bytes().attr(0xC0, 99, new byte[] {1, 2, 3}).toArray());
        byte[] msg = bgpMessage(
                2, update(new byte[0], attrs, bytes().u8(24, 198, 51, 100).toArray()));
        try (MrtElementReader r = reader(record(T, 16, 4, bgp4mpIpv4(true, 4_200_000_001L, 12654, PEER, msg)))) {
            assertThat(r.advance()).isTrue();
            MrtElement e = r.element();
            BgpAttributes a = e.attributes();
            assertThat(a.originAsn()).isEqualTo(-1); // path ends in a set
            assertThat(a.firstAsn()).isEqualTo(64500);
            assertThat(a.asPathLength()).isEqualTo(3);
            assertThat(a.med()).isEqualTo(0xFFFF_FFF0L);
            assertThat(a.communityCount()).isEqualTo(2);
            assertThat(a.onlyToCustomer()).isEqualTo(64500);
            Announcement ev = (Announcement) e.toEvent();
            PathAttributes pa = ev.attributes();
            assertThat(ev.collector()).isEqualTo("rrc99");
            assertThat(ev.peer().asn()).isEqualTo(Asn.of(4_200_000_001L));
            assertThat(ev.prefix()).isEqualTo(Prefix.parse("198.51.100.0/24"));
            assertThat(pa.asPath()).isEqualTo(AsPath.parse("64500 4200000000 {64501,64502}"));
            assertThat(pa.communities()).containsExactly(Community.NO_EXPORT, Community.of(64500, 666));
            assertThat(pa.largeCommunities()).containsExactly(new LargeCommunity(4_200_000_000L, 1, 2));
            assertThat(pa.extendedCommunities()).hasSize(1);
            assertThat(pa.onlyToCustomer()).isEqualTo(Asn.of(64500));
            assertThat(pa.unknown())
                    .singleElement()
                    .satisfies(u -> assertThat(u.type()).isEqualTo(99));
            assertThat(pa.nextHop()).isEqualTo(IpAddress.parse("192.0.2.1"));
            assertThat(pa.localPref()).isEqualTo(100L);
            StringBuilder sb = new StringBuilder();
            new BgpdumpFormatter().format(e, sb);
            assertThat(sb.toString())
                    .isEqualTo("BGP4MP|" + T + "|A|192.0.2.1|4200000001|198.51.100.0/24|64500 4200000000 {64501,64502}"
                            + "|IGP|192.0.2.1|100|4294967280|no-export 64500:666|NAG||\n");
            assertThat(r.advance()).isFalse();
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void twoByteMessage_as4PathDomainExample_mergedPerRfc6793() throws Exception {
        byte[] attrs = basicAttrs(
                as2Path(64496, 23456, 23456, 64511),
                bytes().attr(0xC0, 17, as4Path(4_200_000_001L, 4_200_000_002L, 64511))
                        .toArray());
        byte[] msg =
                bgpMessage(2, update(new byte[0], attrs, bytes().u8(16, 10, 1).toArray()));
        try (MrtElementReader r = reader(record(T, 16, 1, bgp4mpIpv4(false, 64496, 12654, PEER, msg)))) {
            List<MrtElementSnapshot> es = elements(r);
            assertThat(((Announcement) es.get(0).event()).asPath())
                    .isEqualTo(AsPath.parse("64496 4200000001 4200000002 64511"));
            assertThat(es.get(0).line()).contains("|64496 4200000001 4200000002 64511|");
        }
    }

    @Test
    void twoByteMessage_aggregatorNotAsTrans_as4PathIgnored() throws Exception {
        byte[] attrs = basicAttrs(
                as2Path(64496, 23456),
                bytes().attr(0xC0, 7, bytes().u16(64496).ipv4(10, 0, 0, 9).toArray())
                        .toArray(),
                bytes().attr(0xC0, 17, as4Path(4_200_000_001L)).toArray(),
                bytes().attr(
                                0xC0,
                                18,
                                bytes().u32(4_200_000_001L).ipv4(10, 0, 0, 8).toArray())
                        .toArray());
        byte[] msg = bgpMessage(2, update(new byte[0], attrs, bytes().u8(8, 10).toArray()));
        try (MrtElementReader r = reader(record(T, 16, 1, bgp4mpIpv4(false, 64496, 1, PEER, msg)))) {
            Announcement a = (Announcement) elements(r).get(0).event();
            assertThat(a.asPath()).isEqualTo(AsPath.parse("64496 23456"));
            assertThat(a.attributes().aggregator())
                    .isEqualTo(new dev.routescope.model.Aggregator(Asn.of(64496), IpAddress.parse("10.0.0.9")));
        }
    }

    @Test
    void extendedTimestamp_addPathMpReachIpv6_32ByteNextHop_pathIdsAndGlobalNextHop() throws Exception {
        byte[] mp = bytes().u16(2)
                .u8(1, 32)
                .hex("20010db8000000000000000000000001")
                .hex("fe800000000000000000000000000001")
                .u8(0)
                .u32(7)
                .u8(32)
                .hex("20010db8")
                .toArray();
        byte[] unreach = bytes().u16(2).u8(1).u32(8).u8(48).hex("20010db80001").toArray();
        byte[] attrs = basicAttrs(
                as4Path(64500),
                bytes().attr(0x90, 14, mp).toArray(),
                bytes().attr(0x90, 15, unreach).toArray());
        byte[] msg = bgpMessage(2, update(new byte[0], attrs, new byte[0]));
        byte[] rec = MrtBytes.recordEt(T, 17, 9, 123, bgp4mpIpv4(true, 64500, 1, PEER, msg));
        try (MrtElementReader r = reader(rec)) {
            List<MrtElementSnapshot> es = elements(r);
            assertThat(es).hasSize(2);
            Withdrawal w = (Withdrawal) es.get(0).event();
            assertThat(w.prefix()).isEqualTo(Prefix.parse("2001:db8:1::/48"));
            assertThat(w.pathId()).isEqualTo(8);
            assertThat(es.get(0).line()).isEqualTo("BGP4MP_ET_AP|" + T + ".000123|W|192.0.2.1|64500|2001:db8:1::/48|8");
            Announcement a = (Announcement) es.get(1).event();
            assertThat(a.pathId()).isEqualTo(7);
            assertThat(a.timestamp()).isEqualTo(java.time.Instant.ofEpochSecond(T, 123_000));
            assertThat(a.attributes().nextHop()).isEqualTo(IpAddress.parse("2001:db8::1"));
            assertThat(a.attributes().linkLocalNextHop()).isEqualTo(IpAddress.parse("fe80::1"));
            assertThat(es.get(1).line())
                    .isEqualTo("BGP4MP_ET_AP|" + T + ".000123|A|192.0.2.1|64500|2001:db8::/32|7|64500|IGP|2001:db8::1"
                            + "|0|0||NAG||");
        }
    }

    @Test
    void extendedLengthAttribute_asPathOver255Bytes_decoded() throws Exception {
        long[] asns = new long[70];
        for (int i = 0; i < asns.length; i++) {
            asns[i] = 65000L + i;
        }
        byte[] path = as4Path(asns);
        assertThat(path.length).isGreaterThan(255);
        byte[] msg = bgpMessage(
                2, update(new byte[0], basicAttrs(path), bytes().u8(8, 10).toArray()));
        try (MrtElementReader r = reader(record(T, 16, 4, bgp4mpIpv4(true, 65000, 1, PEER, msg)))) {
            assertThat(r.advance()).isTrue();
            assertThat(r.element().attributes().asPathAsnCount()).isEqualTo(70);
            assertThat(r.element().attributes().originAsn()).isEqualTo(65069);
        }
    }

    @Test
    void badOriginValue_treatAsWithdraw_eventIsWithdrawal() throws Exception {
        byte[] attrs = bytes().attr(0x40, 1, new byte[] {7})
                .attr(0x40, 2, as4Path(64500))
                .attr(0x40, 3, new byte[] {10, 0, 0, 1})
                .toArray();
        byte[] msg = bgpMessage(2, update(new byte[0], attrs, bytes().u8(8, 10).toArray()));
        try (MrtElementReader r = reader(record(T, 16, 4, bgp4mpIpv4(true, 64500, 1, PEER, msg)))) {
            List<MrtElementSnapshot> es = elements(r);
            assertThat(es).singleElement().satisfies(s -> {
                assertThat(s.kind()).isEqualTo(MrtElement.Kind.ANNOUNCEMENT);
                assertThat(s.event()).isInstanceOf(Withdrawal.class);
            });
        }
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(MrtProblem.Kind.MALFORMED_ATTRIBUTE);
            assertThat(p.action()).isEqualTo(MrtProblem.Action.TREAT_AS_WITHDRAW);
            assertThat(p.detail()).contains("ORIGIN");
            assertThat(p.offset()).isPositive();
        });
    }

    @Test
    void badAggregatorLength_attributeDiscarded_announcementKept() throws Exception {
        byte[] attrs = basicAttrs(
                as4Path(64500), bytes().attr(0xC0, 7, new byte[] {1, 2, 3}).toArray());
        byte[] msg = bgpMessage(2, update(new byte[0], attrs, bytes().u8(8, 10).toArray()));
        try (MrtElementReader r = reader(record(T, 16, 4, bgp4mpIpv4(true, 64500, 1, PEER, msg)))) {
            Announcement a = (Announcement) elements(r).get(0).event();
            assertThat(a.attributes().aggregator()).isNull();
        }
        assertThat(problems).extracting(MrtProblem::action).containsExactly(MrtProblem.Action.ATTRIBUTE_DISCARDED);
    }

    @Test
    void attributeOverrunsBlock_treatAsWithdrawWithOffset() throws Exception {
        byte[] attrs = bytes().u8(0x40, 1, 1, 0).u8(0x40, 2, 200, 2).toArray();
        byte[] msg = bgpMessage(2, update(new byte[0], attrs, bytes().u8(8, 10).toArray()));
        try (MrtElementReader r = reader(record(T, 16, 4, bgp4mpIpv4(true, 64500, 1, PEER, msg)))) {
            assertThat(elements(r).get(0).event()).isInstanceOf(Withdrawal.class);
        }
        assertThat(problems).first().satisfies(p -> assertThat(p.detail()).contains("overruns the block"));
    }

    @Test
    void prefixLongerThanAddress_droppedAndReported_restOfNlriKept() throws Exception {
        byte[] msg = bgpMessage(
                2,
                update(
                        new byte[0],
                        basicAttrs(as4Path(64500)),
                        bytes().u8(33, 1, 2, 3, 4, 5).u8(8, 10).toArray()));
        try (MrtElementReader r = reader(record(T, 16, 4, bgp4mpIpv4(true, 64500, 1, PEER, msg)))) {
            List<MrtElementSnapshot> es = elements(r);
            assertThat(es)
                    .extracting(s -> ((Announcement) s.event()).prefix())
                    .containsExactly(Prefix.parse("10.0.0.0/8"));
        }
        assertThat(problems).extracting(MrtProblem::kind).containsExactly(MrtProblem.Kind.MALFORMED_NLRI);
    }

    @Test
    void stateChangeAs4_ipv6_peerStateChange() throws Exception {
        byte[] body = bytes().u32(4_200_000_000L)
                .u32(1)
                .u16(0)
                .u16(2)
                .hex("20010db8000000000000000000000002")
                .hex("20010db8000000000000000000000001")
                .u16(6)
                .u16(1)
                .toArray();
        try (MrtElementReader r = reader(record(T, 16, 5, body))) {
            List<MrtElementSnapshot> es = elements(r);
            PeerStateChange s = (PeerStateChange) es.get(0).event();
            assertThat(s.isSessionDown()).isTrue();
            assertThat(s.newState()).isEqualTo(BgpState.IDLE);
            assertThat(es.get(0).line()).isEqualTo("BGP4MP|" + T + "|STATE|2001:db8::2|4200000000|6|1");
        }
    }

    @Test
    void openKeepaliveNotification_recognisedAndCounted_noElements() throws Exception {
        byte[] open =
                bgpMessage(1, bytes().u8(4).u16(23456).u16(90).u32(1).u8(0).toArray());
        byte[] keepalive = bgpMessage(4, new byte[0]);
        byte[] notification = bgpMessage(3, new byte[] {6, 2});
        try (MrtElementReader r = reader(
                record(T, 16, 4, bgp4mpIpv4(true, 1, 2, PEER, open)),
                record(T, 16, 4, bgp4mpIpv4(true, 1, 2, PEER, keepalive)),
                record(T, 16, 4, bgp4mpIpv4(true, 1, 2, PEER, notification)))) {
            assertThat(r.advance()).isFalse();
            assertThat(r.stats().bgpOpens()).isEqualTo(1);
            assertThat(r.stats().bgpKeepalives()).isEqualTo(1);
            assertThat(r.stats().bgpNotifications()).isEqualTo(1);
            assertThat(r.stats().records()).isEqualTo(3);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void badMarker_recordSkippedWithProblem_nextRecordDecoded() throws Exception {
        byte[] msg = bgpMessage(
                2,
                update(
                        new byte[0],
                        basicAttrs(as4Path(64500)),
                        bytes().u8(8, 10).toArray()));
        byte[] bad = msg.clone();
        bad[3] = 0;
        try (MrtElementReader r = reader(
                record(T, 16, 4, bgp4mpIpv4(true, 64500, 1, PEER, bad)),
                record(T, 16, 4, bgp4mpIpv4(true, 64500, 1, PEER, msg)))) {
            assertThat(elements(r)).hasSize(1);
            assertThat(r.stats().skippedRecords()).isEqualTo(1);
        }
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(MrtProblem.Kind.BAD_BGP_MARKER);
            assertThat(p.recordType()).isEqualTo(16);
            assertThat(p.recordSubtype()).isEqualTo(4);
            assertThat(p.recordOffset()).isZero();
        });
    }

    private static byte[] peerIndexTable() {
        return bytes().ipv4(10, 0, 0, 254)
                .u16(4)
                .raw("view".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .u16(2)
                .u8(0)
                .ipv4(1, 1, 1, 1)
                .ipv4(192, 0, 2, 1)
                .u16(64500)
                .u8(3)
                .ipv4(2, 2, 2, 2)
                .hex("20010db8000000000000000000000009")
                .u32(4_200_000_000L)
                .toArray();
    }

    @Test
    void ribGenericAndAddPathIpv6_abbreviatedMpReach_entriesWithPeersFromIndexTable() throws Exception {
        byte[] attrs = basicAttrs(
                as4Path(4_200_000_000L, 64501),
                bytes().attr(
                                0x80,
                                14,
                                bytes().u8(16)
                                        .hex("20010db8000000000000000000000009")
                                        .toArray())
                        .toArray());
        byte[] generic = bytes().u32(1)
                .u16(2)
                .u8(1)
                .u8(32)
                .hex("20010db8")
                .u16(1)
                .u16(1)
                .u32(T - 10)
                .u16(attrs.length)
                .raw(attrs)
                .toArray();
        byte[] addPath = bytes().u32(2)
                .u8(24)
                .u8(198, 51, 100)
                .u16(1)
                .u16(0)
                .u32(T - 20)
                .u32(42)
                .u16(attrs.length)
                .raw(attrs)
                .toArray();
        // GEO_PEER_TABLE: collector 10.0.0.254 at (52.37, 4.90), one IPv6 4-byte-AS peer with a withheld position.
        byte[] geo = bytes().ipv4(10, 0, 0, 254)
                .u16(0)
                .u32(Float.floatToIntBits(52.37f))
                .u32(Float.floatToIntBits(4.90f))
                .u16(1)
                .u8(3)
                .u32(7)
                .hex("20010db8000000000000000000000009")
                .u32(4_200_000_000L)
                .u32(Float.floatToIntBits(Float.NaN))
                .u32(Float.floatToIntBits(Float.NaN))
                .toArray();
        try (MrtElementReader r = reader(
                record(T, 13, 1, peerIndexTable()),
                record(T, 13, 7, geo),
                record(T, 13, 6, generic),
                record(T, 13, 8, addPath))) {
            List<MrtElementSnapshot> es = elements(r);
            assertThat(es).hasSize(2);
            Announcement g = (Announcement) es.get(0).event();
            assertThat(g.ribEntry()).isTrue();
            assertThat(g.peer().asn()).isEqualTo(Asn.of(4_200_000_000L));
            assertThat(g.peer().address()).isEqualTo(IpAddress.parse("2001:db8::9"));
            assertThat(g.attributes().nextHop()).isEqualTo(IpAddress.parse("2001:db8::9"));
            assertThat(es.get(0).line()).isEmpty(); // bgpdump prints nothing for RIB_GENERIC
            assertThat(es.get(1).line())
                    .isEqualTo("TABLE_DUMP2_AP|" + T + "|B|192.0.2.1|64500|198.51.100.0/24|42|4200000000 64501|IGP"
                            + "|2001:db8::9|0|0||NAG||");
            assertThat(r.reader().peerIndexTable().viewName()).isEqualTo("view");
            assertThat(r.stats().skippedRecords()).isEqualTo(1); // GEO_PEER_TABLE: decoded, but no elements
            GeoPeerTable geoTable = java.util.Objects.requireNonNull(r.reader().geoPeerTable(), "GEO_PEER_TABLE");
            assertThat(geoTable.collectorBgpId()).isEqualTo(0x0A0000FEL);
            assertThat(geoTable.collectorLatitude()).isEqualTo(52.37f);
            assertThat(geoTable.collectorLongitude()).isEqualTo(4.90f);
            assertThat(geoTable.peers()).singleElement().satisfies(p -> {
                assertThat(p.address()).isEqualTo(IpAddress.parse("2001:db8::9"));
                assertThat(p.asn()).isEqualTo(4_200_000_000L);
                assertThat(p.bgpId()).isEqualTo(7);
                assertThat(p.latitude()).isNaN();
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void ribBeforePeerIndexTable_andBadPeerIndex_reportedAndSkipped() throws Exception {
        byte[] attrs = basicAttrs(as4Path(64500));
        byte[] rib = bytes().u32(1)
                .u8(8)
                .u8(10)
                .u16(1)
                .u16(5)
                .u32(T)
                .u16(attrs.length)
                .raw(attrs)
                .toArray();
        try (MrtElementReader r =
                reader(record(T, 13, 2, rib), record(T, 13, 1, peerIndexTable()), record(T, 13, 2, rib))) {
            assertThat(r.advance()).isFalse();
        }
        assertThat(problems)
                .extracting(MrtProblem::kind)
                .containsExactly(MrtProblem.Kind.MISSING_PEER_INDEX_TABLE, MrtProblem.Kind.BAD_PEER_INDEX);
    }

    @Test
    void tableDumpV1Ipv6_twoByteAs_entryDecoded() throws Exception {
        byte[] attrs = basicAttrs(as2Path(64500, 64501));
        byte[] body = bytes().u16(0)
                .u16(1)
                .hex("20010db8000100000000000000000000")
                .u8(48, 1)
                .u32(T - 5)
                .hex("20010db8000000000000000000000002")
                .u16(64500)
                .u16(attrs.length)
                .raw(attrs)
                .toArray();
        try (MrtElementReader r = reader(record(T, 12, 2, body))) {
            List<MrtElementSnapshot> es = elements(r);
            assertThat(((Announcement) es.get(0).event()).prefix()).isEqualTo(Prefix.parse("2001:db8:1::/48"));
            assertThat(es.get(0).line())
                    .isEqualTo("TABLE_DUMP|" + T + "|B|2001:db8::2|64500|2001:db8:1::/48|64500 64501|IGP|192.0.2.1"
                            + "|0|0||NAG||");
        }
    }

    @Test
    void geoPeerTableWithTruncatedPeer_droppedWithProblem_readingContinues() throws Exception {
        byte[] geo = bytes().ipv4(10, 0, 0, 254)
                .u16(0)
                .u32(0)
                .u32(0)
                .u16(2)
                .u8(0)
                .u32(7)
                .ipv4(192, 0, 2, 1)
                .toArray();
        byte[] msg = bgpMessage(
                2,
                update(
                        new byte[0],
                        basicAttrs(as4Path(64500)),
                        bytes().u8(8, 10).toArray()));
        try (MrtElementReader r =
                reader(record(T, 13, 7, geo), record(T, 16, 4, bgp4mpIpv4(true, 64500, 1, PEER, msg)))) {
            assertThat(elements(r)).hasSize(1);
            assertThat(r.reader().geoPeerTable()).isNull();
        }
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(MrtProblem.Kind.MALFORMED_RECORD);
            assertThat(p.detail()).contains("GEO_PEER_TABLE peer entry 0 of 2 is truncated");
            assertThat(p.offset()).isEqualTo(12 + 16);
        });
    }

    @Test
    void truncatedLastRecord_stopsWithProblem_earlierRecordsKept() throws Exception {
        byte[] msg = bgpMessage(
                2,
                update(
                        new byte[0],
                        basicAttrs(as4Path(64500)),
                        bytes().u8(8, 10).toArray()));
        byte[] rec = record(T, 16, 4, bgp4mpIpv4(true, 64500, 1, PEER, msg));
        byte[] cut = java.util.Arrays.copyOf(rec, rec.length - 3);
        try (MrtElementReader r = reader(rec, cut)) {
            assertThat(elements(r)).hasSize(1);
            assertThat(r.reader().stoppedOnProblem()).isTrue();
        }
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(MrtProblem.Kind.TRUNCATED_RECORD);
            assertThat(p.recordOffset()).isEqualTo(rec.length);
        });
    }

    @Test
    void garbageBetweenRecords_resyncedToNextHeader() throws Exception {
        byte[] msg = bgpMessage(
                2,
                update(
                        new byte[0],
                        basicAttrs(as4Path(64500)),
                        bytes().u8(8, 10).toArray()));
        byte[] rec = record(T, 16, 4, bgp4mpIpv4(true, 64500, 1, PEER, msg));
        byte[] garbage = bytes().u32(0xDEADBEEFL)
                .u32(0x12345678)
                .u32(0xFFFFFFFFL)
                .u8(1, 2, 3)
                .toArray();
        try (MrtElementReader r = reader(rec, garbage, rec)) {
            assertThat(elements(r)).hasSize(2);
            assertThat(r.stats().skippedBytes()).isEqualTo(garbage.length);
        }
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(MrtProblem.Kind.GARBAGE_SKIPPED);
            assertThat(p.offset()).isEqualTo(rec.length);
        });
    }

    @Test
    void unsupportedTypes_skippedAndCounted() throws Exception {
        try (MrtElementReader r = reader(record(T, 11, 0, new byte[10]), record(T, 32, 0, new byte[4]))) {
            assertThat(r.advance()).isFalse();
            assertThat(r.stats().skippedRecords()).isEqualTo(2);
        }
        assertThat(problems).extracting(MrtProblem::kind).containsOnly(MrtProblem.Kind.UNSUPPORTED_TYPE);
    }

    @Test
    void inferCollector_risAndRouteViewsPaths() throws Exception {
        assertThat(MrtReader.inferCollector("/data/ris/rrc12/2021.01/updates.20210101.0455.gz"))
                .isEqualTo("rrc12");
        assertThat(MrtReader.inferCollector("routeviews.route-views.jinx.updates.1427846400.bz2"))
                .isEqualTo("route-views.jinx");
        assertThat(MrtReader.inferCollector("/archive/route-views2/bgpdata/updates.bz2"))
                .isEqualTo("route-views2");
        assertThat(MrtReader.inferCollector("updates.gz")).isEmpty();
    }
}
