package dev.routescope.rislive;

import java.util.Locale;

/**
 * The {@code type} of a RIS Live {@code ris_message}, also the values of the {@code type}
 * subscription filter.
 *
 * <pre>{@code
 * RisSubscription s = RisSubscription.builder().type(RisMessageType.RIS_PEER_STATE).build();
 * RisMessageType.ofWire("STATE"); // RIS_PEER_STATE (the current name of the same thing)
 * }</pre>
 *
 * @since 0.1
 */
public enum RisMessageType {
    /** A BGP UPDATE: announcements and withdrawals. */
    UPDATE,
    /** A BGP OPEN (kept with its {@code raw} hex; not decoded into events). */
    OPEN,
    /** A BGP NOTIFICATION (kept with its {@code raw} hex; not decoded into events). */
    NOTIFICATION,
    /** A BGP KEEPALIVE. */
    KEEPALIVE,
    /** A change of the collector's session with the peer ({@code RIS_PEER_STATE} or {@code STATE}). */
    RIS_PEER_STATE,
    /** Missing or not one of the above; never a valid subscription filter. */
    UNKNOWN;

    /**
     * The type for a wire name, case-insensitively; {@code STATE} and {@code RIS_PEER_STATE} are the
     * same type (the feed renamed it).
     *
     * @param wire the {@code type} field of a {@code ris_message}
     * @return the type, {@link #UNKNOWN} for anything else
     */
    public static RisMessageType ofWire(String wire) {
        RisMessageType known = switch (wire) {
            case "UPDATE" -> UPDATE;
            case "KEEPALIVE" -> KEEPALIVE;
            case "STATE", "RIS_PEER_STATE" -> RIS_PEER_STATE;
            case "OPEN" -> OPEN;
            case "NOTIFICATION" -> NOTIFICATION;
            default -> UNKNOWN;
        };
        if (known != UNKNOWN) {
            return known;
        }
        String upper = wire.toUpperCase(Locale.ROOT);
        return upper.equals(wire) ? UNKNOWN : ofWire(upper);
    }
}
