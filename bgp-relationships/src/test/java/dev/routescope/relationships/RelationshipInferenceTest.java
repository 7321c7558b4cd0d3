package dev.routescope.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routescope.model.AsPath;
import dev.routescope.testsupport.SharedData;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RelationshipInferenceTest {

    /** A three-tier hierarchy with known labels and the valley-free paths it produces. */
    private static final class Synthetic {
        final AsGraph.Builder truth = AsGraph.builder();
        final List<long[]> paths = new ArrayList<>();

        Synthetic(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            long[] tier1 = {1, 2, 3, 4};
            for (int i = 0; i < tier1.length; i++) {
                for (int j = i + 1; j < tier1.length; j++) {
                    truth.peers(tier1[i], tier1[j]);
                }
            }
            // Tier-1 degrees must dominate (as in the real Internet) for Gao's degree-based top.
            long[][] providers = new long[400][];
            for (long t2 = 10; t2 < 90; t2++) {
                int first = random.nextInt(tier1.length);
                long[] ps = {tier1[first], tier1[(first + 1 + random.nextInt(tier1.length - 1)) % tier1.length]};
                for (long p : ps) {
                    truth.providerCustomer(p, t2);
                }
                providers[(int) t2] = ps;
            }
            for (long stub = 100; stub < 400; stub++) {
                long p = 10L + random.nextInt(80);
                truth.providerCustomer(p, stub);
                providers[(int) stub] = new long[] {p};
            }
            for (long origin = 100; origin < 400; origin++) {
                for (int v = 0; v < 12; v++) {
                    long vantage = 100L + random.nextInt(300);
                    if (vantage == origin) {
                        continue;
                    }
                    long o2 = providers[(int) origin][0];
                    long v2 = providers[(int) vantage][0];
                    long o1 = pick(random, providers[(int) o2]);
                    long v1 = pick(random, providers[(int) v2]);
                    if (o2 == v2) {
                        paths.add(new long[] {vantage, v2, origin});
                    } else if (o1 == v1) {
                        paths.add(new long[] {vantage, v2, v1, o2, origin});
                    } else {
                        paths.add(new long[] {vantage, v2, v1, o1, o2, origin});
                    }
                }
            }
        }

        private static long pick(SplittableRandom random, long[] choices) {
            return choices[random.nextInt(choices.length)];
        }
    }

    @Test
    void infer_valleyFreePathsOfKnownHierarchy_recoversLabels() {
        Synthetic s = new Synthetic(7);
        RelationshipInference inference = RelationshipInference.builder().build();
        for (long[] p : s.paths) {
            assertThat(inference.addPath(p, 0, p.length)).isTrue();
        }
        AsGraph inferred = inference.infer();
        GraphComparison c = GraphComparison.compare(inferred, s.truth.build());
        assertThat(c.coverage()).isEqualTo(1.0);
        assertThat(c.providerCustomerAgreement()).as(c.toString()).isGreaterThan(0.97);
        assertThat(c.peerAgreement()).as(c.toString()).isGreaterThan(0.8);
        // Every path it learned from must come out valley-free against its own inference.
        ValleyFreeChecker checker = ValleyFreeChecker.builder(inferred).build();
        long leaks = s.paths.stream()
                .filter(p -> checker.check(p) == PathStatus.LEAK)
                .count();
        assertThat(leaks).isLessThan(s.paths.size() / 50);
    }

    @Test
    void addPath_prependsRouteServersAndDuplicates_normalised() {
        RelationshipInference inference =
                RelationshipInference.builder().routeServers(6695).build();
        assertThat(inference.addPath(AsPath.parse("3356 3356 6695 64500"))).isFalse(); // 64500 is documentation
        assertThat(inference.addPath(AsPath.parse("3356 3356 6695 15169"))).isTrue();
        assertThat(inference.addPath(AsPath.parse("3356 15169 15169"))).isTrue();
        assertThat(inference.addPath(AsPath.parse("3356 {15169,13335}"))).isFalse();
        assertThat(inference.addPath(AsPath.parse("3356 174 3356 15169"))).isFalse(); // loop
        assertThat(inference.distinctPaths()).isEqualTo(1);
        assertThat(inference.pathsOffered()).isEqualTo(5);
        assertThat(inference.pathsRejected()).isEqualTo(3);
        AsGraph g = inference.infer();
        assertThat(g.linkCount()).isEqualTo(1);
        assertThat(g.contains(6695)).isFalse();
    }

    @Test
    void builder_invalidRatio_rejected() {
        assertThatThrownBy(() -> RelationshipInference.builder().peerDegreeRatio(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("peerDegreeRatio 1.0");
    }

    @Test
    void infer_ris2002RibAgainstCaida1998_agreementAboveFloor() throws Exception {
        RelationshipInference inference = RelationshipInference.builder().build();
        long lines = BgpdumpPaths.forEach(SharedData.file("mrt/bgpdump/bview.20020722.2337.gz"), inference::addPath);
        assertThat(lines).isEqualTo(115_521);
        AsGraph inferred = inference.infer();
        AsGraph.Builder caida = AsGraph.builder();
        CaidaAsRel.load(SharedData.file("asrel/caida-serial-1/19980101.as-rel.txt"), caida);
        GraphComparison c = GraphComparison.compare(inferred, caida.build());
        System.out.println("2002 RIB vs CAIDA 1998: " + c + "; " + inference.distinctPaths() + " distinct paths");
        // Measured value in the README; the floor catches a broken vote direction (which gives < 50 %).
        assertThat(c.providerCustomerAgreement()).isGreaterThan(0.7);
        assertThat(c.sharedLinks()).isGreaterThan(500);
    }
}
