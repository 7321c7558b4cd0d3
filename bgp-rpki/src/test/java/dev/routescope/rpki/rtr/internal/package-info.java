/** Tests of dev.routescope.rpki.rtr.internal. */
@NullMarked
package dev.routescope.rpki.rtr.internal;

import org.jspecify.annotations.NullMarked;
