/**
 * Implementation details of {@code dev.routescope.relationships}: primitive hash tables, the line
 * reader and input decompression. Not exported; may change without notice.
 */
@NullMarked
package dev.routescope.relationships.internal;

import org.jspecify.annotations.NullMarked;
