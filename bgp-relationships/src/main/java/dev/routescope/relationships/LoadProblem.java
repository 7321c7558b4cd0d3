package dev.routescope.relationships;

/**
 * One skipped input line: where it was and why it was rejected.
 *
 * <pre>{@code
 * for (LoadProblem p : report.problems()) {
 *     log.warn("{}", p); // 20180101.as-rel.txt:1234 (byte 56789): rel code '2' (expected -1 or 0) in "1|2|2"
 * }
 * }</pre>
 *
 * @param source the file name or source label
 * @param line 1-based line number
 * @param byteOffset offset of the line's first byte in the decompressed input
 * @param reason what was wrong and what was expected
 * @param excerpt the start of the offending line
 * @since 0.1
 */
public record LoadProblem(String source, long line, long byteOffset, String reason, String excerpt) {
    @Override
    public String toString() {
        return source + ":" + line + " (byte " + byteOffset + "): " + reason + " in \"" + excerpt + "\"";
    }
}
