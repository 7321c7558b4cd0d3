/**
 * Immutable, validated BGP values. Every type has a static {@code of(...)} or {@code parse(...)}
 * factory that rejects bad input with a message naming the field, the value and the accepted range,
 * and a {@code toString()} in the usual text notation ({@code AS64500}, {@code 192.0.2.0/24}, {@code
 * 64500 64501 {64502,64503}}, {@code 65535:666}).
 *
 * <pre>{@code
 * Prefix p = Prefix.parse("2001:db8::/32");
 * AsPath path = AsPath.parse("64500 64501 64501 {64502,64503}");
 * Asn origin = path.origin().orElseThrow();   // throws: the origin is an AS_SET
 * }</pre>
 */
@NullMarked
package dev.routescope.model;

import org.jspecify.annotations.NullMarked;
