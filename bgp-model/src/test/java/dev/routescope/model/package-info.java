@NullMarked
package dev.routescope.model;

import org.jspecify.annotations.NullMarked;
