/**
 * Tools around RIS Live data: {@link dev.routescope.rislive.tools.MrtToRisLive} converts MRT updates
 * files into the {@code ris_message} NDJSON that RIS Live would have sent for the same BGP messages
 * (test traffic, load runs, replays of archived incidents through a live-stream monitor).
 */
@NullMarked
package dev.routescope.rislive.tools;

import org.jspecify.annotations.NullMarked;
