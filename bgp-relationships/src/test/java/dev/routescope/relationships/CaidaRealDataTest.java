package dev.routescope.relationships;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.testsupport.SharedData;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Sanity of the loaders and graph on the real CAIDA files of ../shared/data/asrel. */
class CaidaRealDataTest {
    private static final long[] CAIDA_2018_CLIQUE = {
        174, 209, 286, 701, 1239, 1299, 2828, 2914, 3257, 3320, 3356, 3491, 5511, 6453, 6461, 6762, 6830, 7018, 12956
    };

    static AsGraph load2018() throws IOException {
        AsGraph.Builder b = AsGraph.builder();
        LoadReport r = CaidaAsRel.load(SharedData.file("asrel/caida-serial-1/20180101.as-rel.txt"), b);
        assertThat(r.skipped()).as(r.toString()).isZero();
        return b.build();
    }

    @Test
    void load2018_countsMatchManifest() throws IOException {
        AsGraph.Builder b = AsGraph.builder();
        LoadReport r = CaidaAsRel.load(SharedData.file("asrel/caida-serial-1/20180101.as-rel.txt"), b);
        AsGraph g = b.build();
        assertThat(r.records()).isEqualTo(261_340);
        assertThat(r.skipped()).isZero();
        assertThat(r.duplicates()).isZero();
        assertThat(g.linkCount()).isEqualTo(261_340);
        assertThat(g.asCount()).isEqualTo(60_006);
        assertThat(g.providerCustomerLinkCount()).isEqualTo(117_703);
        assertThat(g.peerLinkCount()).isEqualTo(143_637);
        assertThat(g.clique()).containsExactly(CAIDA_2018_CLIQUE);
        assertThat(g.routeServers()).hasSize(28).contains(6695, 8714, 24115);
    }

    @Test
    void tier1s2018_haveNoProvidersAndHugeCones() throws IOException {
        AsGraph g = load2018();
        for (long t1 : CAIDA_2018_CLIQUE) {
            assertThat(g.providers(t1)).as("AS" + t1).isEmpty();
        }
        int cone3356 = g.customerConeSize(3356);
        assertThat(cone3356).isBetween(10_000, 60_006);
        assertThat(g.customerConeSize(174)).isBetween(10_000, 60_006);
        // A stub (no customers) has a cone of itself only; Google's AS15169 has few customers.
        assertThat(g.customerConeSize(15169)).isLessThan(100);
        assertThat(g.inCustomerCone(3356, 3356)).isTrue();
        // Every clique member peers with every other one in CAIDA's data.
        for (long a : CAIDA_2018_CLIQUE) {
            for (long b : CAIDA_2018_CLIQUE) {
                if (a != b) {
                    assertThat(g.relationship(a, b)).as("AS%d-AS%d", a, b).isEqualTo(Relationship.PEER);
                }
            }
        }
    }

    @Test
    void cliqueDetection2018_reproducesCaidaClique() throws IOException {
        AsGraph g = load2018();
        long[] detected = TierOneClique.detect(g, TierOneClique.DEFAULT_CANDIDATES);
        // Measured: detection reproduces CAIDA's 19-member inferred clique exactly (also for 1998
        // and 2010, see README).
        assertThat(detected).containsExactly(CAIDA_2018_CLIQUE);
        assertThat(g.customerConeSize(3356)).isEqualTo(49_111);
    }

    @Test
    void olderFiles_loadWithoutProblems() throws IOException {
        AsGraph.Builder b98 = AsGraph.builder();
        LoadReport r98 = CaidaAsRel.load(SharedData.file("asrel/caida-serial-1/19980101.as-rel.txt"), b98);
        AsGraph g98 = b98.build();
        assertThat(r98.skipped()).isZero();
        assertThat(g98.linkCount()).isEqualTo(5_773);
        assertThat(g98.asCount()).isEqualTo(3_233);
        assertThat(g98.providerCustomerLinkCount()).isEqualTo(4_921);
        AsGraph.Builder b10 = AsGraph.builder();
        LoadReport r10 = CaidaAsRel.load(SharedData.file("asrel/caida-serial-1/20100101.as-rel.txt"), b10);
        AsGraph g10 = b10.build();
        assertThat(r10.skipped()).isZero();
        assertThat(g10.linkCount()).isEqualTo(94_797);
        assertThat(g10.asCount()).isEqualTo(33_486);
    }

    @Test
    void ixpDataset2019_loadsAllLines() throws IOException {
        IxpDataset ixps = IxpDataset.load(
                SharedData.file("asrel/caida-ixps/ixs_201910.json"),
                SharedData.file("asrel/caida-ixps/ix-asns_201910.json"));
        // 962 IXP lines but only 837 distinct ix_ids: CAIDA reuses ids (see IxpDataset Javadoc).
        assertThat(ixps.ixpCount()).isEqualTo(837);
        assertThat(ixps.reports().get(0).duplicates()).isEqualTo(125);
        assertThat(ixps.memberAsnCount()).isEqualTo(14_691);
        assertThat(ixps.reports()).allSatisfy(r -> assertThat(r.skipped()).isZero());
        assertThat(ixps.reports().get(1).records()).isEqualTo(44_625);
        // DE-CIX Frankfurt's route-server ASN 6695 is listed at ix_id 207.
        assertThat(ixps.ixpsOf(6695)).contains(207);
        assertThat(ixps.name(207)).isNotNull();
        long member = Arrays.stream(ixps.members(207))
                .filter(a -> a != 6695)
                .findFirst()
                .orElseThrow();
        assertThat(ixps.shareIxp(6695, member)).isTrue();
        assertThat(ixps.shareIxp(6695, 4_294_967_000L)).isFalse();
    }
}
