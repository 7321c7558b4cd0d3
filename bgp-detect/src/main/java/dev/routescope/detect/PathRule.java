package dev.routescope.detect;

import dev.routescope.model.AsPath;
import dev.routescope.model.AsPathSegment;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A BGPalerter {@code path} rule: regular expressions over the path text {@code a,b,c} (AS_SET
 * members flattened in place) and length bounds. Fields of one rule are AND-ed; rules of a prefix
 * are OR-ed. Unlike BGPalerter, {@code minLength} is honoured (BGPalerter tests {@code maxLength}
 * twice).
 *
 * <pre>{@code
 * PathRule r = new PathRule(Pattern.compile(".*2194,1234$"), null, "scrubbing centre", 0, 0);
 * r.matches(AsPath.parse("3333 2194 1234")); // true
 * }</pre>
 *
 * @param match the path must match (find) this, or null
 * @param notMatch the path must not match this, or null
 * @param description {@code matchDescription}, shown in alerts and part of the incident key
 * @param maxLength alert when the path has more ASNs than this (0 = no bound)
 * @param minLength alert when the path has fewer ASNs than this (0 = no bound)
 * @since 0.1
 */
public record PathRule(
        @Nullable Pattern match, @Nullable Pattern notMatch, String description, int maxLength, int minLength) {

    /**
     * Validates that the rule tests something.
     *
     * @throws IllegalArgumentException if no field is set or a bound is negative
     */
    public PathRule {
        if (maxLength < 0 || minLength < 0) {
            throw new IllegalArgumentException(
                    "path rule '" + description + "': negative length bound (expected: >= 0)");
        }
        if (match == null && notMatch == null && maxLength == 0 && minLength == 0) {
            throw new IllegalArgumentException(
                    "path rule '" + description + "' has none of match, notMatch, maxLength, minLength");
        }
    }

    /**
     * The BGPalerter path text: ASNs comma-separated, sets flattened.
     *
     * @param path the path
     * @return e.g. {@code 3333,2194,1234}
     */
    public static String pathText(AsPath path) {
        StringBuilder sb = new StringBuilder(path.asnCount() * 6);
        for (int s = 0; s < path.segmentCount(); s++) {
            AsPathSegment seg = path.segment(s);
            for (int i = 0; i < seg.size(); i++) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(seg.asn(i));
            }
        }
        return sb.toString();
    }

    /**
     * Whether the rule fires for a path: every set regex condition holds and, when bounds are set,
     * the number of ASNs is outside them.
     *
     * @param path the announced path
     * @return true if the rule fires
     */
    public boolean matches(AsPath path) {
        String text = pathText(path);
        if (match != null && !match.matcher(text).find()) {
            return false;
        }
        if (notMatch != null && notMatch.matcher(text).find()) {
            return false;
        }
        if (maxLength > 0 || minLength > 0) {
            int n = path.asnCount();
            return (maxLength > 0 && n > maxLength) || (minLength > 0 && n < minLength);
        }
        return true;
    }
}
