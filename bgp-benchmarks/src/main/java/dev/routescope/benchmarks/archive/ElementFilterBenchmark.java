package dev.routescope.benchmarks.archive;

import dev.routescope.benchmarks.BenchmarkDefaults;
import dev.routescope.model.Announcement;
import dev.routescope.model.Asn;
import dev.routescope.model.Prefix;
import dev.routescope.model.RouteEvent;
import dev.routescope.model.Withdrawal;
import dev.routescope.mrt.MrtElement;
import dev.routescope.mrt.MrtElementReader;
import dev.routescope.mrt.archive.ElementFilter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What pushing a filter down saves: one real RIS update file (rrc12 05:00, 224,423 elements) with a
 * monitoring-style filter (announcements and withdrawals of prefixes inside four /8s, or originated
 * by four ASNs) applied on the parser's view before any object exists ({@code PUSHED_DOWN}) and, as
 * the reference, on the immutable events built for every element ({@code EVENTS_THEN_FILTER}, the
 * way one filters {@code MrtElementReader.events()}). Both include decoding the file.
 *
 * <pre>{@code
 * java -jar bgp-benchmarks/target/benchmarks.jar ElementFilter -prof gc -rf json
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ElementFilterBenchmark extends BenchmarkDefaults {

    /** Where the filter runs. */
    public enum Where {
        /** ElementFilter.test on the reusable element view. */
        PUSHED_DOWN,
        /** toEvent() for every element, then the same conditions on model values (reference). */
        EVENTS_THEN_FILTER
    }

    /** Which conditions. */
    public enum Condition {
        /** More-specifics of four /8 prefixes. */
        PREFIX,
        /** Four origin ASNs (walks the AS path). */
        ORIGIN
    }

    /** Implementation under test. */
    @Param({"PUSHED_DOWN", "EVENTS_THEN_FILTER"})
    public Where where;

    /** Filter kind. */
    @Param({"PREFIX", "ORIGIN"})
    public Condition condition;

    private static final List<Prefix> PREFIXES = List.of(
            Prefix.parse("193.0.0.0/8"),
            Prefix.parse("8.0.0.0/8"),
            Prefix.parse("1.0.0.0/8"),
            Prefix.parse("2a00::/12"));
    private static final List<Asn> ORIGINS = List.of(Asn.of(3333), Asn.of(13335), Asn.of(15169), Asn.of(16509));

    private Path file = Path.of("");
    private ElementFilter filter = ElementFilter.ALL;

    /** Locates the file and builds the filter. */
    @Setup
    public void setUp() {
        file = ArchiveData.risRoot().resolve("rrc12/updates.20210101.0500.gz");
        filter = condition == Condition.PREFIX
                ? ElementFilter.builder()
                        .prefixes(ElementFilter.PrefixMatch.MORE_SPECIFIC, PREFIXES)
                        .build()
                : ElementFilter.builder().originAsns(ORIGINS).build();
    }

    /**
     * Counts matching elements.
     *
     * @return matches
     * @throws IOException if the file cannot be read
     */
    @Benchmark
    public long count() throws IOException {
        long matches = 0;
        try (MrtElementReader r = MrtElementReader.open(file)) {
            if (where == Where.PUSHED_DOWN) {
                while (r.advance()) {
                    if (filter.test(r.element())) {
                        matches++;
                    }
                }
                return matches;
            }
            while (r.advance()) {
                MrtElement e = r.element();
                if (e.kind() == MrtElement.Kind.STATE_CHANGE) {
                    continue;
                }
                if (naive(e.toEvent())) {
                    matches++;
                }
            }
        }
        return matches;
    }

    private boolean naive(RouteEvent event) {
        if (condition == Condition.PREFIX) {
            Prefix p = event instanceof Announcement a ? a.prefix() : event instanceof Withdrawal w ? w.prefix() : null;
            if (p == null) {
                return false;
            }
            for (Prefix f : PREFIXES) {
                if (f.covers(p)) {
                    return true;
                }
            }
            return false;
        }
        return event instanceof Announcement a
                && a.origin().map(ORIGINS::contains).orElse(false);
    }
}
