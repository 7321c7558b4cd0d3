package dev.routescope.detect;

import static dev.routescope.detect.Events.ann;
import static dev.routescope.detect.Events.down;
import static dev.routescope.detect.Events.wd;
import static dev.routescope.detect.PipelineTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.detect.spi.Relationship;
import dev.routescope.detect.spi.RelationshipLookup;
import dev.routescope.detect.spi.RouteOriginLookup;
import dev.routescope.detect.spi.RpkiUpdate;
import dev.routescope.detect.spi.Severity;
import dev.routescope.detect.spi.Vrp;
import dev.routescope.model.Asn;
import dev.routescope.model.Prefix;
import dev.routescope.model.RouteEvent;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each built-in detector through the real pipeline, on small sequences built from real prefixes and ASNs. */
class DetectorsTest {
    // RIPE NCC's own space and ASN, as configured by a BGPalerter user.
    private static final MonitoredResources RIPE = MonitoredResources.builder()
            .prefix(MonitoredPrefix.of(Prefix.parse("193.0.0.0/21"), "RIPE NCC", Asn.of(3333)))
            .build();

    private static List<Incident> opened(List<Incident> all, String type) {
        return all.stream()
                .filter(i -> i.type().equals(type) && i.status() == Incident.Status.OPEN)
                .toList();
    }

    @Test
    void hijack_unexpectedOriginFromTwoPeers_opensCriticalIncidentNamingOffender() {
        List<Incident> got = run(
                List.of(
                        ann(0, 1, "193.0.0.0/21", "64001 1299 3333"),
                        ann(1, 2, "193.0.0.0/21", "64002 6939 12389"),
                        ann(2, 3, "193.0.0.0/21", "64003 174 12389")),
                b -> b.monitored(RIPE).detect(Detectors.hijack()));
        assertThat(opened(got, "hijack")).singleElement().satisfies(i -> {
            assertThat(i.offender()).isEqualTo(Asn.of(12389));
            assertThat(i.subject()).isEqualTo(Asn.of(3333));
            assertThat(i.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(i.peerCount()).isEqualTo(2);
            assertThat(i.message()).contains("announced by AS12389 instead of AS3333");
            assertThat(i.samplePaths()).contains("64002 6939 12389");
        });
    }

    @Test
    void hijack_routeReturnsToExpectedOrigin_resolves() {
        List<Incident> got = run(
                List.of(
                        ann(0, 2, "193.0.0.0/21", "64002 6939 12389"),
                        ann(1, 3, "193.0.0.0/21", "64003 174 12389"),
                        ann(60, 2, "193.0.0.0/21", "64002 1299 3333"),
                        wd(61, 3, "193.0.0.0/21"),
                        ann(360, 4, "193.0.0.0/21", "64004 1299 3333"),
                        ann(361, 4, "193.0.0.0/21", "64004 1299 3333")),
                b -> b.monitored(RIPE).detect(Detectors.hijack()));
        assertThat(got).extracting(Incident::status).containsExactly(Incident.Status.OPEN, Incident.Status.RESOLVED);
        assertThat(got.get(1).resolvedAt()).isEqualTo(Events.at(61));
    }

    @Test
    void hijack_rpkiValidOrigin_isSuppressed() {
        RouteOriginLookup rov =
                RouteOriginLookup.of(List.of(new Vrp(Prefix.parse("193.0.0.0/21"), 21, Asn.of(12389))), Events.at(0));
        List<Incident> got = run(
                List.of(
                        ann(0, 2, "193.0.0.0/21", "64002 6939 12389"),
                        ann(1, 3, "193.0.0.0/21", "64003 174 12389"),
                        ann(100, 4, "193.0.0.0/24", "64004 1299 3333")),
                b -> b.monitored(RIPE).rpki(rov).detect(Detectors.hijack()));
        assertThat(got).isEmpty();
    }

    @Test
    void hijack_siblingOrigin_lowersSeverityAndConfidence() {
        RelationshipLookup siblings = (a, b) ->
                (a == 3333 && b == 64500) || (a == 64500 && b == 3333) ? Relationship.SIBLING : Relationship.UNKNOWN;
        List<Incident> got = run(
                List.of(
                        ann(0, 2, "193.0.0.0/21", "64002 6939 64500"),
                        ann(1, 3, "193.0.0.0/21", "64003 174 64500"),
                        ann(100, 4, "8.8.8.0/24", "64004 15169")),
                b -> b.monitored(RIPE).relationships(siblings).detect(Detectors.hijack()));
        assertThat(opened(got, "hijack")).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(i.confidence()).isLessThan(0.3);
            assertThat(i.reasons()).anyMatch(r -> r.contains("sibling"));
        });
    }

    @Test
    void subPrefixHijack_moreSpecificFromOtherOrigin_isFoundAndNotAnExactHijack() {
        List<Incident> got = run(
                List.of(
                        ann(0, 1, "193.0.4.0/24", "64001 3491 17557"),
                        ann(1, 2, "193.0.4.0/24", "64002 3491 17557"),
                        ann(100, 3, "8.8.8.0/24", "64003 15169")),
                b -> b.monitored(RIPE).detect(Detectors.hijack(), Detectors.subPrefixHijack()));
        assertThat(opened(got, "hijack")).isEmpty();
        assertThat(opened(got, "sub-prefix-hijack")).singleElement().satisfies(i -> {
            assertThat(i.prefix()).isEqualTo(Prefix.parse("193.0.4.0/24"));
            assertThat(i.offender()).isEqualTo(Asn.of(17557));
            assertThat(i.message()).contains("It should be instead 193.0.0.0/21");
        });
    }

    @Test
    void newPrefix_moreSpecificFromExpectedOrigin_needsThreePeers() {
        List<RouteEvent> ev = new ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            ev.add(ann(p, p, "193.0.7.0/24", "6400" + p + " 1299 3333"));
        }
        ev.add(ann(100, 9, "8.8.8.0/24", "64009 15169"));
        List<Incident> got = run(ev, b -> b.monitored(RIPE).detect(Detectors.newPrefix(), Detectors.subPrefixHijack()));
        assertThat(opened(got, "new-prefix")).singleElement().satisfies(i -> {
            assertThat(i.subject()).isEqualTo(Asn.of(3333));
            assertThat(i.severity()).isEqualTo(Severity.LOW);
        });
        assertThat(opened(got, "sub-prefix-hijack")).isEmpty();
    }

    @Test
    void visibilityLoss_mostPeersWithdraw_opensThenResolvesWhenBack() {
        List<RouteEvent> ev = new ArrayList<>();
        for (int p = 1; p <= 12; p++) {
            ev.add(ann(p, p, "193.0.0.0/21", "6400" + p + " 1299 3333"));
        }
        for (int p = 1; p <= 10; p++) {
            ev.add(wd(100 + p, p, "193.0.0.0/21"));
        }
        for (int p = 1; p <= 10; p++) {
            ev.add(ann(300 + p, p, "193.0.0.0/21", "6400" + p + " 1299 3333"));
        }
        ev.add(ann(700, 1, "8.8.8.0/24", "64001 15169"));
        List<Incident> got = run(ev, b -> b.monitored(RIPE).detect(Detectors.visibilityLoss(5, 0.5)));
        assertThat(got).extracting(Incident::status).containsExactly(Incident.Status.OPEN, Incident.Status.RESOLVED);
        assertThat(got.get(0).type()).isEqualTo("visibility-loss");
        assertThat(got.get(0).subject()).isEqualTo(Asn.of(3333));
        assertThat(got.get(0).firstSeen()).isEqualTo(Events.at(107)); // 7th withdrawal: 5 of 12 left < 6
        // 4th re-announcement: 6 of 12 peers see it again, no longer below half of the peak.
        assertThat(got.get(1).resolvedAt()).isEqualTo(Events.at(304));
    }

    @Test
    void visibilityLoss_sessionsGoingDown_isNotEvidence() {
        List<RouteEvent> ev = new ArrayList<>();
        for (int p = 1; p <= 12; p++) {
            ev.add(ann(p, p, "193.0.0.0/21", "6400" + p + " 1299 3333"));
        }
        for (int p = 1; p <= 10; p++) {
            ev.add(down(100 + p, p));
        }
        ev.add(ann(600, 11, "8.8.8.0/24", "64011 15169"));
        assertThat(run(ev, b -> b.monitored(RIPE).detect(Detectors.visibilityLoss(5, 0.5))))
                .isEmpty();
    }

    @Test
    void originChange_newOriginAfterWarmUp_isMoasWhileOldOriginStays() {
        List<RouteEvent> ev = new ArrayList<>();
        for (int p = 1; p <= 4; p++) {
            ev.add(ann(p, p, "1.1.1.0/24", "6400" + p + " 13335"));
        }
        ev.add(ann(1300, 5, "1.1.1.0/24", "64005 6453 4755"));
        ev.add(ann(1301, 6, "1.1.1.0/24", "64006 6453 4755"));
        ev.add(ann(1400, 1, "8.8.8.0/24", "64001 15169"));
        List<Incident> got = run(ev, b -> b.warmUp(Duration.ofMinutes(20)).detect(Detectors.originChange()));
        assertThat(opened(got, "origin-change")).singleElement().satisfies(i -> {
            assertThat(i.offender()).isEqualTo(Asn.of(4755));
            assertThat(i.subject()).isEqualTo(Asn.of(13335));
            assertThat(i.message()).startsWith("MOAS: 1.1.1.0/24 is announced by AS4755 besides AS13335");
        });
    }

    @Test
    void newUpstream_unseenNeighbourOfMonitoredOrigin_isReported() {
        List<RouteEvent> ev = new ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            ev.add(ann(p, p, "193.0.0.0/21", "6400" + p + " 1299 3333 3333"));
        }
        ev.add(ann(1300, 1, "193.0.0.0/21", "64001 8359 3333"));
        ev.add(ann(1301, 2, "193.0.0.0/21", "64002 8359 3333"));
        ev.add(ann(1400, 3, "8.8.8.0/24", "64003 15169"));
        List<Incident> got =
                run(ev, b -> b.monitored(RIPE).warmUp(Duration.ofMinutes(20)).detect(Detectors.newUpstream()));
        assertThat(opened(got, "new-upstream")).singleElement().satisfies(i -> {
            assertThat(i.offender()).isEqualTo(Asn.of(8359));
            assertThat(i.subject()).isEqualTo(Asn.of(3333));
            assertThat(i.prefix()).isNull();
        });
    }

    @Test
    void pathCondition_bgpalerterRuleFromYaml_matchesAndFadesOff() {
        MonitoredResources m = MonitoredResources.parseBgpalerterYaml(new StringReader("""
                        193.0.0.0/21:
                          description: RIPE NCC
                          asn: 3333
                          ignoreMorespecifics: false
                          path:
                            - match: ".*,12389,.*"
                              matchDescription: via Rostelecom
                        """), "test.yml");
        List<Incident> got = run(
                List.of(ann(0, 1, "193.0.0.0/21", "64001 12389 1299 3333"), ann(1000, 2, "8.8.8.0/24", "64002 15169")),
                b -> b.monitored(m).detect(Detectors.pathCondition()));
        assertThat(got).extracting(Incident::status).containsExactly(Incident.Status.OPEN, Incident.Status.RESOLVED);
        assertThat(got.get(0).detail()).isEqualTo("via Rostelecom");
        assertThat(got.get(0).message()).contains("64001,12389,1299,3333");
    }

    @Test
    void bogon_privatePrefixAndPrivateAsnInPath_areFlagged() {
        List<Incident> got = run(
                List.of(
                        ann(0, 1, "10.0.0.0/8", "64001 65010"),
                        ann(1, 2, "193.0.0.0/21", "64002 65535 3333"),
                        ann(2, 3, "193.0.0.0/21", "64003 1299 3333"),
                        ann(3, 4, "2001:db8::/32", "64004 6939"),
                        ann(1000, 5, "8.8.8.0/24", "64005 15169")),
                b -> b.detect(Detectors.bogon()));
        assertThat(opened(got, "bogon"))
                .extracting(i -> i.prefix() + " " + i.detail() + " " + i.offender())
                .containsExactlyInAnyOrder(
                        "10.0.0.0/8 prefix AS65010",
                        "10.0.0.0/8 asn AS65010",
                        "193.0.0.0/21 asn AS65535",
                        "2001:db8::/32 prefix AS6939");
    }

    @Test
    void rpkiInvalidAndNotCovered_monitoredRoutes_reportTheirState() {
        RouteOriginLookup rov =
                RouteOriginLookup.of(List.of(new Vrp(Prefix.parse("193.0.0.0/21"), 21, Asn.of(3333))), Events.at(0));
        MonitoredResources m = MonitoredResources.builder()
                .prefix(MonitoredPrefix.of(Prefix.parse("193.0.0.0/21"), "RIPE NCC", Asn.of(3333)))
                .prefix(MonitoredPrefix.of(Prefix.parse("185.89.218.0/23"), "uncovered", Asn.of(32934)))
                .build();
        List<Incident> got = run(
                List.of(
                        ann(0, 1, "193.0.0.0/22", "64001 1299 3333"), ann(1, 2, "193.0.0.0/21", "64002 1299 3333"),
                        ann(2, 3, "185.89.218.0/23", "64003 32934"), ann(1000, 4, "8.8.8.0/24", "64004 15169")),
                b -> b.monitored(m).rpki(rov).detect(Detectors.rpkiInvalid(), Detectors.notCoveredByRoa()));
        assertThat(opened(got, "rpki-invalid")).singleElement().satisfies(i -> {
            assertThat(i.prefix()).isEqualTo(Prefix.parse("193.0.0.0/22"));
            assertThat(i.message()).contains("longer than the maxLength");
        });
        assertThat(opened(got, "not-covered-by-roa"))
                .singleElement()
                .satisfies(i -> assertThat(i.prefix()).isEqualTo(Prefix.parse("185.89.218.0/23")));
    }

    @Test
    void rpkiDataStale_unavailableThenFresh_opensAndResolves() throws Exception {
        List<RouteEvent> ev = new ArrayList<>();
        for (int s = 0; s < 200; s += 10) {
            ev.add(ann(s, 1, "8.8.8.0/24", "64001 15169"));
        }
        List<Incident> got = run(ev, b -> b.detect(Detectors.rpkiDataStale()));
        assertThat(got).singleElement().satisfies(i -> {
            assertThat(i.type()).isEqualTo("rpki-data-stale");
            assertThat(i.detail()).isEqualTo("unavailable");
        });
        RouteOriginLookup old = RouteOriginLookup.of(List.of(), Instant.parse("2020-12-31T00:00:00Z"));
        List<Incident> stale = run(ev, b -> b.rpki(old).detect(Detectors.rpkiDataStale(Duration.ofHours(2))));
        assertThat(stale).singleElement().satisfies(i -> assertThat(i.message()).contains("RPKI data is stale"));
    }

    @Test
    void roaChanges_removedRoaOfMonitoredPrefix_isReported() throws Exception {
        InMemorySink sink = Sinks.inMemory();
        List<RouteEvent> ev = new ArrayList<>();
        for (int s = 0; s < 2000; s += 10) {
            ev.add(ann(s, 1, "8.8.8.0/24", "64001 15169"));
        }
        Vrp ripe = new Vrp(Prefix.parse("193.0.0.0/21"), 21, Asn.of(3333));
        Vrp other = new Vrp(Prefix.parse("8.8.8.0/24"), 24, Asn.of(15169));
        try (Pipeline p = Pipeline.builder()
                .source(EventSource.of(ev))
                .monitored(RIPE)
                .detect(Detectors.roaChanges())
                .sink(sink)
                .debounce(Duration.ZERO)
                .batchSize(1)
                .build()) {
            p.updateRpki(
                    RouteOriginLookup.of(List.of(other), Events.at(0)),
                    new RpkiUpdate(Events.at(0), List.of(), List.of(ripe, other)));
            p.run();
        }
        assertThat(sink.incidents())
                .extracting(Incident::status)
                .containsExactly(Incident.Status.OPEN, Incident.Status.RESOLVED);
        assertThat(sink.incidents().get(0).message())
                .isEqualTo("ROAs change detected: removed <193.0.0.0/21, AS3333, 21> (overlaps 193.0.0.0/21)");
    }

    @Test
    void massWithdrawal_manyPrefixesOfOneOriginByManyPeers_isOneIncidentPerOrigin() {
        List<RouteEvent> ev = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            for (int p = 1; p <= 4; p++) {
                ev.add(ann(k, p, "129.134." + k + ".0/24", "6400" + p + " 32934"));
            }
        }
        for (int k = 0; k < 30; k++) {
            for (int p = 1; p <= 4; p++) {
                ev.add(wd(100 + k, p, "129.134." + k + ".0/24"));
            }
        }
        ev.add(ann(2000, 1, "8.8.8.0/24", "64001 15169")); // window empty: clear
        ev.add(ann(2400, 1, "8.8.8.0/24", "64001 15169")); // resolve hold-down over
        List<Incident> got = run(ev, b -> b.detect(Detectors.massWithdrawal(Duration.ofMinutes(5), 20, 3)));
        assertThat(got).extracting(Incident::status).containsExactly(Incident.Status.OPEN, Incident.Status.RESOLVED);
        assertThat(got.get(0).subject()).isEqualTo(Asn.of(32934));
        assertThat(got.get(0).firstSeen()).isEqualTo(Events.at(119));
    }

    @Test
    void massWithdrawal_onePeerSessionReset_isNotReported() {
        List<RouteEvent> ev = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            ev.add(ann(k, 1, "129.134." + k + ".0/24", "64001 32934"));
        }
        ev.add(down(100, 1));
        for (int k = 0; k < 30; k++) {
            ev.add(wd(200 + k, 2, "129.134." + k + ".0/24"));
        }
        ev.add(ann(2000, 3, "8.8.8.0/24", "64003 15169"));
        assertThat(run(ev, b -> b.detect(Detectors.massWithdrawal(Duration.ofMinutes(5), 20, 3))))
                .isEmpty();
    }

    @Test
    void moreSpecificBurst_deaggregationAfterWarmUp_namesTheOrigin() {
        List<RouteEvent> ev = new ArrayList<>();
        ev.add(ann(0, 1, "104.20.0.0/20", "64001 701 13335"));
        for (int k = 0; k < 16; k++) {
            ev.add(ann(1300 + k, 2, "104.20." + k + ".0/24", "64002 701 396531 33154 13335"));
        }
        ev.add(ann(3000, 1, "8.8.8.0/24", "64001 15169"));
        List<Incident> got = run(
                ev,
                b -> b.warmUp(Duration.ofMinutes(20)).detect(Detectors.moreSpecificBurst(Duration.ofMinutes(10), 10)));
        assertThat(opened(got, "more-specific-burst")).singleElement().satisfies(i -> {
            assertThat(i.offender()).isEqualTo(Asn.of(13335));
            assertThat(i.message()).contains("inside 104.20.0.0/20");
        });
    }

    @Test
    void valleyFree_hairpinThroughCustomer_isLeakType1ByTheCustomer() {
        // 701 and 3356 are providers of 396531 (a customer passing one provider's route to another).
        RelationshipLookup rel = (a, b) -> {
            if ((a == 701 || a == 33154) && b == 396531) {
                return Relationship.CUSTOMER;
            }
            if (a == 396531 && (b == 701 || b == 33154)) {
                return Relationship.PROVIDER;
            }
            if (a == 33154 && b == 13335) {
                return Relationship.PEER;
            }
            if (a == 13335 && b == 33154) {
                return Relationship.PEER;
            }
            return Relationship.UNKNOWN;
        };
        List<Incident> got = run(
                List.of(
                        ann(0, 1, "104.20.0.0/21", "64001 701 396531 33154 13335"),
                        ann(1, 2, "104.20.0.0/21", "64002 701 396531 33154 13335"),
                        ann(100, 3, "8.8.8.0/24", "64003 15169")),
                b -> b.relationships(rel).detect(Detectors.valleyFree()));
        assertThat(opened(got, "route-leak")).singleElement().satisfies(i -> {
            assertThat(i.offender()).isEqualTo(Asn.of(396531));
            assertThat(i.message()).contains("RFC 7908 type 1");
        });
    }

    @Test
    void aspaInvalid_hairpinAgainstAttestations_isReported() {
        // domain.md §8 example 9: 64540 64550 64520 64510 64500 with the listed ASPAs.
        dev.routescope.detect.spi.AspaLookup aspa = AspaFixtures.DOMAIN_EXAMPLES;
        List<Incident> got = run(
                List.of(
                        ann(0, 1, "192.0.2.0/24", "64540 64550 64520 64510 64500"),
                        ann(1, 2, "192.0.2.0/24", "64540 64550 64520 64510 64500"),
                        ann(2, 3, "198.51.100.0/24", "64540 64530 64520 64510 64500"),
                        ann(100, 3, "8.8.8.0/24", "64003 15169")),
                b -> b.aspa(aspa).detect(Detectors.aspaInvalid()));
        assertThat(opened(got, "aspa-invalid")).singleElement().satisfies(i -> {
            assertThat(i.prefix()).isEqualTo(Prefix.parse("192.0.2.0/24"));
            assertThat(i.offender()).isEqualTo(Asn.of(64550));
        });
    }

    @Test
    void pathCondition_globalRegexRule_appliesToEveryRoute() {
        PathRule rule = new PathRule(Pattern.compile("(^|,)23456(,|$)"), null, "AS_TRANS in path", 0, 0);
        List<Incident> got = run(
                List.of(ann(0, 1, "8.8.8.0/24", "64001 23456 15169"), ann(1000, 2, "9.9.9.0/24", "64002 19281")),
                b -> b.detect(Detectors.pathCondition(List.of(rule))));
        assertThat(opened(got, "path-condition"))
                .singleElement()
                .satisfies(i -> assertThat(i.prefix()).isEqualTo(Prefix.parse("8.8.8.0/24")));
    }
}
