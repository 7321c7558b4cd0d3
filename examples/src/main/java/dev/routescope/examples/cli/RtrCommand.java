package dev.routescope.examples.cli;

import dev.routescope.model.AddressFamily;
import dev.routescope.rpki.VrpSnapshot;
import dev.routescope.rpki.rtr.RtrClient;
import dev.routescope.rpki.rtr.RtrStats;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code routescope rtr HOST:PORT}: connect to an RPKI-to-Router cache (RFC 6810/8210/8210bis),
 * synchronise once and print what it serves: protocol version, session id, serial, VRP and ASPA
 * counts, state and timings.
 */
@Command(
        name = "rtr",
        mixinStandardHelpOptions = true,
        description =
                "Connect to an RTR cache, synchronise and print VRP/ASPA counts, serial, session, version and state.")
final class RtrCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "HOST:PORT", description = "The RTR cache, e.g. 127.0.0.1:3323.")
    String endpoint = "";

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "PT30S",
            description = "How long to wait for the first complete data set (default: ${DEFAULT-VALUE}).")
    Duration timeout = Duration.ofSeconds(30);

    @Spec
    @Nullable
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RtrEndpoint cache = RtrEndpoint.parse(endpoint);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new CliException("--timeout must be positive");
        }
        PrintWriter out = Cli.out(spec);
        long start = System.nanoTime();
        try (RtrClient client = cache.connect(timeout)) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            VrpSnapshot vrps = client.vrps();
            RtrStats stats = client.stats();
            out.printf(Locale.ROOT, "cache       %s%n", cache);
            out.printf(Locale.ROOT, "state       %s after %,d ms%n", client.state(), millis);
            out.printf(Locale.ROOT, "version     %d%n", client.version());
            out.printf(Locale.ROOT, "session     %d%n", client.sessionId());
            out.printf(Locale.ROOT, "serial      %d%n", client.serial());
            out.printf(
                    Locale.ROOT,
                    "VRPs        %,d (IPv4 %,d, IPv6 %,d)%n",
                    client.vrpCount(),
                    vrps.size(AddressFamily.IPV4),
                    vrps.size(AddressFamily.IPV6));
            out.printf(Locale.ROOT, "ASPAs       %,d%n", client.aspaCount());
            out.printf(
                    Locale.ROOT,
                    "exchange    %,d PDUs received, %,d connect attempts, %,d reset and %,d serial queries%n",
                    stats.pdusReceived(),
                    stats.connectAttempts(),
                    stats.resetQueries(),
                    stats.serialQueries());
            out.flush();
        }
        return 0;
    }
}
