package dev.routescope.detect;

import static dev.routescope.detect.Events.at;
import static dev.routescope.detect.Events.peer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routescope.detect.spi.Alert;
import dev.routescope.detect.spi.AlertType;
import dev.routescope.model.Asn;
import dev.routescope.model.Prefix;
import dev.routescope.testsupport.PropertyCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentAggregatorTest {
    private static final Prefix P = Prefix.parse("193.0.0.0/21");

    private final List<Incident> out = new ArrayList<>();
    private final IncidentAggregator agg = IncidentAggregator.builder().build(out::add);

    private static Alert raise(long sec, int peer) {
        return Alert.of(AlertType.HIJACK, Alert.Kind.RAISE, at(sec), sec)
                .prefix(P)
                .offender(Asn.of(64511))
                .subject(Asn.of(3333))
                .peer(peer(peer))
                .collector("rrc12")
                .routePrefix(P)
                .message("hijack")
                .build();
    }

    private static Alert clear(long sec, int peer) {
        return Alert.of(AlertType.HIJACK, Alert.Kind.CLEAR, at(sec), sec)
                .prefix(P)
                .offender(Asn.of(64511))
                .subject(Asn.of(3333))
                .peer(peer(peer))
                .collector("rrc12")
                .routePrefix(P)
                .build();
    }

    @Test
    void raise_twoPeersLastingDebounce_opensOnce() {
        agg.accept(raise(0, 1));
        agg.accept(raise(1, 2));
        agg.advanceTo(at(30));
        assertThat(out).isEmpty(); // 30 s from t=1 (when the second peer qualified) not reached
        agg.advanceTo(at(31));
        assertThat(out).singleElement().satisfies(i -> {
            assertThat(i.status()).isEqualTo(Incident.Status.OPEN);
            assertThat(i.peerCount()).isEqualTo(2);
            assertThat(i.firstSeen()).isEqualTo(at(0));
            assertThat(i.offender()).isEqualTo(Asn.of(64511));
        });
    }

    @Test
    void raise_singlePeerBelowMinPeers_neverOpens() {
        agg.accept(raise(0, 1));
        agg.advanceTo(at(3600));
        assertThat(out).isEmpty();
        assertThat(agg.activeCount()).isEqualTo(1);
    }

    @Test
    void flap_clearedWithinDebounce_isSuppressed() {
        agg.accept(raise(0, 1));
        agg.accept(raise(0, 2));
        agg.accept(clear(10, 1));
        agg.accept(clear(12, 2));
        agg.advanceTo(at(600));
        assertThat(out).isEmpty();
        assertThat(agg.suppressed()).isEqualTo(1);
        assertThat(agg.activeCount()).isZero();
    }

    @Test
    void clear_allPeersAfterOpen_resolvesAfterHoldDownWithSameId() {
        agg.accept(raise(0, 1));
        agg.accept(raise(0, 2));
        agg.advanceTo(at(40));
        agg.accept(clear(100, 1));
        agg.accept(clear(101, 2));
        agg.advanceTo(at(400));
        assertThat(out).hasSize(1);
        agg.advanceTo(at(401));
        assertThat(out).hasSize(2);
        assertThat(out.get(1).status()).isEqualTo(Incident.Status.RESOLVED);
        assertThat(out.get(1).resolvedAt()).isEqualTo(at(101));
        assertThat(out.get(1).id()).isEqualTo(out.get(0).id());
        assertThat(out.get(1).peerCount()).isZero();
    }

    @Test
    void reRaise_duringResolveHoldDown_flapStaysOneIncident() {
        agg.accept(raise(0, 1));
        agg.accept(raise(0, 2));
        agg.advanceTo(at(40));
        agg.accept(clear(100, 1));
        agg.accept(clear(100, 2));
        agg.accept(raise(350, 3));
        agg.advanceTo(at(1000));
        assertThat(out).extracting(Incident::status).containsExactly(Incident.Status.OPEN);
    }

    @Test
    void morePeers_afterUpdateInterval_emitUpdate() {
        agg.accept(raise(0, 1));
        agg.accept(raise(0, 2));
        agg.advanceTo(at(31));
        agg.accept(raise(100, 3)); // within 5 min of the OPEN: no update yet
        agg.accept(raise(400, 4));
        assertThat(out).extracting(Incident::status).containsExactly(Incident.Status.OPEN, Incident.Status.UPDATE);
        assertThat(out.get(1).peerCount()).isEqualTo(4);
    }

    @Test
    void eventType_quietPeriod_resolvesWithoutClear() {
        List<Incident> got = new ArrayList<>();
        IncidentAggregator a = IncidentAggregator.builder().build(got::add);
        Alert path = Alert.of(AlertType.PATH_CONDITION, Alert.Kind.RAISE, at(0), 0)
                .prefix(P)
                .detail("scrubbing")
                .peer(peer(1))
                .build();
        a.accept(path);
        a.advanceTo(at(31));
        assertThat(got).extracting(Incident::status).containsExactly(Incident.Status.OPEN);
        a.advanceTo(at(359));
        assertThat(got).hasSize(1);
        a.advanceTo(at(360));
        assertThat(got).extracting(Incident::status).containsExactly(Incident.Status.OPEN, Incident.Status.RESOLVED);
        assertThat(got.get(1).resolvedAt()).isEqualTo(at(360));
    }

    @Test
    void wildcardClear_withoutOffender_clearsEveryOffenderOfThePrefix() {
        List<Incident> got = new ArrayList<>();
        IncidentAggregator a = IncidentAggregator.builder()
                .debounce(Duration.ZERO)
                .resolveHoldDown(Duration.ZERO)
                .build(got::add);
        for (int p = 1; p <= 2; p++) {
            a.accept(Alert.of(AlertType.ROUTE_LEAK, Alert.Kind.RAISE, at(0), 0)
                    .prefix(P)
                    .offender(Asn.of(64510))
                    .peer(peer(p))
                    .routePrefix(P)
                    .build());
        }
        a.advanceTo(at(1));
        for (int p = 1; p <= 2; p++) {
            a.accept(Alert.of(AlertType.ROUTE_LEAK, Alert.Kind.CLEAR, at(5), 1)
                    .prefix(P)
                    .peer(peer(p))
                    .routePrefix(P)
                    .build());
        }
        a.advanceTo(at(6));
        assertThat(got).extracting(Incident::status).containsExactly(Incident.Status.OPEN, Incident.Status.RESOLVED);
    }

    @Test
    void fewPeers_lowerConfidenceWithReason() {
        agg.accept(raise(0, 1));
        agg.accept(raise(0, 2));
        agg.advanceTo(at(31));
        assertThat(out.get(0).confidence()).isEqualTo(0.7);
        assertThat(out.get(0).reasons()).contains("seen by only 2 peers");
    }

    @Test
    void maxIncidents_boundsTrackedKeysAndCountsDrops() {
        IncidentAggregator a = IncidentAggregator.builder().maxIncidents(2).build(i -> {});
        for (int k = 0; k < 5; k++) {
            a.accept(Alert.of(AlertType.BOGON, Alert.Kind.RAISE, at(0), k)
                    .prefix(Prefix.parse("10." + k + ".0.0/16"))
                    .build());
        }
        assertThat(a.activeCount()).isEqualTo(2);
        assertThat(a.dropped()).isEqualTo(3);
    }

    @Test
    void builder_settingTwice_isRefused() {
        IncidentAggregator.Builder b = IncidentAggregator.builder().debounce(Duration.ofSeconds(5));
        assertThatThrownBy(() -> b.debounce(Duration.ofSeconds(6)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("debounce was already set");
    }

    @Test
    void stableId_dependsOnKeyAndFirstSeenOnly() {
        String a = IncidentAggregator.stableId("hijack|193.0.0.0/21|64511|3333|", at(0));
        assertThat(a).hasSize(32).isEqualTo(IncidentAggregator.stableId("hijack|193.0.0.0/21|64511|3333|", at(0)));
        assertThat(a).isNotEqualTo(IncidentAggregator.stableId("hijack|193.0.0.0/21|64512|3333|", at(0)));
        assertThat(a).isNotEqualTo(IncidentAggregator.stableId("hijack|193.0.0.0/21|64511|3333|", at(1)));
    }

    /** Replaying any alert sequence gives the same notifications (ids, statuses, order). */
    @Test
    void replay_sameAlerts_sameIncidents() {
        PropertyCheck.forAll(200, g -> {
            List<Integer> script = g.note("script", g.list(0, 60, () -> g.intBetween(0, 59)));
            List<Alert> alerts = new ArrayList<>();
            long t = 0;
            for (int s : script) {
                t += s % 7 * 5L;
                int peer = s % 4 + 1;
                alerts.add(s % 3 == 0 ? clear(t, peer) : raise(t, peer));
            }
            assertThat(run(alerts)).isEqualTo(run(alerts));
        });
    }

    /** Whatever the order of raises and clears, an OPEN is always followed by at most one RESOLVED. */
    @Test
    void lifecycle_neverResolvesUnopenedOrTwice() {
        int[] opened = new int[1];
        PropertyCheck.forAll(200, g -> {
            List<Integer> script = g.note("script", g.list(0, 80, () -> g.intBetween(0, 59)));
            List<Alert> alerts = new ArrayList<>();
            long t = 0;
            for (int s : script) {
                t += s % 5 * 11L;
                alerts.add(s % 2 == 0 ? clear(t, s % 3 + 1) : raise(t, s % 3 + 1));
            }
            List<Incident> got = new ArrayList<>();
            IncidentAggregator a = IncidentAggregator.builder().build(got::add);
            alerts.forEach(a);
            a.advanceTo(at(t + 10_000));
            java.util.Map<String, Incident.Status> last = new java.util.HashMap<>();
            for (Incident i : got) {
                Incident.Status before = last.get(i.id());
                if (i.status() == Incident.Status.OPEN) {
                    assertThat(before).isNull();
                    opened[0]++;
                } else {
                    assertThat(before).isIn(Incident.Status.OPEN, Incident.Status.UPDATE);
                }
                last.put(i.id(), i.status());
            }
        });
        // the scripts must open incidents often, or the lifecycle check is vacuous
        assertThat(opened[0]).isGreaterThan(50);
    }

    private static List<String> run(List<Alert> alerts) {
        List<String> got = new ArrayList<>();
        IncidentAggregator a = IncidentAggregator.builder().build(i -> got.add(i.id() + " " + i.summary()));
        alerts.forEach(a);
        a.advanceTo(at(100_000));
        return got;
    }
}
