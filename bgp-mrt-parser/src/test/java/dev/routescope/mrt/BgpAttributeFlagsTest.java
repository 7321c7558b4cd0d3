package dev.routescope.mrt;

import static dev.routescope.mrt.MrtBytes.bgp4mpIpv4;
import static dev.routescope.mrt.MrtBytes.bgpMessage;
import static dev.routescope.mrt.MrtBytes.bytes;
import static dev.routescope.mrt.MrtBytes.record;
import static dev.routescope.mrt.MrtBytes.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.model.Announcement;
import dev.routescope.model.Prefix;
import dev.routescope.model.RouteEvent;
import dev.routescope.model.Withdrawal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 7606 §3 (c): Optional/Transitive flag bits that conflict with the attribute type. */
class BgpAttributeFlagsTest {
    private static final long T = 1_609_476_900L;
    private static final int[] PEER = {192, 0, 2, 1};
    private final List<MrtProblem> problems = new ArrayList<>();

    /** ORIGIN, AS_PATH (AS 64500), NEXT_HOP with the given flags, plus extra attributes. */
    private static byte[] attrs(int originFlags, int asPathFlags, byte[]... extra) {
        MrtBytes b = bytes().attr(originFlags, 1, new byte[] {0})
                .attr(asPathFlags, 2, bytes().u8(2, 1).u32(64500).toArray())
                .attr(0x40, 3, new byte[] {(byte) 192, 0, 2, 1});
        for (byte[] e : extra) {
            b.raw(e);
        }
        return b.toArray();
    }

    private List<RouteEvent> decode(byte[] attributes, byte[] nlri) throws Exception {
        byte[] msg = bgpMessage(2, update(new byte[0], attributes, nlri));
        List<RouteEvent> events = new ArrayList<>();
        try (MrtElementReader r = new MrtElementReader(MrtReader.builder()
                .problemListener(problems::add)
                .wrap(MrtBytes.buf(record(T, 16, 4, bgp4mpIpv4(true, 64500, 1, PEER, msg))), "flags"))) {
            r.iterator().forEachRemaining(events::add);
        }
        return events;
    }

    @Test
    void wellKnownOriginMarkedOptional_treatAsWithdraw() throws Exception {
        List<RouteEvent> events = decode(attrs(0xC0, 0x40), bytes().u8(8, 10).toArray());
        assertThat(events).singleElement().isInstanceOf(Withdrawal.class);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(MrtProblem.Kind.MALFORMED_ATTRIBUTE);
            assertThat(p.action()).isEqualTo(MrtProblem.Action.TREAT_AS_WITHDRAW);
            assertThat(p.detail())
                    .contains("ORIGIN flags 0xc0")
                    .contains("optional transitive (expected: well-known transitive");
        });
    }

    @Test
    void wellKnownAsPathNotTransitive_treatAsWithdraw() throws Exception {
        List<RouteEvent> events = decode(attrs(0x40, 0x00), bytes().u8(8, 10).toArray());
        assertThat(events).singleElement().isInstanceOf(Withdrawal.class);
        assertThat(problems)
                .extracting(MrtProblem::detail)
                .anySatisfy(d -> assertThat(d).contains("AS_PATH flags 0x0"));
    }

    @Test
    void medMarkedTransitive_treatAsWithdraw() throws Exception {
        byte[] med = bytes().attr(0xC0, 4, new byte[] {0, 0, 0, 5}).toArray();
        List<RouteEvent> events =
                decode(attrs(0x40, 0x40, med), bytes().u8(8, 10).toArray());
        assertThat(events).singleElement().isInstanceOf(Withdrawal.class);
        assertThat(problems)
                .singleElement()
                .satisfies(p -> assertThat(p.detail()).contains("MULTI_EXIT_DISC flags 0xc0"));
    }

    @Test
    void aggregatorMarkedWellKnown_attributeDiscarded_announcementKept() throws Exception {
        byte[] aggregator = bytes().attr(
                        0x40, 7, bytes().u32(64501).u8(10, 0, 0, 1).toArray())
                .toArray();
        List<RouteEvent> events =
                decode(attrs(0x40, 0x40, aggregator), bytes().u8(8, 10).toArray());
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        Announcement.class,
                        a -> assertThat(a.attributes().aggregator()).isNull());
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.action()).isEqualTo(MrtProblem.Action.ATTRIBUTE_DISCARDED);
            assertThat(p.detail()).contains("AGGREGATOR flags 0x40");
        });
    }

    @Test
    void communitiesWithPartialAndExtendedLengthBits_accepted() throws Exception {
        // 0xF0: optional transitive + Partial + Extended Length: the category bits are right, the rest is legal.
        byte[] communities =
                bytes().attr(0xF0, 8, bytes().u32(0xFDE8_0001L).toArray()).toArray();
        List<RouteEvent> events =
                decode(attrs(0x40, 0x50, communities), bytes().u8(8, 10).toArray());
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        Announcement.class,
                        a -> assertThat(a.attributes().communities()).hasSize(1));
        assertThat(problems).isEmpty();
    }

    @Test
    void unknownAttributeWithAnyFlags_keptRawWithoutProblem() throws Exception {
        byte[] unknown = bytes().attr(0x40, 99, new byte[] {1, 2}).toArray();
        List<RouteEvent> events =
                decode(attrs(0x40, 0x40, unknown), bytes().u8(8, 10).toArray());
        assertThat(events).singleElement().isInstanceOf(Announcement.class);
        assertThat(problems).isEmpty();
    }

    @Test
    void mpReachMarkedTransitive_notedAndPrefixesKept() throws Exception {
        byte[] mpReach = bytes().attr(
                        0xC0,
                        14,
                        bytes().u16(2)
                                .u8(1, 16)
                                .hex("20010db8000000000000000000000001")
                                .u8(0)
                                .u8(32)
                                .hex("20010db8")
                                .toArray())
                .toArray();
        byte[] attributes = bytes().attr(0x40, 1, new byte[] {0})
                .attr(0x40, 2, bytes().u8(2, 1).u32(64500).toArray())
                .raw(mpReach)
                .toArray();
        List<RouteEvent> events = decode(attributes, new byte[0]);
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        Announcement.class, a -> assertThat(a.prefix()).isEqualTo(Prefix.parse("2001:db8::/32")));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.action()).isEqualTo(MrtProblem.Action.NOTED);
            assertThat(p.detail()).contains("MP_REACH_NLRI flags 0xc0", "reset the session");
        });
    }
}
