package dev.routescope.rpki.rtr.internal;

import dev.routescope.rpki.rtr.RtrClient;
import dev.routescope.rpki.rtr.RtrException;
import dev.routescope.rpki.rtr.RtrListener;
import dev.routescope.rpki.rtr.RtrSync;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Routescope command of {@code bgp-rpki/bench/rtr_sync_bench.sh}: connects to an RTR cache,
 * waits for the first complete sync and prints key=value lines like the harness's RTRlib client.
 * Not API.
 *
 * <pre>
 * java -cp ... dev.routescope.rpki.rtr.internal.RtrSyncBenchMain HOST PORT [MAX_VERSION]
 * </pre>
 */
public final class RtrSyncBenchMain {
    private RtrSyncBenchMain() {}

    /**
     * Runs one sync.
     *
     * @param args HOST PORT [MAX_VERSION]
     * @throws RtrException if the cache does not sync within 10 minutes
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws RtrException, InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: RtrSyncBenchMain HOST PORT [MAX_VERSION]");
            System.exit(2);
        }
        long start = System.nanoTime();
        AtomicReference<RtrSync> first = new AtomicReference<>();
        RtrClient.Builder b = RtrClient.builder()
                .host(args[0])
                .port(Integer.parseInt(args[1]))
                .responseTimeout(Duration.ofMinutes(2))
                .listener(new RtrListener() {
                    @Override
                    public void synced(RtrSync sync) {
                        first.compareAndSet(null, sync);
                    }
                });
        if (args.length > 2) {
            b.maxVersion(Integer.parseInt(args[2]));
        }
        try (RtrClient client = b.build()) {
            client.start();
            client.awaitSynced(Duration.ofMinutes(10));
            long total = System.nanoTime() - start;
            RtrSync s = first.get();
            System.out.println("impl=routescope");
            System.out.println("version=" + client.version());
            System.out.println("vrps=" + client.vrpCount());
            System.out.println("sync_ms=" + (s == null ? -1 : s.elapsed().toMillis()));
            System.out.println("main_to_synced_ms=" + total / 1_000_000);
        }
    }
}
