package dev.routescope.detect;

import dev.routescope.detect.internal.BuiltIns;
import dev.routescope.detect.spi.DetectorProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The built-in detectors, as {@link DetectorProvider}s for {@link Pipeline.Builder#detect}. Each
 * factory documents what it alerts on, its alert type and its defaults; thresholds follow
 * BGPalerter where it has one.
 *
 * <pre>{@code
 * Pipeline p = Pipeline.builder()
 *         .source(EventSource.of(events))
 *         .monitored(MonitoredResources.load(Path.of("prefixes.yml")))
 *         .detect(Detectors.hijack(), Detectors.subPrefixHijack(), Detectors.visibilityLoss())
 *         .sink(Sinks.slf4j())
 *         .build();
 * }</pre>
 *
 * <p>"Monitored" below means: covered by a {@link MonitoredResources} rule, or (where noted) present
 * in the learned {@link Baselines}.
 *
 * @since 0.1
 */
public final class Detectors {
    private Detectors() {}

    /**
     * Exact-prefix hijack (ARTEMIS E|0, BGPalerter hijack): a monitored prefix announced by an origin
     * outside its expected set (configured, else learned). RPKI-valid announcements are not alerted;
     * an invalid one keeps full confidence; a sibling origin, an expected origin upstream in the path
     * or learned (not configured) expectations lower it. AS_SET origins alert if any member is
     * unexpected. Type {@code hijack}, CRITICAL.
     *
     * @return the provider
     */
    public static DetectorProvider hijack() {
        return BuiltIns.hijack(true);
    }

    /**
     * Sub-prefix hijack (ARTEMIS S|0): a more-specific of a monitored prefix (unless {@code
     * ignoreMorespecifics}) from an unexpected origin. Same confidence rules as {@link #hijack()}.
     * Type {@code sub-prefix-hijack}, CRITICAL.
     *
     * @return the provider
     */
    public static DetectorProvider subPrefixHijack() {
        return BuiltIns.subPrefixHijack(true);
    }

    /**
     * A more-specific of a configured prefix announced by an expected origin (BGPalerter
     * newprefix). Type {@code new-prefix}, LOW, 3 peers.
     *
     * @return the provider
     */
    public static DetectorProvider newPrefix() {
        return BuiltIns.newPrefix();
    }

    /**
     * Visibility loss with the defaults: at least 10 peers withdrew and fewer than half of the
     * baseline peers still see the prefix.
     *
     * @return the provider
     */
    public static DetectorProvider visibilityLoss() {
        return visibilityLoss(10, 0.5);
    }

    /**
     * Visibility loss of monitored prefixes (configured exact entries or learned ones): at least
     * {@code minPeersWithdrawn} peers explicitly withdrew it and the visibility fell below {@code (1
     * - relativeLoss)} x the baseline/peak. Session losses do not count. Clears when peers come
     * back. Type {@code visibility-loss}, HIGH.
     *
     * @param minPeersWithdrawn BGPalerter's {@code thresholdMinPeers} for withdrawals, {@code >= 1}
     * @param relativeLoss fraction of the baseline that must be lost, {@code 0..1}
     * @return the provider
     */
    public static DetectorProvider visibilityLoss(int minPeersWithdrawn, double relativeLoss) {
        if (minPeersWithdrawn < 1 || !(relativeLoss >= 0 && relativeLoss < 1)) {
            throw new IllegalArgumentException("visibilityLoss(" + minPeersWithdrawn + ", " + relativeLoss
                    + ") (expected: minPeersWithdrawn >= 1, relativeLoss in [0, 1))");
        }
        return BuiltIns.visibilityLoss(minPeersWithdrawn, relativeLoss);
    }

    /**
     * Mass withdrawal with the defaults: 100 prefixes of one origin withdrawn by at least 5 peers
     * within 5 minutes.
     *
     * @return the provider
     */
    public static DetectorProvider massWithdrawal() {
        return massWithdrawal(Duration.ofMinutes(5), 100, 5);
    }

    /**
     * Mass withdrawal: at least {@code minPrefixes} prefixes last originated by one AS withdrawn
     * explicitly by at least {@code minPeers} distinct peers within {@code window} (one peer's
     * session reset does not qualify). Keyed by origin ({@code subject}). Type {@code
     * mass-withdrawal}, HIGH.
     *
     * @param window sliding event-time window
     * @param minPrefixes prefixes threshold
     * @param minPeers peers threshold
     * @return the provider
     */
    public static DetectorProvider massWithdrawal(Duration window, int minPrefixes, int minPeers) {
        if (window.isNegative() || window.isZero() || minPrefixes < 1 || minPeers < 1) {
            throw new IllegalArgumentException("massWithdrawal(" + window + ", " + minPrefixes + ", " + minPeers
                    + ") (expected: positive window and thresholds)");
        }
        return BuiltIns.massWithdrawal(window, minPrefixes, minPeers);
    }

    /**
     * Origin change / MOAS against the learned baseline of each exact prefix (every learned
     * prefix, not only configured ones). Lower confidence for siblings, RPKI-valid new origins and
     * simultaneous MOAS; HIGH severity when the new origin is RPKI invalid. Type {@code
     * origin-change}, MEDIUM.
     *
     * @return the provider
     */
    public static DetectorProvider originChange() {
        return BuiltIns.originChange();
    }

    /**
     * Path deviation: neighbours of configured ASNs outside their {@code upstreams}/{@code
     * downstreams} (BGPalerter path neighbours) and upstreams of monitored origins outside the
     * learned upstream set. Type {@code new-upstream}, MEDIUM.
     *
     * @return the provider
     */
    public static DetectorProvider newUpstream() {
        return BuiltIns.newUpstream(false);
    }

    /**
     * Like {@link #newUpstream()} for every learned origin, not only monitored ones.
     *
     * @param allOrigins true to check every origin with a learned upstream set
     * @return the provider
     */
    public static DetectorProvider newUpstream(boolean allOrigins) {
        return BuiltIns.newUpstream(allOrigins);
    }

    /**
     * BGPalerter {@code path} rules of the configured prefixes. Type {@code path-condition}, MEDIUM,
     * resolves after a quiet period.
     *
     * @return the provider
     */
    public static DetectorProvider pathCondition() {
        return BuiltIns.pathCondition(List.of());
    }

    /**
     * Path rules for configured prefixes plus {@code rules} applied to every route.
     *
     * @param rules rules for all routes
     * @return the provider
     */
    public static DetectorProvider pathCondition(List<PathRule> rules) {
        return BuiltIns.pathCondition(rules);
    }

    /**
     * Deaggregation with the defaults: 20 new more-specifics within 10 minutes.
     *
     * @return the provider
     */
    public static DetectorProvider moreSpecificBurst() {
        return moreSpecificBurst(Duration.ofMinutes(10), 20);
    }

    /**
     * Deaggregation: at least {@code threshold} prefixes absent from the baseline become visible
     * as more-specifics of learned prefixes, from one origin, within {@code window}. Type {@code
     * more-specific-burst}, MEDIUM.
     *
     * @param window sliding event-time window
     * @param threshold new more-specifics needed
     * @return the provider
     */
    public static DetectorProvider moreSpecificBurst(Duration window, int threshold) {
        if (window.isNegative() || window.isZero() || threshold < 1) {
            throw new IllegalArgumentException(
                    "moreSpecificBurst(" + window + ", " + threshold + ") (expected: positive window and threshold)");
        }
        return BuiltIns.moreSpecificBurst(window, threshold);
    }

    /**
     * Bogons (domain.md §10.4): special-purpose prefixes, default routes, IPv4 longer than /24, IPv6
     * outside 2000::/3, and reserved/private/documentation/AS_TRANS ASNs in paths (confederation
     * segments excepted). Type {@code bogon}, LOW; clears when the peer's route no longer shows it.
     *
     * @return the provider
     */
    public static DetectorProvider bogon() {
        return BuiltIns.bogon(false);
    }

    /**
     * Bogons, also flagging IPv6 longer than /48 when {@code longIpv6} (commonly filtered, but
     * propagated by many RIS peers: about 1,250 incidents in two hours of rrc12).
     *
     * @param longIpv6 whether IPv6 routes longer than /48 are bogons
     * @return the provider
     */
    public static DetectorProvider bogon(boolean longIpv6) {
        return BuiltIns.bogon(longIpv6);
    }

    /**
     * RPKI-invalid routes (RFC 6811) of monitored prefixes and monitored origin ASNs. Silent when
     * no RPKI data is available (use {@link #rpkiDataStale()} to be told). Type {@code rpki-invalid},
     * HIGH.
     *
     * @return the provider
     */
    public static DetectorProvider rpkiInvalid() {
        return BuiltIns.rpkiInvalid(false);
    }

    /**
     * RPKI-invalid routes, for every route when {@code allRoutes}.
     *
     * @param allRoutes true to validate every route, not only monitored ones
     * @return the provider
     */
    public static DetectorProvider rpkiInvalid(boolean allRoutes) {
        return BuiltIns.rpkiInvalid(allRoutes);
    }

    /**
     * Monitored routes without a covering ROA (BGPalerter {@code checkUncovered}). Type {@code
     * not-covered-by-roa}, LOW.
     *
     * @return the provider
     */
    public static DetectorProvider notCoveredByRoa() {
        return BuiltIns.notCoveredByRoa();
    }

    /**
     * ASPA-invalid paths by the downstream verification algorithm. Type {@code aspa-invalid}, HIGH.
     *
     * @return the provider
     */
    public static DetectorProvider aspaInvalid() {
        return BuiltIns.aspaInvalid();
    }

    /**
     * Valley-free violations (route leaks, RFC 7908 types 1-4) from AS relationships. Type {@code
     * route-leak}, HIGH, 2 peers.
     *
     * @return the provider
     */
    public static DetectorProvider valleyFree() {
        return BuiltIns.valleyFree();
    }

    /**
     * ROAs added or removed that overlap monitored prefixes or name monitored ASNs (BGPalerter
     * monitorROAS), from {@link Pipeline#updateRpki}. Type {@code roa-change}, LOW.
     *
     * @return the provider
     */
    public static DetectorProvider roaChanges() {
        return BuiltIns.roaChanges();
    }

    /**
     * RPKI data unavailable or older than 2 hours of event time.
     *
     * @return the provider
     */
    public static DetectorProvider rpkiDataStale() {
        return rpkiDataStale(Duration.ofHours(2));
    }

    /**
     * RPKI data unavailable or older than {@code maxAge} (event time). Type {@code rpki-data-stale},
     * HIGH.
     *
     * @param maxAge the allowed age
     * @return the provider
     */
    public static DetectorProvider rpkiDataStale(Duration maxAge) {
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("rpkiDataStale(" + maxAge + ") (expected: positive)");
        }
        return BuiltIns.rpkiDataStale(maxAge);
    }

    /**
     * The detectors that need only route events (and learned baselines): hijack, sub-prefix
     * hijack, new prefix, visibility loss, mass withdrawal, origin change, new upstream, path
     * condition, more-specific burst and bogon, with their defaults.
     *
     * @return the providers, sorted by name
     */
    public static List<DetectorProvider> modelOnly() {
        List<DetectorProvider> all = new ArrayList<>(List.of(
                hijack(),
                subPrefixHijack(),
                newPrefix(),
                visibilityLoss(),
                massWithdrawal(),
                originChange(),
                newUpstream(),
                pathCondition(),
                moreSpecificBurst(),
                bogon()));
        all.sort(Comparator.comparing(DetectorProvider::name));
        return List.copyOf(all);
    }

    /**
     * Every built-in detector with its defaults (the RPKI/ASPA/relationship ones stay quiet until
     * their data is configured, except {@link #rpkiDataStale()}, which then reports it missing).
     *
     * @return the providers, sorted by name
     */
    public static List<DetectorProvider> all() {
        List<DetectorProvider> all = new ArrayList<>(modelOnly());
        all.addAll(
                List.of(rpkiInvalid(), notCoveredByRoa(), aspaInvalid(), valleyFree(), roaChanges(), rpkiDataStale()));
        all.sort(Comparator.comparing(DetectorProvider::name));
        return List.copyOf(all);
    }

    /**
     * Providers found with {@link ServiceLoader} on the module path or class path, sorted by name so
     * runs are deterministic.
     *
     * @return the discovered providers
     */
    public static List<DetectorProvider> discover() {
        List<DetectorProvider> out = new ArrayList<>();
        for (DetectorProvider p : ServiceLoader.load(DetectorProvider.class, Detectors.class.getClassLoader())) {
            out.add(p);
        }
        out.sort(Comparator.comparing(DetectorProvider::name));
        return List.copyOf(out);
    }
}
