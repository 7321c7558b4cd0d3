/**
 * Internals of the RIS Live client: transports (WebSocket, firehose HTTP, NDJSON replay), the
 * bounded frame queue and the connection supervisor. Not exported.
 */
@NullMarked
package dev.routescope.rislive.internal;

import org.jspecify.annotations.NullMarked;
