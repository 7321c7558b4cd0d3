package dev.routescope.relationships;

/**
 * Outcome of a valley-free check.
 *
 * <pre>{@code
 * if (checker.check(path) == PathStatus.LEAK) { ... checker.leakerAsn() ... }
 * }</pre>
 *
 * @since 0.1
 */
public enum PathStatus {
    /**
     * No valley among the known links: uphill, at most one lateral hop, downhill. Unknown links are
     * not leaks; they lower {@link Confidence}.
     */
    VALLEY_FREE,
    /** At least one AS exported a peer or provider route to a peer or provider. */
    LEAK,
    /**
     * The path could not be judged: it holds an AS_SET under {@link AsSetPolicy#UNDECIDABLE}, or it
     * is longer than the checker's limit.
     */
    UNDECIDABLE
}
