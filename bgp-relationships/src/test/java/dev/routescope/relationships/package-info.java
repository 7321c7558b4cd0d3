/** Tests of the relationship graph, loaders, valley-free checker and inference. */
@NullMarked
package dev.routescope.relationships;

import org.jspecify.annotations.NullMarked;
