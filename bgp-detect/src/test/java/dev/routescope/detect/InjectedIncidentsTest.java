package dev.routescope.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.detect.spi.Relationship;
import dev.routescope.detect.spi.RelationshipLookup;
import dev.routescope.detect.spi.RouteOriginLookup;
import dev.routescope.detect.spi.Severity;
import dev.routescope.detect.spi.Vrp;
import dev.routescope.model.Announcement;
import dev.routescope.model.AsPath;
import dev.routescope.model.Asn;
import dev.routescope.model.PathAttributes;
import dev.routescope.model.Peer;
import dev.routescope.model.Prefix;
import dev.routescope.model.RouteEvent;
import dev.routescope.model.Withdrawal;
import dev.routescope.relationships.AsGraph;
import dev.routescope.relationships.Leak;
import dev.routescope.relationships.PathStatus;
import dev.routescope.relationships.ValleyFreeChecker;
import dev.routescope.rpki.RouteOriginValidator;
import dev.routescope.rpki.VrpSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Incidents injected into real traffic: the first ten minutes of rrc12 (2021-01-01 04:55-05:05,
 * about 400k events) as background, the most widely seen single-origin IPv4 prefix of that window
 * as the monitored prefix, and attacks built from the real routes of real peers to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InjectedIncidentsTest {
    private List<RouteEvent> background = List.of();
    private Prefix victim = Prefix.parse("0.0.0.0/0");
    private long origin;
    private long attacker;
    private final Map<Peer, AsPath> routes = new LinkedHashMap<>();
    private Instant end = Instant.EPOCH;

    @BeforeAll
    void loadRealTraffic() throws IOException {
        List<Path> files = RealData.rrc12Files().subList(0, 2);
        List<RouteEvent> events = new ArrayList<>();
        Map<Prefix, Map<Peer, AsPath>> table = new HashMap<>();
        Set<Prefix> withdrawn = new HashSet<>();
        try (EventSource source = EventSource.mrt(files)) {
            RouteEvent e;
            while ((e = source.next()) != null) {
                events.add(e);
                if (e instanceof Announcement a) {
                    table.computeIfAbsent(a.prefix(), k -> new HashMap<>()).put(a.peer(), a.asPath());
                } else if (e instanceof Withdrawal w) {
                    withdrawn.add(w.prefix());
                    Map<Peer, AsPath> m = table.get(w.prefix());
                    if (m != null) {
                        m.remove(w.peer());
                    }
                }
            }
        }
        background = events;
        end = events.get(events.size() - 1).timestamp();
        Prefix best = null;
        int bestPeers = 0;
        for (Map.Entry<Prefix, Map<Peer, AsPath>> e : table.entrySet()) {
            Set<Long> origins =
                    e.getValue().values().stream().map(AsPath::originValue).collect(Collectors.toSet());
            int peers = e.getValue().size();
            if (e.getKey().isIpv4()
                    && !withdrawn.contains(e.getKey())
                    && e.getKey().length() <= 23
                    && origins.size() == 1
                    && !origins.contains(-1L)
                    && (peers > bestPeers
                            || (peers == bestPeers && best != null && e.getKey().compareTo(best) < 0))) {
                best = e.getKey();
                bestPeers = peers;
            }
        }
        assertThat(best).isNotNull();
        assertThat(bestPeers).isGreaterThanOrEqualTo(20);
        victim = java.util.Objects.requireNonNull(best);
        routes.putAll(new java.util.TreeMap<>(java.util.Objects.requireNonNull(table.get(victim))));
        origin = routes.values().iterator().next().originValue();
        // The attacker is a real origin from the same window (the most specific-numbered other one,
        // chosen deterministically), so the injected routes use only ASNs present in the data.
        attacker = table.values().stream()
                .flatMap(m -> m.values().stream())
                .mapToLong(AsPath::originValue)
                .filter(a -> a > 0 && a != origin && Asn.of(a).isPublic())
                .min()
                .orElseThrow();
    }

    private AsPath route(Peer p) {
        return java.util.Objects.requireNonNull(routes.get(p), "no route of " + p);
    }

    private MonitoredResources monitored() {
        return MonitoredResources.builder()
                .prefix(MonitoredPrefix.of(victim, "injected-test victim", Asn.of(origin)))
                .build();
    }

    private List<Peer> peers(int n) {
        return new ArrayList<>(routes.keySet()).subList(0, n);
    }

    /** The peer's real path with its last hop replaced (origin forged to {@code newOrigin}). */
    private AsPath forged(Peer p, long newOrigin) {
        long[] asns = route(p).withoutPrepending().toAsnArray();
        asns[asns.length - 1] = newOrigin;
        return AsPath.ofSequence(asns);
    }

    private Announcement announce(long sec, Peer p, Prefix prefix, AsPath path) {
        return new Announcement(
                end.plusSeconds(sec),
                "rrc12",
                p,
                prefix,
                RouteEvent.NO_PATH_ID,
                PathAttributes.builder().asPath(path).build(),
                false);
    }

    /** Background, then the injection, then quiet ticks so debounce and hold-down can elapse. */
    private List<Incident> run(List<RouteEvent> injected, Consumer<Pipeline.Builder> config) {
        List<RouteEvent> all = new ArrayList<>(background);
        all.addAll(injected);
        Peer ticker = peers(1).get(0);
        for (int s = 700; s <= 1500; s += 20) {
            all.add(announce(s, ticker, victim, route(ticker)));
        }
        // Default debounce (30 s) and hold-down (5 min): the injected peers all report within the
        // debounce, so the OPEN already counts them.
        InMemorySink sink = Sinks.inMemory();
        Pipeline.Builder b =
                Pipeline.builder().source(EventSource.of(all)).sink(sink).monitored(monitored());
        config.accept(b);
        try (Pipeline p = b.build()) {
            p.run();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sink.incidents();
    }

    /**
     * Opened incidents about the victim's space or naming the injected ASN. The ten minutes of
     * background alone open only bogon incidents (real: private ASNs and RFC 5737/2544 space in
     * paths) and, without RPKI data, rpki-data-stale; that is checked here too.
     */
    private List<Incident> opened(List<Incident> all) {
        List<Incident> open =
                all.stream().filter(i -> i.status() == Incident.Status.OPEN).toList();
        List<Incident> injected = open.stream()
                .filter(i -> (i.prefix() != null && victim.covers(i.prefix()))
                        || (i.offender() != null && i.offender().value() == attacker))
                .toList();
        assertThat(open)
                .filteredOn(i -> !injected.contains(i))
                .extracting(Incident::type)
                .allMatch(t -> t.equals("bogon") || t.equals("rpki-data-stale"));
        return injected;
    }

    @Test
    void exactHijack_forgedOriginFromFivePeers_isCriticalHijackByAttacker() {
        List<RouteEvent> inj = new ArrayList<>();
        for (Peer p : peers(5)) {
            inj.add(announce(60, p, victim, forged(p, attacker)));
        }
        List<Incident> got = run(inj, b -> b.detect(Detectors.all()));
        assertThat(opened(got)).singleElement().satisfies(i -> {
            assertThat(i.type()).isEqualTo("hijack");
            assertThat(i.prefix()).isEqualTo(victim);
            assertThat(i.offender()).isEqualTo(Asn.of(attacker));
            assertThat(i.subject()).isEqualTo(Asn.of(origin));
            assertThat(i.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(i.peerCount()).isEqualTo(5);
        });
        // The ticker re-announces the real route; the other four forged routes stay: still open.
        String id = opened(got).get(0).id();
        assertThat(got).noneMatch(i -> i.id().equals(id) && i.status() == Incident.Status.RESOLVED);
    }

    @Test
    void exactHijack_peersReturnToRealRoute_isResolved() {
        List<RouteEvent> inj = new ArrayList<>();
        for (Peer p : peers(5)) {
            inj.add(announce(60, p, victim, forged(p, attacker)));
        }
        for (Peer p : peers(5)) {
            inj.add(announce(200, p, victim, route(p)));
        }
        List<Incident> got = run(inj, b -> b.detect(Detectors.hijack()));
        assertThat(got).extracting(Incident::status).containsExactly(Incident.Status.OPEN, Incident.Status.RESOLVED);
        assertThat(got.get(1).resolvedAt()).isEqualTo(end.plusSeconds(200));
    }

    @Test
    void subPrefixHijack_moreSpecificWithForgedOrigin_isFoundWithTheMoreSpecific() {
        Prefix half = Prefix.ofMasked(victim.address(), victim.length() + 1);
        List<RouteEvent> inj = new ArrayList<>();
        for (Peer p : peers(4)) {
            inj.add(announce(60, p, half, forged(p, attacker)));
        }
        List<Incident> got = run(inj, b -> b.detect(Detectors.modelOnly()));
        assertThat(opened(got)).singleElement().satisfies(i -> {
            assertThat(i.type()).isEqualTo("sub-prefix-hijack");
            assertThat(i.prefix()).isEqualTo(half);
            assertThat(i.offender()).isEqualTo(Asn.of(attacker));
            assertThat(i.severity()).isEqualTo(Severity.CRITICAL);
        });
    }

    @Test
    void routeLeak_customerHairpinBetweenTwoProviders_isLeakByTheCustomer() {
        long leaker = attacker;
        Map<Long, Map<Long, Relationship>> rel = new HashMap<>();
        List<RouteEvent> inj = new ArrayList<>();
        for (Peer p : peers(3)) {
            long[] real = route(p).withoutPrepending().toAsnArray();
            // Real path: everyone is the provider of the next AS towards the origin (a valid uphill path).
            for (int k = 0; k + 1 < real.length; k++) {
                link(rel, real[k], real[k + 1]);
            }
            // The leaker is a customer of the collector peer and of its next hop, and passes one
            // provider's route to the other (RFC 7908 type 1).
            link(rel, real[0], leaker);
            link(rel, real[1], leaker);
            long[] leaked = new long[real.length + 1];
            leaked[0] = real[0];
            leaked[1] = leaker;
            System.arraycopy(real, 1, leaked, 2, real.length - 1);
            inj.add(announce(60, p, victim, AsPath.ofSequence(leaked)));
        }
        RelationshipLookup lookup =
                (from, to) -> rel.getOrDefault(from, Map.of()).getOrDefault(to, Relationship.UNKNOWN);
        List<Incident> got = run(inj, b -> b.relationships(lookup).detect(Detectors.all()));
        assertThat(opened(got))
                .filteredOn(i -> !i.type().equals("rpki-data-stale"))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.type()).isEqualTo("route-leak");
                    assertThat(i.offender()).isEqualTo(Asn.of(leaker));
                    assertThat(i.severity()).isEqualTo(Severity.HIGH);
                    assertThat(i.message()).contains("RFC 7908 type 1");
                });
    }

    private static void link(Map<Long, Map<Long, Relationship>> rel, long provider, long customer) {
        rel.computeIfAbsent(provider, k -> new HashMap<>()).put(customer, Relationship.CUSTOMER);
        rel.computeIfAbsent(customer, k -> new HashMap<>()).put(provider, Relationship.PROVIDER);
    }

    @Test
    void withdrawal_fromMostPeers_isVisibilityLossNotHijack() {
        List<RouteEvent> inj = new ArrayList<>();
        List<Peer> all = new ArrayList<>(routes.keySet());
        for (Peer p : all.subList(1, all.size())) {
            inj.add(new Withdrawal(end.plusSeconds(60), "rrc12", p, victim, RouteEvent.NO_PATH_ID));
        }
        List<Incident> got = run(inj, b -> b.detect(Detectors.modelOnly()));
        assertThat(opened(got)).singleElement().satisfies(i -> {
            assertThat(i.type()).isEqualTo("visibility-loss");
            assertThat(i.prefix()).isEqualTo(victim);
            assertThat(i.subject()).isEqualTo(Asn.of(origin));
            assertThat(i.severity()).isEqualTo(Severity.HIGH);
        });
    }

    @Test
    void rpkiInvalidOrigin_isRpkiInvalidAndFullConfidenceHijack() {
        RouteOriginLookup rov = RouteOriginLookup.of(
                List.of(new Vrp(victim, victim.length(), Asn.of(origin))), end.minus(Duration.ofMinutes(10)));
        List<RouteEvent> inj = new ArrayList<>();
        for (Peer p : peers(3)) {
            inj.add(announce(60, p, victim, forged(p, attacker)));
        }
        List<Incident> got = run(inj, b -> b.rpki(rov).detect(Detectors.all()));
        Map<String, Incident> byType = new HashMap<>();
        for (Incident i : opened(got)) {
            byType.put(i.type(), i);
        }
        assertThat(byType.keySet()).containsExactlyInAnyOrder("hijack", "rpki-invalid");
        assertThat(java.util.Objects.requireNonNull(byType.get("rpki-invalid")).offender())
                .isEqualTo(Asn.of(attacker));
        assertThat(java.util.Objects.requireNonNull(byType.get("rpki-invalid")).severity())
                .isEqualTo(Severity.HIGH);
        assertThat(java.util.Objects.requireNonNull(byType.get("hijack")).reasons())
                .contains("RPKI invalid: no ROA authorises AS" + attacker);
        assertThat(java.util.Objects.requireNonNull(byType.get("hijack")).confidence())
                .isEqualTo(1.0);
    }

    /**
     * A leak through a peer with the real CAIDA 2018 graph: for a collector peer whose real route
     * to the victim is valley-free in the graph, a real customer L of that peer's AS that also
     * peers with the next AS of the route; L passing its peer's route up to its provider is RFC
     * 7908 type 4. The relationships module's own checker must agree on the leaker and the type.
     */
    @Test
    void routeLeak_peerRouteToProviderWithRealCaidaGraph_isType4LeakByTheCustomer() throws IOException {
        AsGraph graph = RealData.caida2018();
        ValleyFreeChecker checker = ValleyFreeChecker.builder(graph).build();
        Map<Long, List<Peer>> byLeaker = new java.util.TreeMap<>();
        Map<Peer, AsPath> leakedPaths = new HashMap<>();
        for (Peer p : routes.keySet()) {
            long[] real = route(p).withoutPrepending().toAsnArray();
            if (real.length < 2 || checker.verdict(route(p)).status() != PathStatus.VALLEY_FREE) {
                continue;
            }
            Set<Long> onPath = new HashSet<>();
            for (long a : real) {
                onPath.add(a);
            }
            long[] peersOfNext = graph.peers(real[1]);
            java.util.Arrays.sort(peersOfNext);
            for (long l : graph.customers(real[0])) {
                if (onPath.contains(l) || java.util.Arrays.binarySearch(peersOfNext, l) < 0) {
                    continue;
                }
                long[] leaked = new long[real.length + 1];
                leaked[0] = real[0];
                leaked[1] = l;
                System.arraycopy(real, 1, leaked, 2, real.length - 1);
                AsPath path = AsPath.ofSequence(leaked);
                Leak first = checker.verdict(path).firstLeak().orElse(null);
                if (first != null && first.leakerAsn() == l && first.rfc7908Type() == 4) {
                    byLeaker.computeIfAbsent(l, k -> new ArrayList<>()).add(p);
                    leakedPaths.put(p, path);
                    break;
                }
            }
        }
        assertThat(byLeaker)
                .as("a real customer/peer pair on the victim's routes")
                .isNotEmpty();
        // The leaker reachable from the most collector peers (ties: lowest ASN).
        Map.Entry<Long, List<Peer>> best = byLeaker.entrySet().stream()
                .max(java.util.Comparator.comparingInt(
                                (Map.Entry<Long, List<Peer>> e) -> e.getValue().size())
                        .thenComparing(Map.Entry::getKey, java.util.Comparator.reverseOrder()))
                .orElseThrow();
        long leaker = best.getKey();
        List<RouteEvent> inj = new ArrayList<>();
        for (Peer p : best.getValue()) {
            inj.add(announce(60, p, victim, java.util.Objects.requireNonNull(leakedPaths.get(p))));
        }
        // Five minutes of warm-up learn the background's own valleys (CAIDA 2018 on 2021 paths has
        // many, see the rrc12 run); the background may still open some, so only the victim is checked.
        List<Incident> got = run(
                inj,
                b -> b.relationships(graph)
                        .warmUp(Duration.ofMinutes(5))
                        .minPeers("route-leak", 1)
                        .detect(Detectors.valleyFree()));
        assertThat(got).extracting(Incident::type).containsOnly("route-leak");
        List<Incident> aboutVictim = got.stream()
                .filter(i -> i.status() == Incident.Status.OPEN && victim.equals(i.prefix()))
                .toList();
        assertThat(aboutVictim).singleElement().satisfies(i -> {
            assertThat(i.type()).isEqualTo("route-leak");
            assertThat(i.prefix()).isEqualTo(victim);
            assertThat(i.offender()).isEqualTo(Asn.of(leaker));
            assertThat(i.severity()).isEqualTo(Severity.HIGH);
            assertThat(i.message()).contains("RFC 7908 type 4");
            assertThat(i.peerCount()).isEqualTo(best.getValue().size());
        });
    }

    /**
     * RPKI-invalid origin with the real validator: the 2025-07-20 rpki-client snapshot plus one
     * VRP for the victim's real origin (the ROA the owner would publish), then the forged origin.
     */
    @Test
    void rpkiInvalidOrigin_realValidator_isRpkiInvalidAndFullConfidenceHijack() throws IOException {
        VrpSnapshot real = RealData.rpki2025();
        RouteOriginValidator validator = RouteOriginValidator.of(real);
        validator.apply(List.of(dev.routescope.rpki.Vrp.of(victim, origin)), List.of());
        assertThat(validator.validateState(victim, attacker)).isEqualTo(dev.routescope.rpki.RovState.INVALID);
        List<RouteEvent> inj = new ArrayList<>();
        for (Peer p : peers(3)) {
            inj.add(announce(60, p, victim, forged(p, attacker)));
        }
        List<Incident> got = run(inj, b -> b.rpki(validator, () -> end).detect(Detectors.all()));
        Map<String, Incident> byType = new HashMap<>();
        for (Incident i : opened(got)) {
            byType.put(i.type(), i);
        }
        assertThat(byType.keySet()).containsExactlyInAnyOrder("hijack", "rpki-invalid");
        Incident invalid = java.util.Objects.requireNonNull(byType.get("rpki-invalid"));
        assertThat(invalid.offender()).isEqualTo(Asn.of(attacker));
        assertThat(invalid.severity()).isEqualTo(Severity.HIGH);
        assertThat(invalid.peerCount()).isEqualTo(3);
        Incident hijack = java.util.Objects.requireNonNull(byType.get("hijack"));
        assertThat(hijack.reasons()).contains("RPKI invalid: no ROA authorises AS" + attacker);
        assertThat(hijack.confidence()).isEqualTo(1.0);
    }

    @Test
    void replay_sameInput_identicalIncidentsWhateverTheWorkerCount() {
        List<RouteEvent> inj = new ArrayList<>();
        for (Peer p : peers(5)) {
            inj.add(announce(60, p, victim, forged(p, attacker)));
            inj.add(announce(90, p, Prefix.ofMasked(victim.address(), victim.length() + 1), forged(p, attacker)));
        }
        List<String> one = json(run(inj, b -> b.detect(Detectors.modelOnly()).warmUp(Duration.ofMinutes(5))));
        List<String> again = json(run(inj, b -> b.detect(Detectors.modelOnly()).warmUp(Duration.ofMinutes(5))));
        List<String> oneWorker = json(run(
                inj,
                b -> b.detect(Detectors.modelOnly())
                        .warmUp(Duration.ofMinutes(5))
                        .workers(1)
                        .batchSize(4096)));
        assertThat(one).anyMatch(j -> j.contains("\"offender\":" + attacker));
        assertThat(again).isEqualTo(one);
        assertThat(oneWorker).isEqualTo(one);
    }

    private static List<String> json(List<Incident> incidents) {
        return incidents.stream()
                .map(dev.routescope.detect.internal.IncidentJson::toJson)
                .toList();
    }
}
