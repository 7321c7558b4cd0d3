package dev.routescope.mrt.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.model.Asn;
import dev.routescope.model.IpAddress;
import dev.routescope.model.Prefix;
import dev.routescope.mrt.MrtElement;
import dev.routescope.mrt.MrtElementReader;
import dev.routescope.testsupport.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;

/**
 * "Fast equals naive": the primitive, allocation-free {@link ElementFilter#test} against the same
 * conditions evaluated on model values ({@link Prefix#covers}, {@code AsPath.origin()}) over every
 * element of a real RIS update file, for random filters built from values found in that file.
 */
class ElementFilterProperties {

    private static final long FIRST_SECOND = 1609477200L;
    private static @Nullable Sample sample;

    /** Values seen in the file, to build filters that match something. */
    record Sample(Path file, List<Prefix> prefixes, List<Long> origins, List<Long> peerAsns, List<IpAddress> peers) {}

    static synchronized Sample sample() throws IOException {
        Sample s = sample;
        if (s != null) {
            return s;
        }
        Path file = SharedData.file("mrt/ris-2021-01-01/rrc04/updates.20210101.0500.gz");
        List<Prefix> prefixes = new ArrayList<>();
        List<Long> origins = new ArrayList<>();
        List<Long> peerAsns = new ArrayList<>();
        List<IpAddress> peers = new ArrayList<>();
        try (MrtElementReader r = MrtElementReader.open(file)) {
            int i = 0;
            while (r.advance()) {
                MrtElement e = r.element();
                if (i++ % 97 != 0) {
                    continue;
                }
                if (e.kind() != MrtElement.Kind.STATE_CHANGE) {
                    prefixes.add(e.prefix());
                }
                if (e.kind() == MrtElement.Kind.ANNOUNCEMENT) {
                    origins.add(e.attributes().originAsn());
                }
                peerAsns.add(e.peerAsn());
                peers.add(e.peerAddress());
            }
        }
        s = new Sample(file, prefixes, origins, peerAsns, peers);
        sample = s;
        return s;
    }

    /** A filter with the naive predicate it must agree with. */
    record Case(ElementFilter filter, Naive naive) {
        @Override
        public String toString() {
            return filter.toString();
        }
    }

    interface Naive {
        boolean test(MrtElement e);
    }

    @Provide
    Arbitrary<Case> cases() throws IOException {
        Sample sample = sample();
        List<Prefix> seenPrefixes = sample.prefixes();
        List<Long> seenOrigins = sample.origins();
        List<Long> seenPeerAsns = sample.peerAsns();
        List<IpAddress> seenPeers = sample.peers();
        Arbitrary<Set<MrtElement.Kind>> kinds =
                Arbitraries.subsetOf(MrtElement.Kind.values()).ofMinSize(1);
        Arbitrary<ElementFilter.PrefixMatch> matches = Arbitraries.of(ElementFilter.PrefixMatch.class);
        Arbitrary<List<Prefix>> prefixes = Arbitraries.oneOf(
                        Arbitraries.of(seenPrefixes),
                        // widen a seen prefix so that more- and less-specific matches both occur
                        Combinators.combine(
                                        Arbitraries.of(seenPrefixes),
                                        Arbitraries.integers().between(0, 24))
                                .as((p, cut) ->
                                        Prefix.ofMasked(p.family(), p.high(), p.low(), Math.max(0, p.length() - cut))))
                .list()
                .ofMinSize(1)
                .ofMaxSize(4);
        Arbitrary<List<Long>> origins =
                Arbitraries.of(seenOrigins).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<Long>> peerAsns =
                Arbitraries.of(seenPeerAsns).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<IpAddress>> peers =
                Arbitraries.of(seenPeers).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<int[]> window = Combinators.combine(
                        Arbitraries.integers().between(0, 299),
                        Arbitraries.integers().between(1, 120))
                .as((a, b) -> new int[] {a, b});
        return Combinators.combine(
                        kinds.injectNull(0.5),
                        Combinators.combine(matches, prefixes)
                                .as(PrefixCond::new)
                                .injectNull(0.4),
                        origins.injectNull(0.6),
                        peerAsns.injectNull(0.7),
                        peers.injectNull(0.8),
                        window.injectNull(0.6))
                .as(ElementFilterProperties::build);
    }

    record PrefixCond(ElementFilter.PrefixMatch match, List<Prefix> prefixes) {}

    private static Case build(
            @Nullable Set<MrtElement.Kind> kinds,
            @Nullable PrefixCond prefix,
            @Nullable List<Long> origins,
            @Nullable List<Long> peerAsns,
            @Nullable List<IpAddress> peers,
            int @Nullable [] window) {
        ElementFilter.Builder b = ElementFilter.builder();
        List<Naive> conditions = new ArrayList<>();
        if (kinds != null) {
            b.kinds(kinds);
            Set<MrtElement.Kind> k = EnumSet.copyOf(kinds);
            conditions.add(e -> k.contains(e.kind()));
        }
        if (prefix != null) {
            b.prefixes(prefix.match(), prefix.prefixes());
            conditions.add(e -> e.kind() != MrtElement.Kind.STATE_CHANGE
                    && prefix.prefixes().stream().anyMatch(p -> naiveMatch(prefix.match(), p, e.prefix())));
        }
        if (origins != null) {
            b.originAsns(origins.stream().map(Asn::of).toList());
            conditions.add(e -> (e.kind() == MrtElement.Kind.ANNOUNCEMENT || e.kind() == MrtElement.Kind.RIB_ENTRY)
                    && e.attributes()
                            .asPath()
                            .origin()
                            .map(a -> origins.contains(a.value()))
                            .orElse(false));
        }
        if (peerAsns != null) {
            b.peerAsns(peerAsns.stream().map(Asn::of).toList());
            conditions.add(e -> peerAsns.contains(e.peerAsn()));
        }
        if (peers != null) {
            b.peerAddresses(peers);
            conditions.add(e -> peers.contains(e.peerAddress()));
        }
        if (window != null) {
            Instant from = Instant.ofEpochSecond(FIRST_SECOND + window[0]);
            Instant until = from.plusSeconds(window[1]);
            b.timeRange(from, until);
            conditions.add(e -> {
                Instant t = Instant.ofEpochSecond(e.timestamp()).plusNanos(e.microseconds() * 1000L);
                return !t.isBefore(from) && t.isBefore(until);
            });
        }
        return new Case(b.build(), e -> conditions.stream().allMatch(c -> c.test(e)));
    }

    private static boolean naiveMatch(ElementFilter.PrefixMatch match, Prefix filter, Prefix element) {
        return switch (match) {
            case EXACT -> filter.equals(element);
            case MORE_SPECIFIC -> filter.covers(element);
            case LESS_SPECIFIC -> element.covers(filter);
            case OVERLAP -> filter.covers(element) || element.covers(filter);
        };
    }

    @Property(tries = 40)
    void test_agreesWithNaiveModelEvaluation_onEveryElementOfARealFile(@ForAll("cases") Case c) throws IOException {
        long matched = 0;
        long total = 0;
        try (MrtElementReader r = MrtElementReader.open(sample().file())) {
            while (r.advance()) {
                MrtElement e = r.element();
                total++;
                boolean fast = c.filter().test(e);
                boolean naive = c.naive().test(e);
                if (fast != naive) {
                    assertThat(fast).as("element %s with %s", e, c.filter()).isEqualTo(naive);
                }
                if (fast) {
                    matched++;
                }
            }
        }
        assertThat(total).isEqualTo(36717);
        // The generated filters must be selective, not trivially all-or-nothing, for the check to bite.
        Statistics.label("some but not all matched").collect(matched > 0 && matched < total);
        Statistics.label("some but not all matched")
                .coverage(checker -> checker.check(true).percentage(p -> p >= 25));
    }

    @Property(tries = 5)
    void all_passesEveryElement(@ForAll("cases") Case ignored) throws IOException {
        try (MrtElementReader r = MrtElementReader.open(sample().file())) {
            while (r.advance()) {
                assertThat(ElementFilter.ALL.test(r.element())).isTrue();
            }
        }
        assertThat(ElementFilter.ALL.passesAll()).isTrue();
        assertThat(ignored.filter().passesAll())
                .isEqualTo(ignored.filter().toString().equals("ElementFilter{all}"));
    }
}
