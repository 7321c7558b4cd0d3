package dev.routescope.detect.internal;

import dev.routescope.detect.PathRule;
import dev.routescope.detect.spi.Detector;
import dev.routescope.detect.spi.DetectorProvider;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** Factories of the built-in detectors, exposed through {@code Detectors}. */
public final class BuiltIns {
    private BuiltIns() {}

    /** A provider from a name, a partitioning and a constructor. */
    record Provider(String name, Partitioning partitioning, Supplier<Detector> factory) implements DetectorProvider {
        @Override
        public Detector create() {
            return factory.get();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static DetectorProvider byPrefix(String name, Supplier<Detector> f) {
        return new Provider(name, DetectorProvider.Partitioning.BY_PREFIX, f);
    }

    private static DetectorProvider single(String name, Supplier<Detector> f) {
        return new Provider(name, DetectorProvider.Partitioning.SINGLE, f);
    }

    /** @return exact-prefix hijack */
    public static DetectorProvider hijack(boolean useBaselines) {
        return byPrefix("hijack", () -> new HijackDetector("hijack", true, useBaselines));
    }

    /** @return sub-prefix hijack */
    public static DetectorProvider subPrefixHijack(boolean useBaselines) {
        return byPrefix("sub-prefix-hijack", () -> new HijackDetector("sub-prefix-hijack", false, useBaselines));
    }

    /** @return new more-specific of a configured prefix */
    public static DetectorProvider newPrefix() {
        return byPrefix("new-prefix", () -> new NewPrefixDetector("new-prefix"));
    }

    /** @return visibility loss */
    public static DetectorProvider visibilityLoss(int minPeers, double relative) {
        return byPrefix("visibility-loss", () -> new VisibilityLossDetector("visibility-loss", minPeers, relative));
    }

    /** @return mass withdrawal */
    public static DetectorProvider massWithdrawal(Duration window, int minPrefixes, int minPeers) {
        return single("mass-withdrawal", () -> new MassWithdrawalDetector(window, minPrefixes, minPeers));
    }

    /** @return origin change / MOAS */
    public static DetectorProvider originChange() {
        return byPrefix("origin-change", OriginChangeDetector::new);
    }

    /** @return new upstream */
    public static DetectorProvider newUpstream(boolean allOrigins) {
        return byPrefix("new-upstream", () -> new NewUpstreamDetector("new-upstream", allOrigins));
    }

    /** @return path rules */
    public static DetectorProvider pathCondition(List<PathRule> globalRules) {
        List<PathRule> rules = List.copyOf(globalRules);
        return byPrefix("path-condition", () -> new PathConditionDetector("path-condition", rules));
    }

    /** @return deaggregation bursts */
    public static DetectorProvider moreSpecificBurst(Duration window, int threshold) {
        return single("more-specific-burst", () -> new MoreSpecificBurstDetector(window, threshold));
    }

    /** @return bogons */
    public static DetectorProvider bogon(boolean longIpv6) {
        return byPrefix("bogon", () -> new BogonDetector(longIpv6));
    }

    /** @return RPKI invalid */
    public static DetectorProvider rpkiInvalid(boolean allRoutes) {
        return byPrefix("rpki-invalid", () -> new RouteOriginDetector("rpki-invalid", true, allRoutes));
    }

    /** @return not covered by a ROA */
    public static DetectorProvider notCoveredByRoa() {
        return byPrefix("not-covered-by-roa", () -> new RouteOriginDetector("not-covered-by-roa", false, false));
    }

    /** @return ASPA invalid */
    public static DetectorProvider aspaInvalid() {
        return byPrefix("aspa-invalid", AspaDetector::new);
    }

    /** @return valley-free violations */
    public static DetectorProvider valleyFree() {
        return byPrefix("valley-free", ValleyFreeDetector::new);
    }

    /** @return ROA changes */
    public static DetectorProvider roaChanges() {
        return single("roa-changes", RoaChangesDetector::new);
    }

    /** @return stale RPKI data */
    public static DetectorProvider rpkiDataStale(Duration maxAge) {
        return single("rpki-data-stale", () -> new RpkiDataStaleDetector(maxAge));
    }
}
