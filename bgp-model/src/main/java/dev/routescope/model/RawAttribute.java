package dev.routescope.model;

import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * A path attribute kept as bytes because it is unknown or not modelled: flags, type code and value.
 *
 * <pre>{@code
 * RawAttribute a = RawAttribute.of(0xC0, 99, new byte[] {1, 2});
 * a.toString(); // "63:c0:0102" (bgpdump -u form: type, flags, value in hex)
 * }</pre>
 *
 * @since 0.1
 */
public final class RawAttribute {
    private final int flags;
    private final int type;
    private final byte[] value;

    private RawAttribute(int flags, int type, byte[] value) {
        this.flags = flags;
        this.type = type;
        this.value = value;
    }

    /**
     * An attribute; the value is copied.
     *
     * @param flags the flag byte, 0..255
     * @param type the type code, 0..255
     * @param value the attribute value
     * @return the attribute
     * @throws IllegalArgumentException if flags or type are not bytes
     */
    public static RawAttribute of(int flags, int type, byte[] value) {
        if (flags < 0 || flags > 255) {
            throw new IllegalArgumentException("attribute flags " + flags + " (expected: 0..255)");
        }
        if (type < 0 || type > 255) {
            throw new IllegalArgumentException("attribute type " + type + " (expected: 0..255)");
        }
        return new RawAttribute(flags, type, value.clone());
    }

    /** {@return the flag byte} */
    public int flags() {
        return flags;
    }

    /** {@return the type code} */
    public int type() {
        return type;
    }

    /** {@return a copy of the value bytes} */
    public byte[] value() {
        return value.clone();
    }

    /** {@return the value length in bytes} */
    public int length() {
        return value.length;
    }

    /** {@return true if the optional bit (0x80) is set} */
    public boolean isOptional() {
        return (flags & 0x80) != 0;
    }

    /** {@return true if the transitive bit (0x40) is set} */
    public boolean isTransitive() {
        return (flags & 0x40) != 0;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RawAttribute r && r.flags == flags && r.type == type && Arrays.equals(r.value, value);
    }

    @Override
    public int hashCode() {
        return (flags * 31 + type) * 31 + Arrays.hashCode(value);
    }

    /** {@return {@code TT:FF:HEX} in lower-case hex, as {@code bgpdump -u} prints it} */
    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits((byte) type) + ":" + hex.toHexDigits((byte) flags) + ":" + hex.formatHex(value);
    }
}
