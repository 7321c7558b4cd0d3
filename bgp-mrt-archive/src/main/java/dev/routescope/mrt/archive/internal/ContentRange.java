package dev.routescope.mrt.archive.internal;

import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code Content-Range} header (RFC 9110 §14.4): {@code bytes first-last/total},
 * {@code bytes first-last/*} or, on 416, {@code bytes * /total}.
 *
 * @param first first byte position, or -1 for the unsatisfied form
 * @param last last byte position (inclusive), or -1 for the unsatisfied form
 * @param total complete length, or -1 if the server did not say
 */
public record ContentRange(long first, long last, long total) {

    /**
     * Parses a header value.
     *
     * @param value the header value
     * @return the range, or null if the value is malformed or inconsistent
     */
    public static @Nullable ContentRange parse(String value) {
        String v = value.strip();
        if (!v.regionMatches(true, 0, "bytes ", 0, 6)) {
            return null;
        }
        v = v.substring(6).strip();
        int slash = v.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String range = v.substring(0, slash).strip();
        String length = v.substring(slash + 1).strip();
        try {
            long total = length.equals("*") ? -1 : Long.parseLong(length);
            if (range.equals("*")) {
                return total < 0 ? null : new ContentRange(-1, -1, total);
            }
            int dash = range.indexOf('-');
            if (dash <= 0) {
                return null;
            }
            long first = Long.parseLong(range.substring(0, dash));
            long last = Long.parseLong(range.substring(dash + 1));
            if (first < 0 || last < first || (total >= 0 && last >= total)) {
                return null;
            }
            return new ContentRange(first, last, total);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
