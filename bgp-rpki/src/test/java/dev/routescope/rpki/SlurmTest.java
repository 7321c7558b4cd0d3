package dev.routescope.rpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routescope.model.Prefix;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlurmTest {
    // RFC 8416 §3.5 example shape, as in domain.md §6.4, plus ASPA members of SLURM v2
    private static final String EXAMPLE = """
            {"slurmVersion":2,
             "validationOutputFilters":{
               "prefixFilters":[{"prefix":"192.0.2.0/24","comment":"drop all VRPs at or below this prefix"},
                                {"asn":64496},
                                {"prefix":"198.51.100.0/22","asn":64497}],
               "bgpsecFilters":[{"asn":64496,"SKI":"Zm9v"}],
               "aspaFilters":[{"customerAsid":64500}]},
             "locallyAddedAssertions":{
               "prefixAssertions":[{"asn":64500,"prefix":"203.0.113.0/24","maxPrefixLength":24,"comment":"lab"},
                                   {"asn":64501,"prefix":"2001:db8:f::/48"}],
               "bgpsecAssertions":[],
               "aspaAssertions":[{"customerAsid":64510,"providerSet":[64520,64521]}]}}
            """;

    private static Slurm parse(String json) throws IOException {
        return Slurm.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.slurm");
    }

    @Test
    void apply_filtersThenAssertions_asRfc8416() throws IOException {
        Slurm slurm = parse(EXAMPLE);
        VrpSnapshot vrps = VrpSnapshot.of(List.of(
                Vrp.of("192.0.2.0/24", 24, 64511), // dropped by prefix filter
                Vrp.of("192.0.2.128/25", 25, 64512), // more specific: dropped too
                Vrp.of("192.0.0.0/16", 24, 64513), // less specific: kept
                Vrp.of("10.0.0.0/8", 8, 64496), // dropped by the ASN filter
                Vrp.of("198.51.100.0/24", 24, 64497), // prefix+ASN filter: dropped
                Vrp.of("198.51.100.0/24", 24, 64498), // other ASN: kept
                Vrp.of("203.0.113.0/24", 24, 64499)));

        VrpSnapshot effective = slurm.apply(vrps);

        assertThat(effective.vrps())
                .containsExactlyInAnyOrder(
                        Vrp.of("192.0.0.0/16", 24, 64513),
                        Vrp.of("198.51.100.0/24", 24, 64498),
                        Vrp.of("203.0.113.0/24", 24, 64499),
                        Vrp.of("203.0.113.0/24", 24, 64500),
                        Vrp.of("2001:db8:f::/48", 48, 64501));
        assertThat(effective
                        .entry(Vrp.of("203.0.113.0/24", 24, 64500))
                        .orElseThrow()
                        .trustAnchor())
                .isEqualTo("slurm");
        assertThat(slurm.version()).isEqualTo(2);
        assertThat(slurm.prefixFilters().get(0).comment()).isEqualTo("drop all VRPs at or below this prefix");
    }

    @Test
    void apply_aspaFilterAndAssertion() throws IOException {
        Slurm slurm = parse(EXAMPLE);
        AspaSet aspas = AspaSet.of(List.of(Aspa.of(64500, 64510), Aspa.of(64530, 0)));
        AspaSet effective = slurm.apply(aspas);
        assertThat(effective.aspas()).containsExactly(Aspa.of(64510, 64520, 64521), Aspa.of(64530, 0));
    }

    @Test
    void read_version3_rejectedWithOffset() {
        assertThatThrownBy(() ->
                        parse("{\"slurmVersion\":3,\"validationOutputFilters\":{},\"locallyAddedAssertions\":{}}"))
                .isInstanceOf(RpkiFormatException.class)
                .hasMessageContaining("slurmVersion 3")
                .hasMessageContaining("byte");
    }

    @Test
    void read_missingAssertionsMember_rejected() {
        assertThatThrownBy(() -> parse("{\"slurmVersion\":1,\"validationOutputFilters\":{\"prefixFilters\":[]}}"))
                .isInstanceOf(RpkiFormatException.class)
                .hasMessageContaining("locallyAddedAssertions");
    }

    @Test
    void read_hostBitsInPrefix_rejected() {
        assertThatThrownBy(() -> parse("{\"slurmVersion\":1,\"validationOutputFilters\":{\"prefixFilters\":"
                        + "[{\"prefix\":\"192.0.2.1/24\"}]},\"locallyAddedAssertions\":{}}"))
                .isInstanceOf(RpkiFormatException.class)
                .hasMessageContaining("host bits");
    }

    @Test
    void read_maxPrefixLengthBelowLength_rejected() {
        assertThatThrownBy(() -> parse("{\"slurmVersion\":1,\"validationOutputFilters\":{},\"locallyAddedAssertions\":"
                        + "{\"prefixAssertions\":[{\"asn\":1,\"prefix\":\"192.0.2.0/24\",\"maxPrefixLength\":23}]}}"))
                .isInstanceOf(RpkiFormatException.class)
                .hasMessageContaining("maxPrefixLength 23");
    }

    @Test
    void read_emptyFilter_rejected() {
        assertThatThrownBy(
                        () -> parse("{\"slurmVersion\":1,\"validationOutputFilters\":{\"prefixFilters\":[{\"comment\":"
                                + "\"x\"}]},\"locallyAddedAssertions\":{}}"))
                .isInstanceOf(RpkiFormatException.class)
                .hasMessageContaining("without prefix and asn");
    }

    @Test
    void read_aspaInVersion1_rejected() {
        assertThatThrownBy(() -> parse("{\"slurmVersion\":1,\"validationOutputFilters\":{\"aspaFilters\":"
                        + "[{\"customerAsid\":1}]},\"locallyAddedAssertions\":{}}"))
                .isInstanceOf(RpkiFormatException.class)
                .hasMessageContaining("slurmVersion 2");
    }

    @Test
    void read_truncated_rejectedWithByteOffset() {
        assertThatThrownBy(() -> parse(EXAMPLE.substring(0, 120)))
                .isInstanceOf(RpkiFormatException.class)
                .satisfies(
                        e -> assertThat(((RpkiFormatException) e).byteOffset()).isPositive());
    }

    @Test
    void prefixFilter_matchesOnlyEqualOrMoreSpecific() {
        Slurm.PrefixFilter f = new Slurm.PrefixFilter(Prefix.parse("192.0.2.0/24"), -1, "");
        assertThat(f.matches(Vrp.of("192.0.2.0/25", 25, 1))).isTrue();
        assertThat(f.matches(Vrp.of("192.0.2.0/24", 24, 1))).isTrue();
        assertThat(f.matches(Vrp.of("192.0.0.0/23", 24, 1))).isFalse();
    }
}
