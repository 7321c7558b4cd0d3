package dev.routescope.mrt;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counters of one reader: what was read, decoded, skipped and why. Every skipped record and every {@link MrtProblem}
 * is counted here whether or not a listener is installed.
 *
 * <pre>{@code
 * MrtStats stats = reader.stats();
 * System.out.println(stats.records() + " records, " + stats.problems() + " problems");
 * }</pre>
 *
 * <p>Threading: updated by the reading thread only; read it from that thread or after the reader is closed.
 *
 * @since 0.1
 */
public final class MrtStats {
    private long records;
    private long bytes;
    private long skippedRecords;
    private long skippedBytes;
    private long bgpOpen;
    private long bgpUpdate;
    private long bgpNotification;
    private long bgpKeepalive;
    private long bgpRouteRefresh;
    private long announcements;
    private long withdrawals;
    private long ribEntries;
    private long stateChanges;
    private long problems;
    private final EnumMap<MrtProblem.Kind, long[]> problemsByKind = new EnumMap<>(MrtProblem.Kind.class);

    MrtStats() {}

    void record(int length) {
        records++;
        bytes += length;
    }

    void skippedRecord() {
        skippedRecords++;
    }

    void skippedBytes(long n) {
        skippedBytes += n;
    }

    void bgpMessage(int type) {
        switch (type) {
            case 1 -> bgpOpen++;
            case 2 -> bgpUpdate++;
            case 3 -> bgpNotification++;
            case 4 -> bgpKeepalive++;
            case 5 -> bgpRouteRefresh++;
            default -> {}
        }
    }

    void element(MrtElement.Kind kind) {
        switch (kind) {
            case ANNOUNCEMENT -> announcements++;
            case WITHDRAWAL -> withdrawals++;
            case RIB_ENTRY -> ribEntries++;
            case STATE_CHANGE -> stateChanges++;
        }
    }

    void problem(MrtProblem.Kind kind) {
        problems++;
        problemsByKind.computeIfAbsent(kind, k -> new long[1])[0]++;
    }

    /** {@return MRT records framed (including the ones later skipped)} */
    public long records() {
        return records;
    }

    /** {@return bytes of the decompressed MRT stream consumed by framed records, headers included} */
    public long bytes() {
        return bytes;
    }

    /** {@return records not decoded: unsupported types/subtypes or malformed bodies} */
    public long skippedRecords() {
        return skippedRecords;
    }

    /** {@return bytes skipped while resynchronising after garbage, plus truncated tails} */
    public long skippedBytes() {
        return skippedBytes;
    }

    /** {@return BGP OPEN messages seen in BGP4MP records} */
    public long bgpOpens() {
        return bgpOpen;
    }

    /** {@return BGP UPDATE messages seen} */
    public long bgpUpdates() {
        return bgpUpdate;
    }

    /** {@return BGP NOTIFICATION messages seen} */
    public long bgpNotifications() {
        return bgpNotification;
    }

    /** {@return BGP KEEPALIVE messages seen} */
    public long bgpKeepalives() {
        return bgpKeepalive;
    }

    /** {@return BGP ROUTE-REFRESH messages seen} */
    public long bgpRouteRefreshes() {
        return bgpRouteRefresh;
    }

    /** {@return announcement elements produced (element reader only)} */
    public long announcements() {
        return announcements;
    }

    /** {@return withdrawal elements produced (element reader only)} */
    public long withdrawals() {
        return withdrawals;
    }

    /** {@return RIB entry elements produced (element reader only)} */
    public long ribEntries() {
        return ribEntries;
    }

    /** {@return state change elements produced (element reader only)} */
    public long stateChanges() {
        return stateChanges;
    }

    /** {@return all elements produced} */
    public long elements() {
        return announcements + withdrawals + ribEntries + stateChanges;
    }

    /** {@return problems reported, all kinds} */
    public long problems() {
        return problems;
    }

    /**
     * Problems of one kind.
     *
     * @param kind the kind
     * @return how many were reported
     */
    public long problems(MrtProblem.Kind kind) {
        long[] n = problemsByKind.get(kind);
        return n == null ? 0 : n[0];
    }

    /** {@return the non-zero problem counts by kind} */
    public Map<MrtProblem.Kind, Long> problemsByKind() {
        Map<MrtProblem.Kind, Long> m = new EnumMap<>(MrtProblem.Kind.class);
        problemsByKind.forEach((k, n) -> m.put(k, n[0]));
        return m;
    }

    @Override
    public String toString() {
        return "records=" + records + " bytes=" + bytes + " skippedRecords=" + skippedRecords + " skippedBytes="
                + skippedBytes + " updates=" + bgpUpdate + " keepalives=" + bgpKeepalive + " opens=" + bgpOpen
                + " notifications=" + bgpNotification + " announcements=" + announcements + " withdrawals="
                + withdrawals + " ribEntries=" + ribEntries + " stateChanges=" + stateChanges + " problems="
                + problemsByKind();
    }
}
