/** Benchmarks of the bgp-model value types (text parsing and formatting, containment). */
@NullMarked
package dev.routescope.benchmarks.model;

import org.jspecify.annotations.NullMarked;
