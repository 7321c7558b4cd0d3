@NullMarked
package dev.routescope.examples.cli;

import org.jspecify.annotations.NullMarked;
