package dev.routescope.relationships;

/**
 * How {@link ValleyFreeChecker} treats AS_SET (and AS_CONFED_SET) segments, whose members have no
 * order and so form no checkable links.
 *
 * <pre>{@code
 * ValleyFreeChecker.builder(graph).asSetPolicy(AsSetPolicy.UNDECIDABLE).build();
 * }</pre>
 *
 * @since 0.1
 */
public enum AsSetPolicy {
    /**
     * Default: the set is a gap; the links on either side of it count as unknown (lowering
     * confidence) and the rest of the path is checked.
     */
    UNKNOWN_LINKS,
    /** Any set makes the verdict {@link PathStatus#UNDECIDABLE}. */
    UNDECIDABLE
}
