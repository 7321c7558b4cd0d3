@NullMarked
package dev.routescope.benchmarks.gate;

import org.jspecify.annotations.NullMarked;
