/** Tests of {@code dev.routescope.detect}. */
@NullMarked
package dev.routescope.detect;

import org.jspecify.annotations.NullMarked;
