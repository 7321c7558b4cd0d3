/** Tests of the property runner and generators. */
@NullMarked
package dev.routescope.testsupport;

import org.jspecify.annotations.NullMarked;
