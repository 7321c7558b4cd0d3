package dev.routescope.detect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.detect.spi.AspaAuthorization;
import dev.routescope.detect.spi.AspaLookup;
import dev.routescope.detect.spi.Relationship;
import dev.routescope.detect.spi.RelationshipLookup;
import dev.routescope.detect.spi.RovState;
import dev.routescope.detect.spi.Vrp;
import dev.routescope.model.AsPath;
import dev.routescope.model.Asn;
import dev.routescope.model.Prefix;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The worked examples of domain.md §6.2 (ROV), §8 (ASPA) and §9.2 (valley-free). */
class ProtocolChecksTest {
    private static final VrpTable VRPS = new VrpTable(
            List.of(
                    vrp("192.0.2.0/24", 24, 64496),
                    vrp("198.51.100.0/22", 24, 64497),
                    vrp("203.0.113.0/24", 24, 0),
                    vrp("2001:db8::/32", 48, 64498),
                    vrp("2001:db8:1000::/36", 36, 64499),
                    vrp("100.64.0.0/16", 16, 64500),
                    vrp("100.64.0.0/16", 16, 64501)),
            null);

    private static Vrp vrp(String p, int max, long asn) {
        return new Vrp(Prefix.parse(p), max, Asn.of(asn));
    }

    @ParameterizedTest(name = "ROV example {0}")
    @CsvSource({
        "1, 192.0.2.0/24, 1 64496, VALID",
        "2, 192.0.2.0/25, 1 64496, INVALID_LENGTH",
        "3, 192.0.2.0/24, 1 64511, INVALID_ORIGIN",
        "4, 198.51.101.0/24, 1 64497, VALID",
        // domain.md writes 198.51.100.0/21, which has host bits set; the /21 containing it is meant.
        "5, 198.51.96.0/21, 1 64497, NOT_FOUND",
        "6, 203.0.113.0/24, 1 64500, INVALID_ORIGIN",
        "8, 2001:db8:1234::/48, 1 64498, VALID",
        "9, 2001:db8:1234::/48, 1 64499, INVALID_LENGTH",
        "10, 2001:db8:1000::/36, 1 64499, VALID",
        "11, 100.64.0.0/16, 1 64501, VALID",
        "12, 192.0.2.0/24, '64510 {64496,64511}', INVALID_ORIGIN",
        "13, 192.0.2.0/24, 666 64496, VALID"
    })
    void rov_domainExamples(int n, String prefix, String path, RovState expected) {
        assertThat(VRPS.validate(Prefix.parse(prefix), AsPath.parse(path).originValue()))
                .as("example %d", n)
                .isEqualTo(expected);
    }

    private static final Map<Long, Set<Long>> ASPAS = Map.of(
            64500L, Set.of(64510L, 64511L),
            64510L, Set.of(64520L),
            64520L, Set.of(0L),
            64530L, Set.of(0L),
            64540L, Set.of(64530L),
            64550L, Set.of(64540L));
    private static final AspaLookup ASPA = (c, p) -> ASPAS.containsKey(c)
            ? (ASPAS.get(c).contains(p) ? AspaAuthorization.PROVIDER_PLUS : AspaAuthorization.NOT_PROVIDER_PLUS)
            : AspaAuthorization.NO_ATTESTATION;

    /** Downstream verification (what a passive monitor uses) of the provider-side examples 7-11. */
    @ParameterizedTest(name = "ASPA example {0}")
    @CsvSource({
        "7, 64530 64520 64510 64500, VALID",
        "8, 64540 64530 64520 64510 64500, VALID",
        "9, 64540 64550 64520 64510 64500, INVALID",
        "10, 64540 64530 64597, VALID",
        "11, 64540 64530 64596 64597, UNKNOWN",
        "2, 64510 64510 64500 64500, VALID"
    })
    void aspa_downstreamDomainExamples(int n, String path, AspaDetector.Result expected) {
        int[] offender = new int[1];
        long[] a = PathInfo.compressedOriginFirst(AsPath.parse(path));
        assertThat(AspaDetector.downstream(a, ASPA, offender))
                .as("example %d", n)
                .isEqualTo(expected);
        if (expected == AspaDetector.Result.INVALID) {
            assertThat(a[offender[0]]).isEqualTo(64550); // the hairpinning AS
        }
    }

    private static final RelationshipLookup REL = (from, to) -> {
        // 1 and 2 are providers of 10; 10 is a provider of 100; 3 peers with 1; 2 peers with 4.
        long[][] p2c = {{1, 10}, {2, 10}, {10, 100}, {4, 40}};
        for (long[] l : p2c) {
            if (from == l[0] && to == l[1]) {
                return Relationship.CUSTOMER;
            }
            if (from == l[1] && to == l[0]) {
                return Relationship.PROVIDER;
            }
        }
        if ((from == 1 && to == 3) || (from == 3 && to == 1) || (from == 2 && to == 4) || (from == 4 && to == 2)) {
            return Relationship.PEER;
        }
        return Relationship.UNKNOWN;
    };

    @ParameterizedTest(name = "valley-free {0}")
    @CsvSource({
        "uphill then peer then down, 40 4 2 10 100, -1, 0",
        "hairpin through customer 10, 2 10 1 3, 10, 1",
        "peer route to peer, 4 2 10, -1, 0",
        "lateral twice, 3 1 10 2 4, 10, 1"
    })
    void valleyFree_examples(String name, String path, long leaker, int type) {
        ValleyFreeDetector.Leak leak = new ValleyFreeDetector.Leak();
        ValleyFreeDetector.check(PathInfo.compressedOriginFirst(AsPath.parse(path)), REL, leak);
        assertThat(leak.leaker).as(name).isEqualTo(leaker);
        if (leaker >= 0) {
            assertThat(leak.type).as(name).isEqualTo(type);
        }
    }

    @ParameterizedTest
    @CsvSource({"64500 64501 64501 64502, 64501", "64500 64502 64502, 64500", "64502, -1", "'64500 {64502,64503}', -1"})
    void upstream_skipsPrependsAndSets(String path, long upstream) {
        assertThat(PathInfo.upstream(AsPath.parse(path))).isEqualTo(upstream);
    }
}
