/** Command-line tools of the archive module (not exported): {@link dev.routescope.mrt.archive.tools.ArchiveFetch}. */
@NullMarked
package dev.routescope.mrt.archive.tools;

import org.jspecify.annotations.NullMarked;
