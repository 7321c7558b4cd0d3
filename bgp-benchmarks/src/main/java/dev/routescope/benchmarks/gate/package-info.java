/** The benchmark regression gate: {@link dev.routescope.benchmarks.gate.RegressionGate}. */
@NullMarked
package dev.routescope.benchmarks.gate;

import org.jspecify.annotations.NullMarked;
