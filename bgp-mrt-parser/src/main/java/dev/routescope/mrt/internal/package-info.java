/** Implementation details of the MRT parser; not exported. */
@NullMarked
package dev.routescope.mrt.internal;

import org.jspecify.annotations.NullMarked;
