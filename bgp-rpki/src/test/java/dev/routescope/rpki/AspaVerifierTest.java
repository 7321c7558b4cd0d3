package dev.routescope.rpki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.model.AsPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked examples of the domain reference §8 (draft-ietf-sidrops-aspa-verification-27). */
class AspaVerifierTest {
    // 64500->{64510,64511}, 64510->{64520}, 64520->{0}, 64530->{0}, 64540->{64530}, 64550->{64540};
    // no ASPA for 64511, 64596, 64597, 64599
    private static final AspaSet ASPAS = AspaSet.of(List.of(
            Aspa.of(64500, 64510, 64511),
            Aspa.of(64510, 64520),
            Aspa.of(64520, 0),
            Aspa.of(64530, 0),
            Aspa.of(64540, 64530),
            Aspa.of(64550, 64540)));
    private static final AspaVerifier VERIFIER = AspaVerifier.of(ASPAS);

    private static AspaResult up(String path, long neighbor) {
        return VERIFIER.verify(AsPath.parse(path), AspaDirection.UPSTREAM, neighbor);
    }

    private static AspaResult down(String path, long neighbor) {
        return VERIFIER.verify(AsPath.parse(path), AspaDirection.DOWNSTREAM, neighbor);
    }

    @Test
    void authorized_asDefinedByProfile() {
        assertThat(ASPAS.authorized(64500, 64510)).isEqualTo(AspaAuthorization.PROVIDER_PLUS);
        assertThat(ASPAS.authorized(64510, 64511)).isEqualTo(AspaAuthorization.NOT_PROVIDER_PLUS);
        assertThat(ASPAS.authorized(64520, 64530)).isEqualTo(AspaAuthorization.NOT_PROVIDER_PLUS); // AS0 ASPA
        assertThat(ASPAS.authorized(64597, 64599)).isEqualTo(AspaAuthorization.NO_ATTESTATION);
    }

    @Test
    void example1_customerRouteAttested_valid() {
        assertThat(up("64510 64500", 64510).state()).isEqualTo(AspaState.VALID);
    }

    @Test
    void example2_prependsCollapsed_valid() {
        AspaResult r = up("64510 64510 64500 64500", 64510);
        assertThat(r.state()).isEqualTo(AspaState.VALID);
        assertThat(r.pathLength()).isEqualTo(2);
    }

    @Test
    void example3_leakToProvider_invalid() {
        AspaResult r = up("64511 64510 64500", 64511);
        assertThat(r.state()).isEqualTo(AspaState.INVALID);
        assertThat(r.reason()).isEqualTo(AspaResult.Reason.ROUTE_LEAK);
        assertThat(r.maxUp()).isEqualTo(2);
    }

    @Test
    void example4_noAttestation_unknown() {
        AspaResult r = up("64599 64597", 64599);
        assertThat(r.state()).isEqualTo(AspaState.UNKNOWN);
        assertThat(r.maxUp()).isEqualTo(2);
        assertThat(r.minUp()).isEqualTo(1);
    }

    @Test
    void example5_peerRouteFullyAttested_valid() {
        assertThat(up("64520 64510 64500", 64520).state()).isEqualTo(AspaState.VALID);
    }

    @Test
    void example6_lateralLeak_invalid() {
        AspaResult r = up("64530 64520 64510 64500", 64530);
        assertThat(r.state()).isEqualTo(AspaState.INVALID);
        assertThat(r.maxUp()).isEqualTo(3);
    }

    @Test
    void example7_fromProviderUpLateralDown_valid() {
        AspaResult r = down("64530 64520 64510 64500", 64530);
        assertThat(r.state()).isEqualTo(AspaState.VALID);
        assertThat(r.maxUp()).isEqualTo(3);
        assertThat(r.maxDown()).isEqualTo(1);
        assertThat(r.minDown()).isEqualTo(1);
    }

    @Test
    void example8_fromProviderWithDownRamp_valid() {
        AspaResult r = down("64540 64530 64520 64510 64500", 64540);
        assertThat(r.state()).isEqualTo(AspaState.VALID);
        assertThat(r.maxUp()).isEqualTo(3);
        assertThat(r.maxDown()).isEqualTo(2);
    }

    @Test
    void example9_hairpin_invalid() {
        AspaResult r = down("64540 64550 64520 64510 64500", 64540);
        assertThat(r.state()).isEqualTo(AspaState.INVALID);
        assertThat(r.maxUp()).isEqualTo(3);
        assertThat(r.maxDown()).isEqualTo(1);
    }

    @Test
    void example10_unattestedHopAsLateral_valid() {
        AspaResult r = down("64540 64530 64597", 64540);
        assertThat(r.state()).isEqualTo(AspaState.VALID);
        // domain.md prints max_up 3 here; by the draft's definition (first i with Not Provider+,
        // here authorized(64530, 64540) at i = 2) it is 2. The outcome is Valid either way.
        assertThat(r.maxUp()).isEqualTo(2);
        assertThat(r.minUp()).isEqualTo(1);
        assertThat(r.maxDown()).isEqualTo(2);
        assertThat(r.minDown()).isEqualTo(2);
    }

    @Test
    void example11_twoUnattestedHops_unknown() {
        AspaResult r = down("64540 64530 64596 64597", 64540);
        assertThat(r.state()).isEqualTo(AspaState.UNKNOWN);
        // domain.md prints max_up 4; the draft's definition gives 3 (authorized(64530, 64540) at i = 3)
        assertThat(r.maxUp()).isEqualTo(3);
        assertThat(r.minUp()).isEqualTo(1);
        assertThat(r.maxDown()).isEqualTo(2);
        assertThat(r.minDown()).isEqualTo(2);
    }

    @Test
    void example12_asSet_invalid() {
        AspaResult r = up("64510 {64500,64501}", 64510);
        assertThat(r.state()).isEqualTo(AspaState.INVALID);
        assertThat(r.reason()).isEqualTo(AspaResult.Reason.AS_SET);
    }

    @Test
    void example13_leftmostNotNeighbor_invalid() {
        AspaResult r = up("64500", 64510);
        assertThat(r.state()).isEqualTo(AspaState.INVALID);
        assertThat(r.reason()).isEqualTo(AspaResult.Reason.NEIGHBOR_MISMATCH);
    }

    @Test
    void emptyPath_invalid() {
        AspaResult r = VERIFIER.verify(AsPath.parse(""), AspaDirection.DOWNSTREAM, -1);
        assertThat(r.state()).isEqualTo(AspaState.INVALID);
        assertThat(r.reason()).isEqualTo(AspaResult.Reason.EMPTY_PATH);
    }

    @Test
    void unknownNeighbor_skipsLeftmostCheck() {
        assertThat(up("64510 64500", -1).state()).isEqualTo(AspaState.VALID);
    }

    @Test
    void singleAsPath_validInBothDirections() {
        assertThat(up("64500", 64500).state()).isEqualTo(AspaState.VALID);
        assertThat(down("64599", 64599).state()).isEqualTo(AspaState.VALID);
    }

    @Test
    void downstream_valleyOnBothSidesOfLateralHop_invalid() {
        // 64520 has an AS0 ASPA: the up-ramp stops below 64530 (max_up 3) and the down-ramp from the
        // neighbor 64520 cannot descend to 64530 either (max_down 1): 3 + 1 < 5
        AspaResult r = down("64520 64530 64520 64510 64500", 64520);
        assertThat(r.state()).isEqualTo(AspaState.INVALID);
        assertThat(r.maxUp()).isEqualTo(3);
        assertThat(r.maxDown()).isEqualTo(1);
    }

    @Test
    void aspaSet_multipleAspasOfOneCustomer_unionOfProviders() {
        AspaSet s = AspaSet.of(List.of(Aspa.of(1, 10), Aspa.of(1, 11), Aspa.of(1, 0)));
        assertThat(s.get(1).orElseThrow().providerAsns()).containsExactly(10, 11);
        assertThat(s.authorized(1, 11)).isEqualTo(AspaAuthorization.PROVIDER_PLUS);
    }

    @Test
    void aspaSet_withChanges_replacesWholeProviderSetAndWithdraws() {
        AspaSet s = ASPAS.withChanges(List.of(Aspa.of(64500, 64599)), List.of(64510L));
        assertThat(s.authorized(64500, 64510)).isEqualTo(AspaAuthorization.NOT_PROVIDER_PLUS);
        assertThat(s.authorized(64500, 64599)).isEqualTo(AspaAuthorization.PROVIDER_PLUS);
        assertThat(s.authorized(64510, 64520)).isEqualTo(AspaAuthorization.NO_ATTESTATION);
        assertThat(ASPAS.authorized(64510, 64520)).isEqualTo(AspaAuthorization.PROVIDER_PLUS);
    }
}
