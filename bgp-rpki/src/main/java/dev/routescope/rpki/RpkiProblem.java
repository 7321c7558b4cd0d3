package dev.routescope.rpki;

/**
 * One bad entry that a reader skipped: where it was and why.
 *
 * <pre>{@code
 * data.problems().forEach(p -> log.warn("{}", p));
 * // vrps.json: line 12, column 5 (byte 407), roas[3]: maxLength 33 for 192.0.2.0/24 (expected: 24..32)
 * }</pre>
 *
 * @param source the file name or description given to the reader
 * @param line 1-based line, or -1 if unknown
 * @param column 1-based column, or -1 if unknown
 * @param byteOffset byte offset from the start of the (decompressed) text, or -1 if unknown
 * @param entry which entry, e.g. {@code roas[3]} or {@code line 12}
 * @param reason what was wrong
 * @since 0.1
 */
public record RpkiProblem(String source, long line, long column, long byteOffset, String entry, String reason) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(source);
        if (line >= 0) {
            sb.append(": line ").append(line);
            if (column >= 0) {
                sb.append(", column ").append(column);
            }
        }
        if (byteOffset >= 0) {
            sb.append(line >= 0 ? " (byte " : ": byte ").append(byteOffset).append(line >= 0 ? ")" : "");
        }
        return sb.append(", ").append(entry).append(": ").append(reason).toString();
    }
}
