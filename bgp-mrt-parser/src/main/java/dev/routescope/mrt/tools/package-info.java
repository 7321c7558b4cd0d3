/** Command-line tools ({@code MrtDump}); not exported, run with {@code java -cp}. */
@NullMarked
package dev.routescope.mrt.tools;

import org.jspecify.annotations.NullMarked;
