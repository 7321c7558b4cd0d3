package dev.routescope.relationships;

/**
 * One valley found in an AS path: the route went {@code from} → {@code leaker} → {@code to} (in
 * propagation order, i.e. right to left in the received path) and the leaker broke the export rules.
 *
 * <pre>{@code
 * // received path "174 64500 3356 15169": 3356 → 64500 → 174 with 64500 a customer of both
 * Leak leak = verdict.leaks().get(0);
 * leak.type();          // HAIRPIN
 * leak.leakerAsn();     // 64500
 * leak.leakerIndex();   // 1 (position in the received path, 0 = collector peer)
 * leak.fromAsn();       // 3356
 * leak.toAsn();         // 174
 * }</pre>
 *
 * @param type the RFC 7908 type
 * @param leakerAsn the AS that exported the route against the rules
 * @param leakerIndex the leaker's position in the received path (0 = leftmost, the collector peer;
 *     counted over all ASNs of all segments, prepends included; the leftmost copy of a prepended AS)
 * @param fromAsn the AS the leaker (or its sibling group) received the route from
 * @param toAsn the AS the leaker sent it to
 * @param confidence whether the links around the leaker were known
 * @since 0.1
 */
public record Leak(LeakType type, long leakerAsn, int leakerIndex, long fromAsn, long toAsn, Confidence confidence) {
    /** {@return the RFC 7908 type number, 1 to 4} */
    public int rfc7908Type() {
        return type.rfc7908Type();
    }

    @Override
    public String toString() {
        return "RFC 7908 type " + type.rfc7908Type() + " (" + type + ") by AS" + leakerAsn + " at index "
                + leakerIndex + ": AS" + fromAsn + " -> AS" + leakerAsn + " -> AS" + toAsn + ", confidence "
                + confidence;
    }
}
