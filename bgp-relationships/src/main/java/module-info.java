/**
 * AS relationships for Routescope: CAIDA as-rel (serial-1/serial-2), as2org siblings and IXP data
 * loaders, a compact {@link dev.routescope.relationships.AsGraph} with customer cones and Tier-1
 * clique, the valley-free route-leak {@link dev.routescope.relationships.ValleyFreeChecker} and
 * Gao-style {@link dev.routescope.relationships.RelationshipInference}.
 */
module dev.routescope.relationships {
    requires static org.jspecify;
    requires transitive dev.routescope.model;
    requires org.apache.commons.compress;
    requires com.fasterxml.jackson.core;

    exports dev.routescope.relationships;
}
