package dev.routescope.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The real sample data embedded in the jar (see {@code samples/PROVENANCE.md}): 30 minutes of RIPE
 * RIS rrc04 updates from 2021-01-01.
 */
final class Samples {
    /** Resource names of the embedded MRT update files, in time order. */
    static final List<String> RRC04_UPDATES = List.of(
            "samples/rrc04/updates.20210101.0455.gz",
            "samples/rrc04/updates.20210101.0500.gz",
            "samples/rrc04/updates.20210101.0505.gz",
            "samples/rrc04/updates.20210101.0510.gz",
            "samples/rrc04/updates.20210101.0515.gz",
            "samples/rrc04/updates.20210101.0520.gz");

    private Samples() {}

    static InputStream open(String resource) throws IOException {
        InputStream in = Samples.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("embedded sample " + resource + " is missing from the jar");
        }
        return in;
    }
}
