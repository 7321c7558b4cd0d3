/** Implementation of the archive module: path templates, HTTP transfer, cache files. Not exported. */
@NullMarked
package dev.routescope.mrt.archive.internal;

import org.jspecify.annotations.NullMarked;
