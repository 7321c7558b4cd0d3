/** Whole-run measurements of the detection pipeline against MRT parsing alone, in the same JVM. */
@NullMarked
package dev.routescope.benchmarks.detect;

import org.jspecify.annotations.NullMarked;
