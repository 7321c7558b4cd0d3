package dev.routescope.detect.internal;

import dev.routescope.model.AddressFamily;
import dev.routescope.model.Prefix;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A prefix-keyed map answering "most specific entry covering P" with one hash probe per prefix
 * length that is actually present (tracked in a bit mask per family), so a table of a few
 * configured lengths costs a few probes, not 33 or 129. Not thread-safe for writes; safe to read
 * concurrently once no longer written (publish it through a final or volatile field).
 */
public final class PrefixMap<V> {
    private final Map<Prefix, V> map = new HashMap<>();
    // Bit i set = some IPv4 key has length i (33 bits), IPv6 lengths 0..127 in v6Low/v6High, 128 separately.
    private long v4Lengths;
    private long v6LengthsLow;
    private long v6LengthsHigh;
    private boolean v6Has128;

    /**
     * Adds or replaces an entry.
     *
     * @param prefix the key
     * @param value the value
     * @return the previous value, or null
     */
    public @Nullable V put(Prefix prefix, V value) {
        int len = prefix.length();
        if (prefix.family() == AddressFamily.IPV4) {
            v4Lengths |= 1L << len;
        } else if (len < 64) {
            v6LengthsLow |= 1L << len;
        } else if (len < 128) {
            v6LengthsHigh |= 1L << (len - 64);
        } else {
            v6Has128 = true;
        }
        return map.put(prefix, value);
    }

    /**
     * The exact entry.
     *
     * @param prefix the key
     * @return the value or null
     */
    public @Nullable V get(Prefix prefix) {
        return map.get(prefix);
    }

    /**
     * Removes an entry. The per-length masks are left as they are (a superset is still correct; it
     * only costs a probe for a length that may no longer be present).
     *
     * @param prefix the key
     * @return the removed value, or null
     */
    public @Nullable V remove(Prefix prefix) {
        return map.remove(prefix);
    }

    /** {@return the number of entries} */
    public int size() {
        return map.size();
    }

    /** {@return a read-only view of the entries} */
    public Map<Prefix, V> asMap() {
        return java.util.Collections.unmodifiableMap(map);
    }

    private boolean hasLength(AddressFamily family, int len) {
        if (family == AddressFamily.IPV4) {
            return (v4Lengths & (1L << len)) != 0;
        }
        if (len < 64) {
            return (v6LengthsLow & (1L << len)) != 0;
        }
        return len < 128 ? (v6LengthsHigh & (1L << (len - 64))) != 0 : v6Has128;
    }

    /**
     * The key of the most specific entry covering {@code prefix}.
     *
     * @param prefix the prefix to look up
     * @param includeSelf whether an exact entry counts (false: strictly less specific only)
     * @return the covering key, or null
     */
    public @Nullable Prefix coveringKey(Prefix prefix, boolean includeSelf) {
        int start = includeSelf ? prefix.length() : prefix.length() - 1;
        for (int len = start; len >= 0; len--) {
            if (!hasLength(prefix.family(), len)) {
                continue;
            }
            Prefix candidate = len == prefix.length() ? prefix : prefix.supernet(len);
            if (map.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * The value of the most specific entry covering {@code prefix}.
     *
     * @param prefix the prefix to look up
     * @param includeSelf whether an exact entry counts
     * @return the value or null
     */
    public @Nullable V covering(Prefix prefix, boolean includeSelf) {
        Prefix key = coveringKey(prefix, includeSelf);
        return key == null ? null : map.get(key);
    }
}
