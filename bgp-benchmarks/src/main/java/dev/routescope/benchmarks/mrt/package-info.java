/** JMH benchmarks of the MRT parser over decompressed real rrc12 records held in memory. */
@NullMarked
package dev.routescope.benchmarks.mrt;

import org.jspecify.annotations.NullMarked;
