/**
 * Benchmarks of bgp-mrt-archive: the k-way merge of many MRT files against reading them one after
 * another, and pushed-down element filters against filtering built events.
 */
@NullMarked
package dev.routescope.benchmarks.archive;

import org.jspecify.annotations.NullMarked;
