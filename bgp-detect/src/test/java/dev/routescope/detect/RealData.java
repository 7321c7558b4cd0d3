package dev.routescope.detect;

import dev.routescope.relationships.AsGraph;
import dev.routescope.relationships.CaidaAsRel;
import dev.routescope.relationships.LoadReport;
import dev.routescope.rpki.RpkiReader;
import dev.routescope.rpki.Vrp;
import dev.routescope.rpki.VrpSnapshot;
import dev.routescope.testsupport.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Loaders of the shared real data sets used by the whole-run and injected-incident tests. */
final class RealData {
    /** When the 2017 ROA list was produced (its file name): 3 years 7 months before the rrc12 routes. */
    static final Instant ROAS_2017_TIME = Instant.parse("2017-06-01T17:20:44Z");

    private static volatile @Nullable VrpSnapshot roas2017;
    private static volatile @Nullable AsGraph caida2018;
    private static volatile @Nullable VrpSnapshot rpki2025;

    private RealData() {}

    /** {@return the 25 rrc12 update files of 2021-01-01 04:55-07:00, sorted} */
    static List<Path> rrc12Files() throws IOException {
        Path dir = SharedData.dir("mrt/ris-2021-01-01/rrc12");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("updates."))
                    .sorted()
                    .toList();
        }
    }

    /**
     * The rcynic-validated ROAs of 2017-06-01 (40,841 VRPs). The file is one ROA per line:
     * {@code signingTime ASN prefix[-maxLength] prefix[-maxLength] ...}; bgp-rpki reads rpki-client,
     * Routinator and CSV formats but not this one, hence this small reader.
     *
     * @return the snapshot
     */
    static synchronized VrpSnapshot roas2017() throws IOException {
        VrpSnapshot s = roas2017;
        if (s != null) {
            return s;
        }
        Path file = SharedData.file("rpki/compress_roas_authenticated-2017-06-01T17:20:44Z.txt");
        VrpSnapshot.Builder b = VrpSnapshot.builder();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String[] f = line.trim().split("\\s+");
                if (f.length < 3) {
                    throw new IOException(
                            file + " line " + lineNo + ": expected 'time ASN prefix...', got '" + line + "'");
                }
                long asn = Long.parseLong(f[1]);
                for (int i = 2; i < f.length; i++) {
                    String p = f[i];
                    int dash = p.indexOf('-');
                    String prefix = dash < 0 ? p : p.substring(0, dash);
                    int maxLength = dash < 0
                            ? Integer.parseInt(prefix.substring(prefix.indexOf('/') + 1))
                            : Integer.parseInt(p.substring(dash + 1));
                    b.add(Vrp.of(prefix, maxLength, asn));
                }
            }
        }
        s = b.build();
        roas2017 = s;
        return s;
    }

    /** {@return CAIDA's serial-1 relationships of 2018-01-01 (261,340 links, 60,006 ASes)} */
    static synchronized AsGraph caida2018() throws IOException {
        AsGraph g = caida2018;
        if (g != null) {
            return g;
        }
        AsGraph.Builder b = AsGraph.builder();
        LoadReport report = CaidaAsRel.load(SharedData.file("asrel/caida-serial-1/20180101.as-rel.txt"), b);
        if (report.skipped() > 0) {
            throw new IOException("CAIDA 2018 file had bad lines: " + report);
        }
        g = b.build();
        caida2018 = g;
        return g;
    }

    /** {@return the rpki-client snapshot of 2025-07-20 09:31 (723,521 VRPs), 4 years 6 months after the routes} */
    static synchronized VrpSnapshot rpki2025() throws IOException {
        VrpSnapshot s = rpki2025;
        if (s == null) {
            s = RpkiReader.read(SharedData.file("rpki/rpkiclient_summary_20250720T093135Z.json.bz2"))
                    .vrps();
            rpki2025 = s;
        }
        return s;
    }
}
