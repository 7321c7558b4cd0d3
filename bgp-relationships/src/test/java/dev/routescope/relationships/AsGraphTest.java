package dev.routescope.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AsGraphTest {
    private final AsGraph graph = ValleyFreeCheckerTest.graph();

    @Test
    void relationship_isRoleOfSecondSeenFromFirst_andInverseFromOtherSide() {
        assertThat(graph.relationship(100, 10)).isEqualTo(Relationship.CUSTOMER);
        assertThat(graph.relationship(10, 100)).isEqualTo(Relationship.PROVIDER);
        assertThat(graph.relationship(10, 20)).isEqualTo(Relationship.PEER);
        assertThat(graph.relationship(20, 10)).isEqualTo(Relationship.PEER);
        assertThat(graph.relationship(10, 10)).isEqualTo(Relationship.UNKNOWN);
        assertThat(graph.relationship(10, 3)).isEqualTo(Relationship.UNKNOWN);
        for (long a : graph.asns()) {
            for (long b : graph.asns()) {
                assertThat(graph.relationship(b, a))
                        .isEqualTo(graph.relationship(a, b).inverse());
            }
        }
    }

    @Test
    void neighbours_splitByRoleAndSorted() {
        assertThat(graph.providers(1)).containsExactly(10, 20);
        assertThat(graph.customers(10)).containsExactly(1, 2, 41);
        assertThat(graph.peers(10)).containsExactly(20, 30);
        assertThat(graph.providers(100)).isEmpty();
        assertThat(graph.providers(424242)).isEmpty();
        assertThat(graph.degree(10)).isEqualTo(6);
        assertThat(graph.siblings(40)).containsExactly(41);
        assertThat(graph.siblings(10)).isEmpty();
    }

    @Test
    void counts_matchTheLinksAdded() {
        assertThat(graph.asCount()).isEqualTo(13);
        assertThat(graph.linkCount()).isEqualTo(13);
        assertThat(graph.peerLinkCount()).isEqualTo(3);
        assertThat(graph.providerCustomerLinkCount()).isEqualTo(10);
        assertThat(graph.toString()).contains("13 ASes", "13 links");
    }

    @Test
    void customerCone_followsProviderToCustomerLinksOnly() {
        // 100 -> 10 -> {1, 2, 41} and 100 -> 5; peers 20/30 and their customers are not in it.
        assertThat(graph.customerCone(100)).containsExactly(1, 2, 5, 10, 41, 100);
        assertThat(graph.customerConeSize(100)).isEqualTo(6);
        assertThat(graph.inCustomerCone(100, 41)).isTrue();
        assertThat(graph.inCustomerCone(100, 3)).isFalse();
        assertThat(graph.inCustomerCone(2, 2)).isTrue();
        assertThat(graph.customerConeSize(2)).isEqualTo(1);
        assertThat(graph.customerConeSize(999_999)).isZero();
        // cached result is the same
        assertThat(graph.customerConeSize(100)).isEqualTo(6);
    }

    @Test
    void customerCone_cycleInBadData_terminates() {
        AsGraph cyclic = AsGraph.builder()
                .providerCustomer(1, 2)
                .providerCustomer(2, 3)
                .providerCustomer(3, 1)
                .build();
        assertThat(cyclic.customerConeSize(1)).isEqualTo(3);
    }

    @Test
    void clique_detectedWhenNotGiven() {
        // 100 and 200 are provider-free, peer, and have the most customers; 30 has no customers.
        AsGraph detected = ValleyFreeCheckerTest.topology().build();
        assertThat(detected.clique()).containsExactly(100, 200);
        assertThat(AsGraph.builder()
                        .peers(1, 2)
                        .peers(2, 3)
                        .providerCustomer(1, 10)
                        .providerCustomer(1, 14)
                        .providerCustomer(2, 11)
                        .providerCustomer(2, 12)
                        .providerCustomer(3, 13)
                        .build() // 2 (2 customers) and 1 (2) peer; 3 (1 customer) does not peer with 1
                        .clique())
                .containsExactly(1, 2);
    }

    @Test
    void builder_misuse_clearErrors() {
        AsGraph.Builder b = AsGraph.builder().clique(1, 2);
        assertThatThrownBy(() -> b.clique(3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[1, 2]");
        assertThatThrownBy(() -> b.peers(5, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("self-loop");
        assertThatThrownBy(() -> b.providerCustomer(-1, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ASN -1 out of range");
        assertThatThrownBy(() -> b.link(1, 2, Relationship.UNKNOWN)).isInstanceOf(IllegalArgumentException.class);
        b.providerCustomer(1, 2).peers(2, 1).providerCustomer(1, 2);
        assertThat(b.conflicts()).isEqualTo(1);
        assertThat(b.duplicates()).isEqualTo(1);
        b.build();
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void relationship_asnsAbove2pow31_work() {
        AsGraph g = AsGraph.builder()
                .providerCustomer(4_294_967_294L, 4_200_000_000L)
                .build();
        assertThat(g.relationship(4_294_967_294L, 4_200_000_000L)).isEqualTo(Relationship.CUSTOMER);
        assertThat(g.relationship(4_200_000_000L, 4_294_967_294L)).isEqualTo(Relationship.PROVIDER);
    }
}
