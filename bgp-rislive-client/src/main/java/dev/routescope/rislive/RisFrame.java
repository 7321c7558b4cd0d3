package dev.routescope.rislive;

import java.util.List;

/**
 * One decoded server-to-client frame of RIS Live: a {@link RisMessage} or one of the control frames
 * below. Decoding never throws on bad input: a frame that is not valid RIS Live becomes a {@link
 * Malformed} value.
 *
 * <pre>{@code
 * RisFrame frame = decoder.decode(text);
 * if (frame instanceof RisMessage m) {
 *     handle(m.events());
 * } else if (frame instanceof RisFrame.Malformed bad) {
 *     log.warn("skipped: {}", bad);
 * }
 * }</pre>
 *
 * @since 0.1
 */
public sealed interface RisFrame
        permits RisMessage,
                RisFrame.ServerError,
                RisFrame.SubscribeOk,
                RisFrame.CollectorList,
                RisFrame.Pong,
                RisFrame.Malformed {

    /**
     * A {@code ris_error} frame; the server may disconnect after it (e.g. a client too slow).
     *
     * @param message the server's text
     */
    record ServerError(String message) implements RisFrame {}

    /**
     * A {@code ris_subscribe_ok} frame (sent when {@code acknowledge} is set).
     *
     * @param subscriptionJson the acknowledged subscription, as the JSON text the server sent
     */
    record SubscribeOk(String subscriptionJson) implements RisFrame {}

    /**
     * A {@code ris_rrc_list} frame, the answer to {@link RisLiveClient#requestCollectorList()}.
     *
     * @param collectors the collector names as sent
     */
    record CollectorList(List<String> collectors) implements RisFrame {
        /** Copies the list. */
        public CollectorList {
            collectors = List.copyOf(collectors);
        }
    }

    /** A {@code pong} frame, the answer to a ping. */
    record Pong() implements RisFrame {}

    /**
     * A frame that could not be decoded; it was skipped.
     *
     * @param text the frame text (cut to {@value #MAX_TEXT} characters)
     * @param offset character offset in the frame where the problem was found, or -1
     * @param reason what was wrong
     */
    record Malformed(String text, long offset, String reason) implements RisFrame {
        /** The longest frame text kept in a report. */
        public static final int MAX_TEXT = 4096;

        /** Cuts the text to {@link #MAX_TEXT} characters. */
        public Malformed {
            if (text.length() > MAX_TEXT) {
                text = text.substring(0, MAX_TEXT) + "...(" + text.length() + " chars)";
            }
        }

        /** {@return {@code malformed RIS Live frame at offset N: reason: text}} */
        @Override
        public String toString() {
            return "malformed RIS Live frame at offset " + offset + ": " + reason + ": " + text;
        }
    }
}
