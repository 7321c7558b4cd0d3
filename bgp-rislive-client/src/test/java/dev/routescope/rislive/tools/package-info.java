@NullMarked
package dev.routescope.rislive.tools;

import org.jspecify.annotations.NullMarked;
