/**
 * Benchmarks of {@code bgp-relationships}: CAIDA graph load time (ours vs a plain HashMap loader),
 * retained heap ({@link dev.routescope.benchmarks.relationships.AsGraphHeap}), and valley-free
 * checks per second on rrc12 paths (ours vs a boxed-map transcription of the pseudo-code).
 */
@NullMarked
package dev.routescope.benchmarks.relationships;

import org.jspecify.annotations.NullMarked;
