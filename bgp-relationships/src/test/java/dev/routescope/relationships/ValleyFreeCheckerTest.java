package dev.routescope.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routescope.model.AsPath;
import org.junit.jupiter.api.Test;

class ValleyFreeCheckerTest {
    // Tier-1s 100 and 200 peer; 10 buys from 100, 20 from 200; 10, 20 and 30 peer with each other;
    // 1 is multihomed to 10 and 20; 2 and 5 are single-homed customers; 40/41 are one organisation.
    static AsGraph.Builder topology() {
        return AsGraph.builder()
                .peers(100, 200)
                .providerCustomer(100, 10)
                .providerCustomer(200, 20)
                .providerCustomer(100, 5)
                .peers(10, 20)
                .peers(10, 30)
                .providerCustomer(10, 1)
                .providerCustomer(20, 1)
                .providerCustomer(10, 2)
                .providerCustomer(20, 3)
                .providerCustomer(20, 4)
                .providerCustomer(10, 41)
                .providerCustomer(40, 42)
                .clique(100, 200);
    }

    static AsGraph graph() {
        return topology()
                .organization(40, "ORG-S")
                .organization(41, "ORG-S")
                .organization(1, "ORG-M")
                .organization(4, "ORG-M")
                .build();
    }

    private final ValleyFreeChecker checker =
            ValleyFreeChecker.builder(graph()).routeServers(6695).build();

    private LeakVerdict verdict(String path) {
        return checker.verdict(AsPath.parse(path));
    }

    @Test
    void check_uphillOnly_valleyFreeHigh() {
        LeakVerdict v = verdict("100 10 2");
        assertThat(v.status()).isEqualTo(PathStatus.VALLEY_FREE);
        assertThat(v.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(v.linkCount()).isEqualTo(2);
        assertThat(v.unknownLinkCount()).isZero();
    }

    @Test
    void check_upPeerDown_valleyFree() {
        assertThat(verdict("20 200 100 10 2").status()).isEqualTo(PathStatus.VALLEY_FREE);
        assertThat(verdict("3 20 10 2").status()).isEqualTo(PathStatus.VALLEY_FREE);
    }

    @Test
    void check_customerSentProviderRouteToOtherProvider_hairpinType1() {
        LeakVerdict v = verdict("20 1 10 2");
        assertThat(v.status()).isEqualTo(PathStatus.LEAK);
        assertThat(v.leaks()).singleElement().satisfies(leak -> {
            assertThat(leak.type()).isEqualTo(LeakType.HAIRPIN);
            assertThat(leak.rfc7908Type()).isEqualTo(1);
            assertThat(leak.leakerAsn()).isEqualTo(1);
            assertThat(leak.leakerIndex()).isEqualTo(1);
            assertThat(leak.fromAsn()).isEqualTo(10);
            assertThat(leak.toAsn()).isEqualTo(20);
            assertThat(leak.confidence()).isEqualTo(Confidence.HIGH);
        });
    }

    @Test
    void check_peerRouteToAnotherPeer_lateralType2() {
        LeakVerdict v = verdict("30 10 20 3");
        assertThat(v.leaks()).singleElement().satisfies(leak -> {
            assertThat(leak.rfc7908Type()).isEqualTo(2);
            assertThat(leak.leakerAsn()).isEqualTo(10);
            assertThat(leak.leakerIndex()).isEqualTo(1);
            assertThat(leak.fromAsn()).isEqualTo(20);
            assertThat(leak.toAsn()).isEqualTo(30);
        });
    }

    @Test
    void check_providerRouteToPeer_type3() {
        LeakVerdict v = verdict("20 10 100 5");
        assertThat(v.leaks()).singleElement().satisfies(leak -> {
            assertThat(leak.type()).isEqualTo(LeakType.PROVIDER_TO_PEER);
            assertThat(leak.leakerAsn()).isEqualTo(10);
            assertThat(leak.fromAsn()).isEqualTo(100);
            assertThat(leak.toAsn()).isEqualTo(20);
        });
    }

    @Test
    void check_peerRouteToProvider_type4() {
        LeakVerdict v = verdict("100 10 20 3");
        assertThat(v.leaks()).singleElement().satisfies(leak -> {
            assertThat(leak.type()).isEqualTo(LeakType.PEER_TO_PROVIDER);
            assertThat(leak.rfc7908Type()).isEqualTo(4);
            assertThat(leak.leakerAsn()).isEqualTo(10);
        });
    }

    @Test
    void check_twoValleys_reportsBothInPropagationOrder() {
        // 5 -> 100 -> 10 (down) -> 20 (lateral: type 3 by 10) -> 200 (up: type 4 by 20)
        LeakVerdict v = verdict("200 20 10 100 5");
        assertThat(v.leaks())
                .extracting(Leak::leakerAsn, Leak::rfc7908Type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(10L, 3), org.assertj.core.groups.Tuple.tuple(20L, 4));
        assertThat(checker.leakCount()).isEqualTo(2);
    }

    @Test
    void check_prependedLeaker_collapsesAndReportsLeftmostCopy() {
        LeakVerdict v = verdict("20 20 1 1 1 10 10 2 2");
        assertThat(v.linkCount()).isEqualTo(3);
        assertThat(v.leaks()).singleElement().satisfies(leak -> {
            assertThat(leak.type()).isEqualTo(LeakType.HAIRPIN);
            assertThat(leak.leakerAsn()).isEqualTo(1);
            assertThat(leak.leakerIndex()).isEqualTo(2);
        });
    }

    @Test
    void check_siblingsInTheMiddle_actAsOneAs() {
        // 42 -> 40 (up) -> 41 (sibling of 40, no link in the data) -> 10 (up) -> 100 (up)
        LeakVerdict v = verdict("100 10 41 40 42");
        assertThat(v.status()).isEqualTo(PathStatus.VALLEY_FREE);
        assertThat(v.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(v.unknownLinkCount()).isZero();
    }

    @Test
    void check_siblingsWithoutOrgData_linkIsUnknownNotLeak() {
        ValleyFreeChecker noOrgs = ValleyFreeChecker.builder(topology().build()).build();
        LeakVerdict v = noOrgs.verdict(AsPath.parse("100 10 41 40 42"));
        assertThat(v.status()).isEqualTo(PathStatus.VALLEY_FREE);
        assertThat(v.unknownLinkCount()).isEqualTo(1);
        assertThat(v.confidence()).isEqualTo(Confidence.MEDIUM);
    }

    @Test
    void check_siblingGroupLeaks_leakerIsTheExportingSibling() {
        // 2 -> 10 (up) -> 1 (down) -> 4 (sibling) -> 20 (up): the group {1, 4} hairpins, 4 exports
        LeakVerdict v = verdict("20 4 1 10 2");
        assertThat(v.leaks()).singleElement().satisfies(leak -> {
            assertThat(leak.type()).isEqualTo(LeakType.HAIRPIN);
            assertThat(leak.leakerAsn()).isEqualTo(4);
            assertThat(leak.leakerIndex()).isEqualTo(1);
            assertThat(leak.fromAsn()).isEqualTo(10);
            assertThat(leak.toAsn()).isEqualTo(20);
        });
    }

    @Test
    void check_unknownLinksOnly_valleyFreeWithLowConfidence() {
        LeakVerdict v = verdict("20 1 999 10 2");
        assertThat(v.status()).isEqualTo(PathStatus.VALLEY_FREE);
        assertThat(v.unknownLinkCount()).isEqualTo(2);
        assertThat(v.linkCount()).isEqualTo(4);
        assertThat(v.confidence()).isEqualTo(Confidence.LOW);
    }

    @Test
    void check_unknownLinkInsideValley_leakWithLowConfidence() {
        // 5 -> 100 -> 10 (down) -> 999 (?) -> 1 (?) -> 20 (up): a valley, leaker uncertain
        LeakVerdict v = verdict("20 1 999 10 100 5");
        assertThat(v.status()).isEqualTo(PathStatus.LEAK);
        assertThat(v.confidence()).isEqualTo(Confidence.LOW);
        assertThat(v.leaks().get(0).leakerAsn()).isEqualTo(1);
        assertThat(v.leaks().get(0).fromAsn()).isEqualTo(999);
    }

    @Test
    void check_unknownLinkOutsideValley_leakWithMediumConfidence() {
        LeakVerdict v = verdict("777 20 1 10 2");
        assertThat(v.status()).isEqualTo(PathStatus.LEAK);
        assertThat(v.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(v.unknownLinkCount()).isEqualTo(1);
    }

    @Test
    void check_unknownAsOnly_neverALeak() {
        LeakVerdict v = verdict("64496 64497 64498");
        assertThat(v.status()).isEqualTo(PathStatus.VALLEY_FREE);
        assertThat(v.confidence()).isEqualTo(Confidence.LOW);
        assertThat(v.unknownLinkCount()).isEqualTo(2);
    }

    @Test
    void check_asSetAtOrigin_linkAcrossSetUnknown() {
        LeakVerdict v = verdict("100 10 {2,7}");
        assertThat(v.status()).isEqualTo(PathStatus.VALLEY_FREE);
        assertThat(v.unknownLinkCount()).isEqualTo(1);
        assertThat(v.linkCount()).isEqualTo(2);
    }

    @Test
    void check_asSetBeforeValley_leakStillFound() {
        LeakVerdict v = verdict("20 1 10 {2,7}");
        assertThat(v.status()).isEqualTo(PathStatus.LEAK);
        assertThat(v.leaks().get(0).leakerIndex()).isEqualTo(1);
        assertThat(v.confidence()).isEqualTo(Confidence.MEDIUM);
    }

    @Test
    void check_asSetUnderUndecidablePolicy_undecidable() {
        ValleyFreeChecker strict = ValleyFreeChecker.builder(graph())
                .asSetPolicy(AsSetPolicy.UNDECIDABLE)
                .build();
        assertThat(strict.check(AsPath.parse("100 10 {2,7}"))).isEqualTo(PathStatus.UNDECIDABLE);
        assertThat(strict.check(AsPath.parse("100 10 2"))).isEqualTo(PathStatus.VALLEY_FREE);
    }

    @Test
    void check_routeServerBetweenPeers_removed() {
        assertThat(verdict("20 6695 10 2").status()).isEqualTo(PathStatus.VALLEY_FREE);
        assertThat(verdict("20 6695 10 2").unknownLinkCount()).isZero();
        LeakVerdict leak = verdict("100 10 6695 20 3");
        assertThat(leak.leaks()).singleElement().satisfies(l -> {
            assertThat(l.type()).isEqualTo(LeakType.PEER_TO_PROVIDER);
            assertThat(l.leakerIndex()).isEqualTo(1);
            assertThat(l.fromAsn()).isEqualTo(20);
        });
    }

    @Test
    void check_routeServerNotConfigured_countsAsUnknownLinks() {
        ValleyFreeChecker plain =
                ValleyFreeChecker.builder(graph()).routeServers().build();
        LeakVerdict v = plain.verdict(AsPath.parse("20 6695 10 2"));
        assertThat(v.status()).isEqualTo(PathStatus.VALLEY_FREE);
        assertThat(v.unknownLinkCount()).isEqualTo(2);
    }

    @Test
    void check_confederationSegment_dropped() {
        LeakVerdict v = verdict("(65001 65002) 100 10 2");
        assertThat(v.status()).isEqualTo(PathStatus.VALLEY_FREE);
        assertThat(v.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(v.linkCount()).isEqualTo(2);
    }

    @Test
    void check_emptyAndSingleAs_valleyFreeWithoutLinks() {
        assertThat(checker.check(AsPath.EMPTY)).isEqualTo(PathStatus.VALLEY_FREE);
        assertThat(checker.linkCount()).isZero();
        assertThat(checker.check(2L)).isEqualTo(PathStatus.VALLEY_FREE);
        assertThat(checker.confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void check_pathLongerThanLimit_undecidable() {
        ValleyFreeChecker small =
                ValleyFreeChecker.builder(graph()).maxPathLength(3).build();
        assertThat(small.check(20, 1, 10, 2)).isEqualTo(PathStatus.UNDECIDABLE);
        assertThat(small.check(AsPath.parse("20 1 10 2"))).isEqualTo(PathStatus.UNDECIDABLE);
        assertThat(small.check(1, 10, 2)).isEqualTo(PathStatus.VALLEY_FREE);
    }

    @Test
    void check_arraySlice_indicesRelativeToSliceStart() {
        long[] buffer = {7, 7, 20, 1, 10, 2, 9};
        assertThat(checker.check(buffer, 2, 4)).isEqualTo(PathStatus.LEAK);
        assertThat(checker.leakerIndex(0)).isEqualTo(1);
        assertThat(checker.leakerAsn(0)).isEqualTo(1);
        assertThat(checker.fromAsn(0)).isEqualTo(10);
        assertThat(checker.toAsn(0)).isEqualTo(20);
    }

    @Test
    void check_flyweightAfterValleyFreePath_noLeakAccess() {
        checker.check(100, 10, 2);
        assertThatThrownBy(() -> checker.leakType(0))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("found 0");
    }

    @Test
    void check_asnOutOfRange_rejected() {
        assertThatThrownBy(() -> checker.check(100, -5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-5");
    }

    @Test
    void builder_settingTwice_rejected() {
        ValleyFreeChecker.Builder b = ValleyFreeChecker.builder(graph()).asSetPolicy(AsSetPolicy.UNDECIDABLE);
        assertThatThrownBy(() -> b.asSetPolicy(AsSetPolicy.UNKNOWN_LINKS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("UNDECIDABLE");
        assertThatThrownBy(() -> b.maxPathLength(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void copy_independentScratchState() {
        ValleyFreeChecker other = checker.copy();
        checker.check(20, 1, 10, 2);
        other.check(100, 10, 2);
        assertThat(checker.status()).isEqualTo(PathStatus.LEAK);
        assertThat(other.status()).isEqualTo(PathStatus.VALLEY_FREE);
    }
}
