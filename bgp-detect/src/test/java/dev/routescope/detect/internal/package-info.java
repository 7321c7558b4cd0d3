/** Tests of {@code dev.routescope.detect.internal}. */
@NullMarked
package dev.routescope.detect.internal;

import org.jspecify.annotations.NullMarked;
