/**
 * RIPE RIS Live client: {@link dev.routescope.rislive.RisLiveClient} subscribes over WebSocket (or
 * reads the firehose NDJSON stream, or replays a recording) and delivers {@link
 * dev.routescope.rislive.RisMessage}s carrying {@code bgp-model} route events.
 */
module dev.routescope.rislive {
    requires static org.jspecify;
    requires transitive dev.routescope.model;
    requires com.fasterxml.jackson.core;
    requires dev.routescope.mrt;
    requires io.netty.buffer;
    requires transitive java.net.http; // HttpClient appears in RisLiveClient.Builder#httpClient
    requires org.slf4j;

    exports dev.routescope.rislive;
    exports dev.routescope.rislive.tools;
}
