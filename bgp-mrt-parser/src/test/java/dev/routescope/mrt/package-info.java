/** Tests of the MRT parser. */
@NullMarked
package dev.routescope.mrt;

import org.jspecify.annotations.NullMarked;
