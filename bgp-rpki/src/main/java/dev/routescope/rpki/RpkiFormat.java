package dev.routescope.rpki;

/**
 * Input formats of {@link RpkiReader}.
 *
 * <pre>{@code
 * RpkiReader.builder().format(RpkiFormat.CSV).build().read(in, "stdin");
 * }</pre>
 *
 * @since 0.1
 */
public enum RpkiFormat {
    /** Detect from the first non-blank character: an opening brace or bracket is JSON, anything else CSV. */
    AUTO,
    /**
     * JSON: rpki-client {@code -j} ({@code roas} with integer {@code asn}, {@code aspas} with {@code
     * customer_asid}), Routinator {@code json}/{@code jsonext} ({@code "AS123"} strings, {@code
     * customer}/{@code providers}), stayrtr/gortr, or a bare array of ROA objects.
     */
    JSON,
    /**
     * CSV with a header naming the columns (rpki-client {@code -c}, Routinator {@code csv}, {@code
     * csvcompat}, {@code csvext}, the RIPE daily archive, {@code asn,prefix,maxlen}), or without a
     * header in the order ASN, prefix, maxLength[, trust anchor[, expires]].
     */
    CSV
}
