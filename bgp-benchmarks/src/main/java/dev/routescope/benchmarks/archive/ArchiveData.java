package dev.routescope.benchmarks.archive;

import dev.routescope.benchmarks.BenchmarkData;
import dev.routescope.mrt.archive.ArchiveFile;
import dev.routescope.mrt.archive.ArchiveLayout;
import dev.routescope.mrt.archive.MrtArchive;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Locates the shared RIS data and lists it as a local mirror (one directory per collector). */
final class ArchiveData {
    private ArchiveData() {}

    static final Instant H5 = Instant.parse("2021-01-01T05:00:00Z");

    static Path risRoot() {
        return BenchmarkData.shared("data/mrt/ris-2021-01-01");
    }

    /** The shared files in their flat per-collector directories, as a mirror with a custom layout. */
    static MrtArchive mirror() {
        ArchiveLayout flat = ArchiveLayout.builder()
                .updates("{collector}/updates.{YYYY}{MM}{DD}.{hh}{mm}.gz", Duration.ofMinutes(5))
                .build();
        return MrtArchive.localMirror(risRoot(), flat);
    }

    static List<ArchiveFile> files(List<String> collectors, Duration span) {
        List<ArchiveFile> files = mirror().listUpdates(collectors, H5, H5.plus(span));
        if (files.isEmpty()) {
            throw new IllegalStateException("no shared RIS files for " + collectors);
        }
        return files;
    }
}
