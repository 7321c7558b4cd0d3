/** Tests of {@code dev.routescope.detect.spi}. */
@NullMarked
package dev.routescope.detect.spi;

import org.jspecify.annotations.NullMarked;
