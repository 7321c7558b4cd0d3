/**
 * Benchmarks of bgp-rpki: route origin validation throughput on realistic (rrc12) and random
 * queries, VRP loading, and the load/heap footprint test.
 */
@NullMarked
package dev.routescope.benchmarks.rpki;

import org.jspecify.annotations.NullMarked;
