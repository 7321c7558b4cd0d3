/** Tests of dev.routescope.rpki.rtr. */
@NullMarked
package dev.routescope.rpki.rtr;

import org.jspecify.annotations.NullMarked;
