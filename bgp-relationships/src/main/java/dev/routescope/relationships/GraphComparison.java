package dev.routescope.relationships;

/**
 * Agreement between two relationship graphs over the links they share, e.g. an {@link
 * RelationshipInference inferred} graph against CAIDA, or two CAIDA snapshots.
 *
 * <pre>{@code
 * GraphComparison c = GraphComparison.compare(inferred, caida);
 * System.out.printf("%.1f%% of %d shared links agree%n", 100 * c.agreement(), c.sharedLinks());
 * }</pre>
 *
 * @param candidateLinks links in the candidate graph
 * @param referenceLinks links in the reference graph
 * @param sharedLinks links (AS pairs) present in both
 * @param agreeing shared links with the same label and, for p2c, the same direction
 * @param referenceProviderCustomer shared links the reference labels p2c
 * @param agreeingProviderCustomer of those, labelled p2c in the same direction by the candidate
 * @param reversedProviderCustomer of those, labelled p2c in the opposite direction
 * @param referencePeer shared links the reference labels p2p
 * @param agreeingPeer of those, labelled p2p by the candidate
 * @since 0.1
 */
public record GraphComparison(
        long candidateLinks,
        long referenceLinks,
        long sharedLinks,
        long agreeing,
        long referenceProviderCustomer,
        long agreeingProviderCustomer,
        long reversedProviderCustomer,
        long referencePeer,
        long agreeingPeer) {

    /**
     * Compares two graphs link by link.
     *
     * @param candidate the graph under evaluation
     * @param reference the graph taken as truth
     * @return the counts
     */
    public static GraphComparison compare(AsGraph candidate, AsGraph reference) {
        long[] c = new long[7];
        candidate.forEachLink((a, b, role) -> {
            Relationship truth = reference.relationship(a, b);
            if (truth == Relationship.UNKNOWN) {
                return;
            }
            c[0]++;
            if (truth == role) {
                c[1]++;
            }
            if (truth == Relationship.CUSTOMER || truth == Relationship.PROVIDER) {
                c[2]++;
                if (truth == role) {
                    c[3]++;
                } else if (truth.inverse() == role) {
                    c[4]++;
                }
            } else if (truth == Relationship.PEER) {
                c[5]++;
                if (role == Relationship.PEER) {
                    c[6]++;
                }
            }
        });
        return new GraphComparison(
                candidate.linkCount(), reference.linkCount(), c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
    }

    /** {@return the fraction of shared links with the same label, 0 when none are shared} */
    public double agreement() {
        return sharedLinks == 0 ? 0 : (double) agreeing / sharedLinks;
    }

    /** {@return the fraction of the reference's p2c shared links the candidate labels identically} */
    public double providerCustomerAgreement() {
        return referenceProviderCustomer == 0 ? 0 : (double) agreeingProviderCustomer / referenceProviderCustomer;
    }

    /** {@return the fraction of the reference's p2p shared links the candidate labels p2p} */
    public double peerAgreement() {
        return referencePeer == 0 ? 0 : (double) agreeingPeer / referencePeer;
    }

    /** {@return the fraction of candidate links that the reference also has} */
    public double coverage() {
        return candidateLinks == 0 ? 0 : (double) sharedLinks / candidateLinks;
    }

    @Override
    public String toString() {
        return String.format(
                java.util.Locale.ROOT,
                "shared %d of %d candidate links (%.1f%%); agreement %.1f%% (p2c %.1f%% of %d, %d reversed; p2p %.1f%% of %d)",
                sharedLinks,
                candidateLinks,
                100 * coverage(),
                100 * agreement(),
                100 * providerCustomerAgreement(),
                referenceProviderCustomer,
                reversedProviderCustomer,
                100 * peerAgreement(),
                referencePeer);
    }
}
