/**
 * MRT records and BGP UPDATE messages as reusable views over Netty {@code ByteBuf}s.
 *
 * <p>Start with {@link dev.routescope.mrt.MrtReader#open(java.nio.file.Path)} for records, or {@link
 * dev.routescope.mrt.MrtElementReader} for one element per prefix (like one {@code bgpdump -m} line). Malformed input
 * is reported as {@link dev.routescope.mrt.MrtProblem}s and counted in {@link dev.routescope.mrt.MrtStats}; it never
 * throws.
 */
@NullMarked
package dev.routescope.mrt;

import org.jspecify.annotations.NullMarked;
