/**
 * Library examples to copy: {@link dev.routescope.examples.LibraryExample} (a pipeline in 30 lines)
 * and {@link dev.routescope.examples.LongAsPathDetector} (a custom detector registered through the
 * SPI).
 */
@NullMarked
package dev.routescope.examples;

import org.jspecify.annotations.NullMarked;
