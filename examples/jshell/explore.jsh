// Routescope jshell kit: parse MRT files, validate routes, check AS paths.
//   ./mvnw -q -B -pl examples -am package -DskipTests
//   jshell --class-path examples/target/routescope.jar examples/jshell/explore.jsh
// Then try: head(sample(0), 3)   count(sample(0))   rov("1.1.1.0/24", 13335)   leak("29222 6939 3356 20473")
// Reference data: the real sets embedded in the jar (VRPs 2025-07-20, CAIDA links 2018-01-01), loaded on first use.

import dev.routescope.model.*;
import dev.routescope.mrt.*;
import dev.routescope.rpki.*;
import dev.routescope.relationships.*;
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;

/** The embedded RIS rrc04 update files (2021-01-01 04:55-05:25 UTC), copied to a temp dir; i = 0..5. */
Path sample(int i) throws Exception {
    String[] times = {"0455", "0500", "0505", "0510", "0515", "0520"};
    String name = "updates.20210101." + times[i] + ".gz";
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "routescope-samples");
    Files.createDirectories(dir);
    Path f = dir.resolve(name);
    if (!Files.exists(f)) {
        try (var in = MrtReader.class.getClassLoader().getResourceAsStream("samples/rrc04/" + name)) {
            Files.copy(Objects.requireNonNull(in, "sample not in the class path: use the shaded routescope.jar"), f);
        }
    }
    return f;
}

/** All route events of an MRT file (gz, bz2 or plain). */
List<RouteEvent> events(Path file) throws Exception {
    try (var r = MrtElementReader.open(file)) {
        return r.events().collect(Collectors.toList());
    }
}

/** Prints the first n events of a file, bgpdump -m style. */
void head(Path file, int n) throws Exception {
    try (var r = MrtElementReader.open(file)) {
        var f = new BgpdumpFormatter();
        var line = new StringBuilder();
        for (int i = 0; i < n && r.advance(); ) {
            line.setLength(0);
            if (f.format(r.element(), line)) {
                System.out.print(line);
                i++;
            }
        }
    }
}

/** Announcements, withdrawals and state changes of a file, and its decoding problems. */
String count(Path file) throws Exception {
    try (var r = MrtElementReader.open(file)) {
        while (r.advance()) { }
        var s = r.stats();
        return "announcements=" + s.announcements() + " withdrawals=" + s.withdrawals()
                + " states=" + s.stateChanges() + " problems=" + s.problems();
    }
}

VrpSnapshot vrps;

/** The embedded VRPs (723,521, rpki-client 2025-07-20), loaded once. */
VrpSnapshot vrps() throws Exception {
    if (vrps == null) {
        try (var in = MrtReader.class.getClassLoader().getResourceAsStream("samples/rpki/rpki-client-20250720T093135Z.csv.gz")) {
            vrps = RpkiReader.builder().build().read(in, "embedded VRPs").vrps();
        }
    }
    return vrps;
}

/** RFC 6811 validation with reason and VRPs. */
RovResult rov(String prefix, long originAsn) throws Exception {
    return vrps().validate(Prefix.parse(prefix), originAsn);
}

AsGraph graph;

/** The embedded CAIDA relationships (2018-01-01), loaded once. */
AsGraph graph() throws Exception {
    if (graph == null) {
        var b = AsGraph.builder();
        try (var in = MrtReader.class.getClassLoader().getResourceAsStream("samples/asrel/20180101.as-rel.txt.gz")) {
            CaidaAsRel.load(in, "embedded as-rel", b);
        }
        graph = b.build();
    }
    return graph;
}

/** Valley-free verdict of an AS path as received by a collector (leftmost = peer, rightmost = origin). */
LeakVerdict leak(String path) throws Exception {
    return ValleyFreeChecker.builder(graph()).build().verdict(AsPath.parse(path));
}

System.out.println("routescope kit: sample(i), events(path), head(path, n), count(path), rov(prefix, asn), leak(path), vrps(), graph()");
