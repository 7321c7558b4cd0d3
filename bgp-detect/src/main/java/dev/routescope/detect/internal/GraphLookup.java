package dev.routescope.detect.internal;

import dev.routescope.detect.spi.Relationship;
import dev.routescope.detect.spi.RelationshipLookup;
import dev.routescope.relationships.AsGraph;
import java.util.Arrays;

/**
 * {@code bgp-relationships}' graph behind the detector seam: CAIDA links, siblings from as2org
 * (the graph answers SIBLING for two ASes of one organisation) and IXP route servers, which the
 * valley-free check treats as transparent.
 */
public final class GraphLookup implements RelationshipLookup {
    private final AsGraph graph;
    private final long[] routeServers;

    /**
     * Wraps a graph.
     *
     * @param graph the graph
     * @param extraRouteServers route-server ASNs to add to the graph's own (e.g. from an IXP
     *     dataset)
     */
    public GraphLookup(AsGraph graph, long[] extraRouteServers) {
        this.graph = graph;
        long[] own = graph.routeServers();
        long[] all = Arrays.copyOf(own, own.length + extraRouteServers.length);
        System.arraycopy(extraRouteServers, 0, all, own.length, extraRouteServers.length);
        this.routeServers = Arrays.stream(all).sorted().distinct().toArray();
    }

    /** {@return the wrapped graph} */
    public AsGraph graph() {
        return graph;
    }

    @Override
    public Relationship relationship(long from, long to) {
        return switch (graph.relationship(from, to)) {
            case CUSTOMER -> Relationship.CUSTOMER;
            case PROVIDER -> Relationship.PROVIDER;
            case PEER -> Relationship.PEER;
            case SIBLING -> Relationship.SIBLING;
            case UNKNOWN -> Relationship.UNKNOWN;
        };
    }

    @Override
    public boolean isRouteServer(long asn) {
        return routeServers.length > 0 && Arrays.binarySearch(routeServers, asn) >= 0;
    }

    @Override
    public String toString() {
        return "AsGraph[" + graph + ", " + routeServers.length + " route servers]";
    }
}
