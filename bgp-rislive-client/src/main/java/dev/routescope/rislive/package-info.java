/**
 * RIS Live client API. Build a {@link dev.routescope.rislive.RisLiveClient} with one or more
 * {@link dev.routescope.rislive.RisSubscription}s, then consume {@link
 * dev.routescope.rislive.RisMessage}s as a {@link java.util.concurrent.Flow.Publisher}, through a
 * callback or with a blocking iterator; monitors on the per-message hot path take reused, allocation-free
 * {@link dev.routescope.rislive.RisMessageView}s through {@code startViews} instead and build events
 * only when they need them. {@link dev.routescope.rislive.RisMessageDecoder} decodes
 * single frames (for tools and benchmarks); {@link dev.routescope.rislive.RisRecorder} writes the
 * frames as NDJSON that the client replays offline.
 *
 * <pre>{@code
 * try (RisLiveClient client = RisLiveClient.builder()
 *         .clientName("my-monitor")
 *         .subscription(RisSubscription.builder().host("rrc21").type(RisMessageType.UPDATE).build())
 *         .build()) {
 *     client.messages().forEachRemaining(m -> m.events().forEach(System.out::println));
 * }
 * }</pre>
 */
@NullMarked
package dev.routescope.rislive;

import org.jspecify.annotations.NullMarked;
