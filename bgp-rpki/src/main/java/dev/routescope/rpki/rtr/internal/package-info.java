/**
 * RTR wire format: PDU values and the strict codec. Not exported; nothing here is API.
 */
@NullMarked
package dev.routescope.rpki.rtr.internal;

import org.jspecify.annotations.NullMarked;
