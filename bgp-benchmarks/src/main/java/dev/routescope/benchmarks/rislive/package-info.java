/**
 * Benchmarks of bgp-rislive-client: RIS Live frame decoding against jackson-core tokenising the same
 * real (rrc12-derived) frames.
 */
@NullMarked
package dev.routescope.benchmarks.rislive;

import org.jspecify.annotations.NullMarked;
