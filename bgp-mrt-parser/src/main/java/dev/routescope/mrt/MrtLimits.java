package dev.routescope.mrt;

/**
 * Defensive limits of the MRT reader, in one immutable place. A violation is reported as an {@link MrtProblem} naming
 * the value, the limit and the setting.
 *
 * <pre>{@code
 * MrtLimits limits = MrtLimits.DEFAULT.withMaxRecordLength(64 << 20);
 * }</pre>
 *
 * @param maxRecordLength largest accepted MRT body length in bytes (default 16 MiB); the streaming window grows up to
 *     this size, so it also bounds memory per reader
 * @param maxResyncScan how many bytes the reader scans for a plausible header after garbage before it stops (default
 *     1 MiB)
 * @since 0.1
 */
public record MrtLimits(int maxRecordLength, int maxResyncScan) {
    /** 16 MiB records, 1 MiB resynchronisation scan. */
    public static final MrtLimits DEFAULT = new MrtLimits(16 << 20, 1 << 20);

    /**
     * Validates the limits.
     *
     * @throws IllegalArgumentException if a limit is out of range
     */
    public MrtLimits {
        if (maxRecordLength < 4096 || maxRecordLength > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException(
                    "maxRecordLength " + maxRecordLength + " (expected: 4096.." + (Integer.MAX_VALUE - 64) + ")");
        }
        if (maxResyncScan < 0) {
            throw new IllegalArgumentException("maxResyncScan " + maxResyncScan + " (expected: >= 0)");
        }
    }

    /**
     * A copy with another record length limit.
     *
     * @param bytes the new limit
     * @return the new limits
     */
    public MrtLimits withMaxRecordLength(int bytes) {
        return new MrtLimits(bytes, maxResyncScan);
    }

    /**
     * A copy with another resynchronisation scan limit.
     *
     * @param bytes the new limit, 0 to stop at the first implausible header
     * @return the new limits
     */
    public MrtLimits withMaxResyncScan(int bytes) {
        return new MrtLimits(maxRecordLength, bytes);
    }
}
