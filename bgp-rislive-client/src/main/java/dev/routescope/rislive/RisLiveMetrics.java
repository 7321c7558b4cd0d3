package dev.routescope.rislive;

import java.time.Duration;

/**
 * A snapshot of a client's counters. Counters only grow; every frame that arrives is counted once in
 * {@link #received()} and then ends up in exactly one of {@link #decoded()}, {@link #control()},
 * {@link #malformed()}, {@link #dropped()} or {@link #queued()}.
 *
 * <pre>{@code
 * RisLiveMetrics m = client.metrics();
 * log.info("{} msg, {} dropped, lag {}", m.decoded(), m.dropped(), m.lastLag());
 * }</pre>
 *
 * @param received frames received from the transport (including dropped and oversized ones)
 * @param decoded {@code ris_message} frames decoded and delivered
 * @param control control frames handled ({@code ris_error}, {@code ris_subscribe_ok}, {@code
 *     ris_rrc_list}, {@code pong})
 * @param malformed frames that could not be decoded, or were too long (reported to the listener)
 * @param dropped frames discarded by {@link OverflowPolicy#DROP_OLDEST}
 * @param queued frames received but not yet handled (in the queue or being decoded)
 * @param serverErrors {@code ris_error} frames among {@link #control()}
 * @param reconnects connections lost and re-opened
 * @param lastLag wall clock minus the collector timestamp of the last decoded message
 * @param maxLag the largest lag seen
 * @since 0.1
 */
public record RisLiveMetrics(
        long received,
        long decoded,
        long control,
        long malformed,
        long dropped,
        long queued,
        long serverErrors,
        long reconnects,
        Duration lastLag,
        Duration maxLag) {}
