/**
 * The {@code routescope} command-line tool: {@link dev.routescope.examples.cli.Routescope} is the
 * entry point of {@code examples/target/routescope.jar}.
 */
@NullMarked
package dev.routescope.examples.cli;

import org.jspecify.annotations.NullMarked;
