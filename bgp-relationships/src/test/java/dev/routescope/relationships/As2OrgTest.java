package dev.routescope.relationships;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class As2OrgTest {
    // Shape of CAIDA's 20180101.as-org2info.txt (values shortened; opaque ids made up).
    private static final String AS2ORG = """
            # name: AS Org
            # format:org_id|changed|org_name|country|source
            LPL-141-ARIN|20170128|Level 3 Parent, LLC|US|ARIN
            @family-1|20171002|Example Holding|NL|RIPE
            # format:aut|changed|aut_name|org_id|opaque_id|source
            3356|20170128|LEVEL3|LPL-141-ARIN|e5e3b9c13678dfc483fb1f819d70883c_ARIN|ARIN
            3549|20170128|LVLT-3549|LPL-141-ARIN|e5e3b9c13678dfc483fb1f819d70883c_ARIN|ARIN
            209|20170128|CENTURYLINK-US-LEGACY-QWEST|LPL-141-ARIN|e5e3b9c13678dfc483fb1f819d70883c_ARIN|ARIN
            64500|20171002|EXAMPLE|@family-1|RIPE
            64501|20171002|EXAMPLE-2|@family-1|RIPE
            notanumber|20171002|X|@family-1||RIPE
            64502|20171002|X||RIPE
            3356|20170128|LEVEL3|OTHER-ORG||ARIN
            """;

    @Test
    void load_autTable_siblingsShareOrg() throws IOException {
        AsGraph.Builder b = AsGraph.builder().providerCustomer(3356, 64500).providerCustomer(3549, 3356);
        LoadReport r = As2Org.load(new ByteArrayInputStream(AS2ORG.getBytes(StandardCharsets.UTF_8)), "as2org", b);
        AsGraph g = b.build();
        // 2 org lines + 5 good AS lines (one 5-field legacy line included).
        assertThat(r.records()).isEqualTo(7);
        assertThat(r.skipped()).isEqualTo(3);
        assertThat(r.problems()).extracting(LoadProblem::line).containsExactly(11L, 12L, 13L);
        assertThat(r.problems().get(2).reason()).contains("already in organisation 'LPL-141-ARIN'");
        assertThat(g.siblings(3356)).containsExactly(209, 3549);
        assertThat(g.organization(64501)).isEqualTo("@family-1");
        // A p2c label between siblings is overridden; unlinked siblings are siblings too.
        assertThat(g.relationship(3549, 3356)).isEqualTo(Relationship.SIBLING);
        assertThat(g.relationship(209, 3356)).isEqualTo(Relationship.SIBLING);
        assertThat(g.relationship(64500, 64501)).isEqualTo(Relationship.SIBLING);
        assertThat(g.relationship(3356, 64500)).isEqualTo(Relationship.CUSTOMER);
        assertThat(g.siblingLinkCount()).isEqualTo(1);
    }

    @Test
    void load_dataBeforeFormatLine_reported() throws IOException {
        LoadReport r = As2Org.load(
                new ByteArrayInputStream("1|x|y|ORG|z|ARIN\n".getBytes(StandardCharsets.UTF_8)),
                "x",
                AsGraph.builder());
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.problems().get(0).reason()).contains("before any '# format:' line");
    }
}
