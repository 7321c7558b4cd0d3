package dev.routescope.relationships;

/**
 * How much a valley-free verdict rests on unknown links.
 *
 * <ul>
 *   <li>{@link #HIGH}: every link of the (deduplicated, route-server-free) path is known.
 *   <li>{@link #MEDIUM}: some links are unknown, but for a leak the links into and out of the leaker
 *       are both known (the leaker is identified exactly); for a valley-free path fewer than half of
 *       the links are unknown.
 *   <li>{@link #LOW}: for a leak, an unknown link lies between the evidence (the valley is certain but
 *       the leaker may be the AS before it); for a valley-free path at least half the links are
 *       unknown.
 * </ul>
 *
 * <pre>{@code
 * boolean alertNow = verdict.isLeak() && verdict.confidence() != Confidence.LOW;
 * }</pre>
 *
 * @since 0.1
 */
public enum Confidence {
    /** The verdict depends on an unknown link, or at least half the links are unknown. */
    LOW,
    /** Some links unknown, but not the ones the verdict rests on. */
    MEDIUM,
    /** All links known. */
    HIGH
}
