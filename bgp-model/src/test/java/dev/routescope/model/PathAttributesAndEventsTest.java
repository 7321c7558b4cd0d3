package dev.routescope.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathAttributesAndEventsTest {

    private static final Peer PEER = Peer.of("192.0.2.1", 64500);

    @Test
    void builder_absentAttributesStayNull() {
        PathAttributes a =
                PathAttributes.builder().asPath(AsPath.parse("64500 64501")).build();
        assertThat(a.origin()).isNull();
        assertThat(a.nextHop()).isNull();
        assertThat(a.med()).isNull();
        assertThat(a.localPref()).isNull();
        assertThat(a.communities()).isEmpty();
        assertThat(a.atomicAggregate()).isFalse();
    }

    @Test
    void constructor_copiesListsSoCallerMutationDoesNotLeak() {
        List<Community> mutable = new ArrayList<>(List.of(Community.NO_EXPORT));
        PathAttributes a = PathAttributes.builder().communities(mutable).build();
        mutable.add(Community.BLACKHOLE);
        assertThat(a.communities()).containsExactly(Community.NO_EXPORT);
        assertThatThrownBy(() -> a.communities().add(Community.BLACKHOLE))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(a.hasCommunity(Community.NO_EXPORT)).isTrue();
    }

    @Test
    void medAndLocalPref_mustBeUnsigned32() {
        assertThatThrownBy(() -> PathAttributes.builder().med(-1L).build())
                .hasMessage("MED -1 out of range (expected: 0..4294967295)");
        assertThatThrownBy(() -> PathAttributes.builder().localPref(1L << 32).build())
                .hasMessageContaining("LOCAL_PREF");
        assertThat(PathAttributes.builder().med(4294967295L).build().med()).isEqualTo(4294967295L);
    }

    @Test
    void toBuilder_roundTripsEveryField() {
        PathAttributes a = PathAttributes.builder()
                .origin(Origin.EGP)
                .asPath(AsPath.parse("1 2 {3,4}"))
                .nextHop(IpAddress.parse("2001:db8::1"))
                .linkLocalNextHop(IpAddress.parse("fe80::1"))
                .med(5L)
                .localPref(100L)
                .atomicAggregate(true)
                .aggregator(new Aggregator(Asn.of(4), IpAddress.parse("192.0.2.9")))
                .communities(List.of(Community.BLACKHOLE))
                .extendedCommunities(List.of(ExtendedCommunity.routeTarget(1, 2)))
                .largeCommunities(List.of(new LargeCommunity(1, 2, 3)))
                .onlyToCustomer(Asn.of(64500))
                .originatorId(IpAddress.parse("10.0.0.1"))
                .clusterList(List.of(IpAddress.parse("10.0.0.2")))
                .unknown(List.of(RawAttribute.of(0xC0, 99, new byte[] {1, 2})))
                .build();
        assertThat(a.toBuilder().build()).isEqualTo(a);
        assertThat(a.aggregator()).hasToString("4 192.0.2.9");
        assertThat(a.unknown().get(0)).hasToString("63:c0:0102");
    }

    @Test
    void rawAttribute_copiesValue() {
        byte[] v = {1, 2, 3};
        RawAttribute r = RawAttribute.of(0x80, 40, v);
        v[0] = 9;
        assertThat(r.value()).containsExactly(1, 2, 3);
        assertThat(r.isOptional()).isTrue();
        assertThat(r.isTransitive()).isFalse();
        assertThatThrownBy(() -> RawAttribute.of(256, 1, v)).hasMessageContaining("flags 256");
    }

    @Test
    void events_truncateTimestampToMicroseconds() {
        Instant t = Instant.ofEpochSecond(1609477200L, 123_456_789);
        Announcement a = new Announcement(
                t, "rrc12", PEER, Prefix.parse("198.51.100.0/24"), RouteEvent.NO_PATH_ID, PathAttributes.EMPTY, false);
        assertThat(a.timestamp()).isEqualTo(Instant.ofEpochSecond(1609477200L, 123_456_000));
        Withdrawal w = new Withdrawal(t, "rrc12", PEER, Prefix.parse("198.51.100.0/24"), 7);
        assertThat(w.timestamp()).isEqualTo(Instant.ofEpochSecond(1609477200L, 123_456_000));
        assertThat(w.hasPathId()).isTrue();
        assertThat(a.hasPathId()).isFalse();
    }

    @Test
    void events_badPathId_rejected() {
        assertThatThrownBy(() -> new Withdrawal(Instant.EPOCH, "rrc12", PEER, Prefix.parse("10.0.0.0/8"), -2))
                .hasMessageContaining("path id -2");
        assertThatThrownBy(() -> new Withdrawal(Instant.EPOCH, "rrc12", PEER, Prefix.parse("10.0.0.0/8"), 1L << 32))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void announcement_originComesFromPath() {
        Announcement a = new Announcement(
                Instant.EPOCH,
                "rrc12",
                PEER,
                Prefix.parse("198.51.100.0/24"),
                RouteEvent.NO_PATH_ID,
                PathAttributes.builder().asPath(AsPath.parse("64500 64501")).build(),
                true);
        assertThat(a.origin()).contains(Asn.of(64501));
        assertThat(a.ribEntry()).isTrue();
    }

    @Test
    void peerState_sessionUpAndDown() {
        PeerStateChange down = new PeerStateChange(Instant.EPOCH, "rrc12", PEER, BgpState.ESTABLISHED, BgpState.IDLE);
        assertThat(down.isSessionDown()).isTrue();
        assertThat(down.isSessionUp()).isFalse();
        PeerStateChange up =
                new PeerStateChange(Instant.EPOCH, "rrc12", PEER, BgpState.OPEN_CONFIRM, BgpState.ESTABLISHED);
        assertThat(up.isSessionUp()).isTrue();
        assertThat(BgpState.ofCode(9)).isEqualTo(BgpState.UNKNOWN);
        assertThat(BgpState.ofCode(7)).isEqualTo(BgpState.CLEARING);
    }

    @Test
    void enums_codesRoundTrip() {
        for (Origin o : Origin.values()) {
            assertThat(Origin.ofCode(o.code())).isEqualTo(o);
        }
        for (SegmentType t : SegmentType.values()) {
            assertThat(SegmentType.ofCode(t.code())).isEqualTo(t);
        }
        assertThatThrownBy(() -> Origin.ofCode(3)).hasMessageContaining("ORIGIN 3");
        assertThatThrownBy(() -> SegmentType.ofCode(0)).hasMessageContaining("segment type 0");
        assertThat(AddressFamily.ofAfi(2)).isEqualTo(AddressFamily.IPV6);
        assertThatThrownBy(() -> AddressFamily.ofAfi(3)).hasMessageContaining("AFI 3");
    }
}
