/**
 * AS business relationships and route-leak checks.
 *
 * <p>Load CAIDA data into an {@link dev.routescope.relationships.AsGraph} with {@link
 * dev.routescope.relationships.CaidaAsRel} (and optionally {@link
 * dev.routescope.relationships.As2Org} for siblings), then check AS paths with a {@link
 * dev.routescope.relationships.ValleyFreeChecker}. Without CAIDA data, {@link
 * dev.routescope.relationships.RelationshipInference} derives a graph from observed paths.
 *
 * <p>Direction convention everywhere: an AS path is written as received, leftmost = the
 * collector's peer, rightmost = the origin; {@code relationship(a, b)} is the role of {@code b} as
 * seen from {@code a}.
 */
@NullMarked
package dev.routescope.relationships;

import org.jspecify.annotations.NullMarked;
