package dev.routescope.mrt.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.model.Asn;
import dev.routescope.model.IpAddress;
import dev.routescope.model.Prefix;
import dev.routescope.mrt.MrtElement;
import dev.routescope.mrt.MrtElementReader;
import dev.routescope.testsupport.Gen;
import dev.routescope.testsupport.PropertyCheck;
import dev.routescope.testsupport.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

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
    record Case(ElementFilter filter, Naive naive, boolean unrestricted) {
        @Override
        public String toString() {
            return filter.toString();
        }
    }

    interface Naive {
        boolean test(MrtElement e);
    }

    /** A random filter built from values seen in the file, with its naive twin. */
    static Case randomCase(Gen g) throws IOException {
        Sample sample = sample();
        Set<MrtElement.Kind> kinds =
                g.orNull(0.5, () -> EnumSet.copyOf(g.subset(List.of(MrtElement.Kind.values()), 1)));
        PrefixCond prefix = g.orNull(
                0.4,
                () -> new PrefixCond(g.pick(ElementFilter.PrefixMatch.class), g.list(1, 4, () -> {
                    Prefix p = g.pick(sample.prefixes());
                    // widen a seen prefix so that more- and less-specific matches both occur
                    if (g.bool()) {
                        int cut = g.intBetween(0, 24);
                        p = Prefix.ofMasked(p.family(), p.high(), p.low(), Math.max(0, p.length() - cut));
                    }
                    return p;
                })));
        List<Long> origins = g.orNull(0.6, () -> g.list(1, 3, () -> g.pick(sample.origins())));
        List<Long> peerAsns = g.orNull(0.7, () -> g.list(1, 3, () -> g.pick(sample.peerAsns())));
        List<IpAddress> peers = g.orNull(0.8, () -> g.list(1, 3, () -> g.pick(sample.peers())));
        int[] window = g.orNull(0.6, () -> new int[] {g.intBetween(0, 299), g.intBetween(1, 120)});
        return build(kinds, prefix, origins, peerAsns, peers, window);
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
        boolean unrestricted = (kinds == null || kinds.size() == MrtElement.Kind.values().length)
                && prefix == null
                && origins == null
                && peerAsns == null
                && peers == null
                && window == null;
        return new Case(b.build(), e -> conditions.stream().allMatch(c -> c.test(e)), unrestricted);
    }

    private static boolean naiveMatch(ElementFilter.PrefixMatch match, Prefix filter, Prefix element) {
        return switch (match) {
            case EXACT -> filter.equals(element);
            case MORE_SPECIFIC -> filter.covers(element);
            case LESS_SPECIFIC -> element.covers(filter);
            case OVERLAP -> filter.covers(element) || element.covers(filter);
        };
    }

    @Test
    void test_agreesWithNaiveModelEvaluation_onEveryElementOfARealFile() throws IOException {
        Path file = sample().file();
        int tries = PropertyCheck.effectiveTries(40);
        int[] selective = new int[1];
        PropertyCheck.forAll(40, g -> {
            Case c = g.note("filter", randomCase(g));
            long matched = 0;
            long total = 0;
            try (MrtElementReader r = MrtElementReader.open(file)) {
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
            if (matched > 0 && matched < total) {
                selective[0]++;
            }
        });
        // The generated filters must be selective, not trivially all-or-nothing, for the check to bite.
        assertThat(selective[0] * 100)
                .as("filters that matched some but not all of %d tries", tries)
                .isGreaterThanOrEqualTo(25 * tries);
    }

    @Test
    void all_passesEveryElement() throws IOException {
        try (MrtElementReader r = MrtElementReader.open(sample().file())) {
            while (r.advance()) {
                assertThat(ElementFilter.ALL.test(r.element())).isTrue();
            }
        }
        assertThat(ElementFilter.ALL.passesAll()).isTrue();
    }

    /**
     * {@code passesAll()} is true exactly when no condition restricts anything: nothing set, or only all kinds (which
     * prints as {@code kinds=[…]}, not {@code all}, so the description alone does not decide it).
     */
    @Test
    void passesAll_exactlyForUnrestrictedFilters() {
        PropertyCheck.forAll(200, g -> {
            Case c = g.note("filter", randomCase(g));
            assertThat(c.filter().passesAll()).isEqualTo(c.unrestricted());
            if (c.filter().toString().equals("ElementFilter{all}")) {
                assertThat(c.filter().passesAll()).isTrue();
            }
        });
        assertThat(ElementFilter.builder().build().passesAll()).isTrue();
        assertThat(ElementFilter.builder()
                        .kinds(EnumSet.allOf(MrtElement.Kind.class))
                        .build()
                        .passesAll())
                .isTrue();
    }
}
