/** JMH benchmarks of the Routescope modules; one package per module. */
@NullMarked
package dev.routescope.benchmarks;

import org.jspecify.annotations.NullMarked;
