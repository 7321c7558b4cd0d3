package dev.routescope.relationships;

import java.util.List;
import java.util.Optional;

/**
 * The full result of one valley-free check, as a value that may be kept; see {@link
 * ValleyFreeChecker#verdict(dev.routescope.model.AsPath)}.
 *
 * <pre>{@code
 * LeakVerdict v = checker.verdict(AsPath.parse("174 64500 3356 15169"));
 * if (v.isLeak()) {
 *     Leak first = v.leaks().get(0);   // closest to the origin
 *     System.out.println(first);       // RFC 7908 type 1 (HAIRPIN) by AS64500 at index 1 ...
 * }
 * }</pre>
 *
 * @param status valley-free, leak or undecidable
 * @param confidence for a leak the first leak's confidence, else as defined in {@link Confidence}
 * @param leaks the valleys in propagation order (first = closest to the origin); empty unless {@code
 *     LEAK}
 * @param linkCount links checked (adjacent distinct ASes after removing prepends and route servers)
 * @param unknownLinkCount links with no known relationship (including links across an AS_SET)
 * @since 0.1
 */
public record LeakVerdict(
        PathStatus status, Confidence confidence, List<Leak> leaks, int linkCount, int unknownLinkCount) {
    /** Copies {@code leaks}. */
    public LeakVerdict {
        leaks = List.copyOf(leaks);
    }

    /** {@return true if the status is {@link PathStatus#LEAK}} */
    public boolean isLeak() {
        return status == PathStatus.LEAK;
    }

    /** {@return the leak closest to the origin, if any} */
    public Optional<Leak> firstLeak() {
        return leaks.isEmpty() ? Optional.empty() : Optional.of(leaks.get(0));
    }
}
