package dev.routescope.rislive;

import java.time.Duration;
import java.time.Instant;

/**
 * A window of wall-clock time in which the client was not connected, so messages the collectors
 * produced in it may be missing. A monitor can backfill it from the RIS MRT archive (update files
 * covering {@code from - lag} to {@code to}); RIS Live lag is usually under a second.
 *
 * <pre>{@code
 * RisLiveClient.builder().listener(new RisLiveListener() {
 *     public void onGap(RisGap gap) {
 *         archive.backfill(gap.from().minusSeconds(60), gap.to());
 *     }
 * });
 * }</pre>
 *
 * @param from when the last frame before the loss arrived (or the lost connection opened, if none)
 * @param to when the new connection was open and re-subscribed
 * @param reason why the old connection ended
 * @since 0.1
 */
public record RisGap(Instant from, Instant to, String reason) {

    /** {@return the length of the window} */
    public Duration duration() {
        return Duration.between(from, to);
    }
}
