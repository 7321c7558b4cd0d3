package dev.routescope.mrt;

/**
 * One problem found in MRT input: where it is, what record it was in, and why it was skipped or repaired.
 *
 * <p>Problems are data, not exceptions: readers report them to an {@link MrtProblemListener}, count them in {@link
 * MrtStats} and keep going (or stop cleanly where the format offers no way to resynchronise).
 *
 * <pre>{@code
 * MrtReader reader = MrtReader.builder()
 *         .problemListener(p -> log.warn("{}", p))   // e.g. "updates.gz@1234 (BGP4MP/4): BAD_BGP_MARKER ..."
 *         .open(path);
 * }</pre>
 *
 * @param source file name or caller-supplied source name
 * @param offset byte offset in the decompressed MRT stream where the problem was detected
 * @param recordOffset byte offset of the enclosing record's header, or -1 outside any record
 * @param recordType MRT type of the enclosing record, or -1 if unknown
 * @param recordSubtype MRT subtype of the enclosing record, or -1 if unknown
 * @param kind what kind of problem
 * @param action what the reader did about it
 * @param detail human-readable reason with the offending values
 * @since 0.1
 */
public record MrtProblem(
        String source,
        long offset,
        long recordOffset,
        int recordType,
        int recordSubtype,
        Kind kind,
        Action action,
        String detail) {

    /** The kinds of problems the reader recognises. */
    public enum Kind {
        /** Fewer than 12 (16 for {@code _ET}) header bytes before the end of input. */
        TRUNCATED_HEADER,
        /** The record body ends before its declared length. */
        TRUNCATED_RECORD,
        /** A declared record length above {@link MrtLimits#maxRecordLength()}. */
        RECORD_TOO_LARGE,
        /** Bytes that do not form a plausible MRT header were skipped to find the next record. */
        GARBAGE_SKIPPED,
        /** A record type this reader does not decode (OSPF, IS-IS, deprecated types, unknown types). */
        UNSUPPORTED_TYPE,
        /** A subtype that is unknown or not decoded for its type. */
        UNSUPPORTED_SUBTYPE,
        /** A record body shorter than its fixed fields, or inconsistent with them. */
        MALFORMED_RECORD,
        /** A BGP message whose 16-byte marker is not all ones. */
        BAD_BGP_MARKER,
        /** A BGP message length outside 19..65535 or past the end of the record. */
        BAD_BGP_LENGTH,
        /** A BGP message type other than OPEN, UPDATE, NOTIFICATION, KEEPALIVE, ROUTE-REFRESH. */
        UNKNOWN_BGP_MESSAGE_TYPE,
        /** A TABLE_DUMP_V2 RIB record before any PEER_INDEX_TABLE. */
        MISSING_PEER_INDEX_TABLE,
        /** A RIB entry whose peer index is outside the PEER_INDEX_TABLE. */
        BAD_PEER_INDEX,
        /** A path attribute that is malformed (length, value or flags); see {@link Action}. */
        MALFORMED_ATTRIBUTE,
        /** A second occurrence of a path attribute (RFC 7606: the first one is kept). */
        DUPLICATE_ATTRIBUTE,
        /** An NLRI field that overruns its block or has a prefix length beyond the address size. */
        MALFORMED_NLRI,
        /** An MP_REACH/MP_UNREACH address family the decoder does not support; its prefixes are skipped. */
        UNSUPPORTED_ADDRESS_FAMILY,
        /** The compressed stream is corrupt or an I/O error occurred; reading stops. */
        INPUT_ERROR
    }

    /** What the reader did about a problem. */
    public enum Action {
        /** The offending record (or bytes) was skipped; reading continues with the next record. */
        SKIPPED,
        /** Reading stopped; nothing after this offset is decoded. */
        STOPPED,
        /** RFC 7606 treat-as-withdraw: the message's announcements are reported as withdrawals by {@code toEvent()}. */
        TREAT_AS_WITHDRAW,
        /** RFC 7606 attribute discard: the attribute is ignored, the rest of the message is kept. */
        ATTRIBUTE_DISCARDED,
        /** The element or field was dropped; the rest of the record is kept. */
        ELEMENT_DROPPED,
        /** Noted only; the data was decoded as far as possible. */
        NOTED
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(96).append(source).append('@').append(offset);
        if (recordType >= 0) {
            sb.append(" (").append(MrtTypes.typeName(recordType)).append('/').append(recordSubtype);
            if (recordOffset >= 0) {
                sb.append(", record at ").append(recordOffset);
            }
            sb.append(')');
        }
        return sb.append(": ")
                .append(kind)
                .append(", ")
                .append(action)
                .append(": ")
                .append(detail)
                .toString();
    }
}
