/**
 * Implementation of the RPKI module: the compiled prefix table, sorting, text parsing and the
 * benchmark command line. Not exported; nothing here is API.
 */
@NullMarked
package dev.routescope.rpki.internal;

import org.jspecify.annotations.NullMarked;
