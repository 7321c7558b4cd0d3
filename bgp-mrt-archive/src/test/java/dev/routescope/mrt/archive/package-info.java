/**
 * Tests of the archive module against a loopback HTTP archive serving the real files of
 * {@code shared/data/mrt}; see {@code LoopbackArchiveServer}.
 */
@NullMarked
package dev.routescope.mrt.archive;

import org.jspecify.annotations.NullMarked;
