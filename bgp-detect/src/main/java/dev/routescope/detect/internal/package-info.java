/** Implementation of the built-in detectors, routing state, JSON and syslog encoding. Not API. */
@NullMarked
package dev.routescope.detect.internal;

import org.jspecify.annotations.NullMarked;
