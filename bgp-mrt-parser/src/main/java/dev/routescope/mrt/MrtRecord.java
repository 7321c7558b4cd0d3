package dev.routescope.mrt;

import io.netty.buffer.ByteBuf;

/**
 * A reusable view of the current MRT record of an {@link MrtReader}: header fields plus the body as a region of a
 * {@code ByteBuf}, without copying.
 *
 * <pre>{@code
 * while (reader.advance()) {
 *     MrtRecord r = reader.record();
 *     if (r.type() == MrtTypes.BGP4MP_ET) {
 *         long micros = r.microseconds();
 *     }
 *     ByteBuf buf = r.buffer();
 *     int firstBodyByte = buf.getUnsignedByte(r.bodyIndex());
 * }
 * }</pre>
 *
 * <p>Lifetime: valid until the next {@link MrtReader#advance()} or {@link MrtReader#close()}; the buffer may be reused.
 * Copy what you keep. Ownership: the reader owns the buffer; never release it.
 *
 * @since 0.1
 */
public final class MrtRecord {
    private ByteBuf buf = io.netty.buffer.Unpooled.EMPTY_BUFFER;
    private long offset;
    private long timestamp;
    private int microseconds;
    private int type;
    private int subtype;
    private int bodyIndex;
    private int bodyLength;

    MrtRecord() {}

    void set(ByteBuf buf, long offset, long timestamp, int micros, int type, int subtype, int bodyIndex, int bodyLen) {
        this.buf = buf;
        this.offset = offset;
        this.timestamp = timestamp;
        this.microseconds = micros;
        this.type = type;
        this.subtype = subtype;
        this.bodyIndex = bodyIndex;
        this.bodyLength = bodyLen;
    }

    /** {@return byte offset of this record's header in the decompressed stream} */
    public long offset() {
        return offset;
    }

    /** {@return header timestamp, unsigned seconds since the epoch (UTC)} */
    public long timestamp() {
        return timestamp;
    }

    /** {@return microseconds of {@code _ET} records (0..999999 if well-formed), else 0} */
    public int microseconds() {
        return microseconds;
    }

    /** {@return MRT type, see {@link MrtTypes}} */
    public int type() {
        return type;
    }

    /** {@return MRT subtype} */
    public int subtype() {
        return subtype;
    }

    /** {@return whether the header carries the microsecond field} */
    public boolean hasExtendedTimestamp() {
        return MrtTypes.isExtendedTimestamp(type);
    }

    /** {@return body length in bytes, excluding the microsecond field of {@code _ET} records} */
    public int bodyLength() {
        return bodyLength;
    }

    /** {@return index of the first body byte in {@link #buffer()}} */
    public int bodyIndex() {
        return bodyIndex;
    }

    /** {@return the buffer holding the body at {@link #bodyIndex()}; use absolute {@code get*} methods} */
    public ByteBuf buffer() {
        return buf;
    }

    /**
     * The body as a slice (allocates a small slice object; prefer {@link #buffer()} on hot paths). The slice shares
     * the reader's memory and reference count: do not release or retain it.
     *
     * @return a read-only slice of the body
     */
    public ByteBuf body() {
        return buf.slice(bodyIndex, bodyLength).asReadOnly();
    }

    @Override
    public String toString() {
        return MrtTypes.typeName(type) + "/" + subtype + " @" + offset + " t=" + timestamp + " len=" + bodyLength;
    }
}
