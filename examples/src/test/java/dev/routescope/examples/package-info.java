@NullMarked
package dev.routescope.examples;

import org.jspecify.annotations.NullMarked;
