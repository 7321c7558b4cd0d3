package dev.routescope.mrt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.mrt.internal.Inputs;
import dev.routescope.testsupport.PropertyCheck;
import dev.routescope.testsupport.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutation tests over real records from many writers and record types: BGP4MP AS2 and AS4 updates (IPv4, IPv6, rrc12
 * 2021), BGP4MP_ET, TABLE_DUMP v1, TABLE_DUMP_V2 (incl. ADD-PATH and RIB_GENERIC-era writers), legacy BGP, and the
 * deliberately broken files (garbage lengths, truncated tails, undeclared ADD-PATH). Bytes are flipped, overwritten,
 * truncated and spliced; whatever happens, {@link MrtInvariants} hold.
 */
class MrtMutationRobustnessTest {
    private static final String[] SOURCES = {
        "mrt/bgpdump/updates.20160811.1600.gz",
        "mrt/bgpdump/updates.20020722.2238.gz",
        "mrt/bgpdump/updates.et-header.2015.gz",
        "mrt/bgpdump/updates.long_withdrawal.gz",
        "mrt/bgpdump/bview.20020722.2337.gz",
        "mrt/bgpdump/bview.ipv4_unicast_add_path.gz",
        "mrt/bgpdump/bview.ipv6_unicast_add_path.gz",
        "mrt/bgpdump/bview.64k_stream_overflow.gz",
        "mrt/bgpkit/rrc00_1999.12_updates.19991214.1621.gz",
        "mrt/bgpkit/rrc15_2010.02_updates.20100227.1600.gz",
        "mrt/bgpstream/routeviews.route-views.jinx.updates.1427846400.bz2",
        "mrt/gobgpdump/collector2_2017.02_arch3",
        "mrt/mrtparse/bird6-mrtdump_rib",
        "mrt/mrtparse/openbgpd_rib_table-mp",
        "mrt/mrtparse/openbgpd_rib_table-v2",
        "mrt/mrtparse/quagga_bgp",
        "mrt/ris-2021-01-01/rrc12/updates.20210101.0455.gz",
    };
    /** Files that are broken as published: their raw bytes (garbage and truncated tails included) are mutated too. */
    private static final String[] BROKEN = {
        "mrt/bgpkit/rrc00_2000.03_updates.20000325.0345.gz",
        "mrt/bgpkit/rrc00_2000.01_bview.20000111.0032.gz",
        "mrt/mrtparse/bird_bgp",
        "mrt/mrtparse/bird6_bgp",
        "mrt/bgpdump/updates.nlri_mask_trailing_bits.gz",
    };

    private static final int PER_SOURCE = 400;
    private static final int RAW_CHUNK = 2048;
    private static final int MAX_SAMPLE_BODY = 4096;
    // Override for longer soak runs: -Droutescope.mrt.mutations=20000000
    private static final int MUTATIONS = Integer.getInteger("routescope.mrt.mutations", 1_000_000);
    private static final int BATCH = 8;
    private static final List<Source> SAMPLES = new ArrayList<>();

    /** Consecutive records of one file, with the file's PEER_INDEX_TABLE (if any) so RIB records stay meaningful. */
    private static final class Source {
        private final String name;
        private final List<byte[]> records;
        private final byte @Nullable [] peerIndexTable;

        Source(String name, List<byte[]> records, byte @Nullable [] peerIndexTable) {
            this.name = name;
            this.records = records;
            this.peerIndexTable = peerIndexTable;
        }

        String name() {
            return name;
        }

        List<byte[]> records() {
            return records;
        }

        byte @Nullable [] peerIndexTable() {
            return peerIndexTable;
        }
    }

    @BeforeAll
    static void loadSamples() throws IOException {
        for (String s : SOURCES) {
            SAMPLES.add(framed(s));
        }
        for (String s : BROKEN) {
            SAMPLES.add(framed(s));
            SAMPLES.add(rawChunks(s));
        }
        SAMPLES.removeIf(x -> x.records().isEmpty());
        assertThat(SAMPLES).hasSizeGreaterThan(SOURCES.length);
        assertThat(SAMPLES.stream().mapToInt(x -> x.records().size()).sum()).isGreaterThan(4000);
        assertThat(SAMPLES.stream()
                        .flatMap(x -> x.records().stream())
                        .mapToInt(r -> ((r[4] & 0xFF) << 8) | (r[5] & 0xFF)))
                .contains(
                        MrtTypes.BGP, MrtTypes.TABLE_DUMP, MrtTypes.TABLE_DUMP_V2, MrtTypes.BGP4MP, MrtTypes.BGP4MP_ET);
    }

    private static Source framed(String file) throws IOException {
        List<byte[]> records = new ArrayList<>();
        byte[] pit = null;
        try (MrtReader r = MrtReader.open(SharedData.file(file))) {
            while (records.size() < PER_SOURCE && r.advance()) {
                MrtRecord rec = r.record();
                int hdr = rec.hasExtendedTimestamp() ? 16 : 12;
                if (rec.bodyLength() > MAX_SAMPLE_BODY) {
                    // A few huge records (64k withdrawals, 64k RIB entries) would dominate the run time.
                    continue;
                }
                byte[] b = new byte[rec.bodyLength() + hdr];
                rec.buffer().getBytes(rec.bodyIndex() - hdr, b);
                // Writers may emit several tables (one per RIB view); they stay in place, the first is prepended.
                if (pit == null && rec.type() == MrtTypes.TABLE_DUMP_V2 && rec.subtype() == MrtTypes.PEER_INDEX_TABLE) {
                    pit = b;
                } else {
                    records.add(b);
                }
            }
        }
        return new Source(file, records, pit);
    }

    /** The first raw decompressed bytes and the tail, in chunks that ignore record boundaries. */
    private static Source rawChunks(String file) throws IOException {
        byte[] all;
        try (InputStream in = Inputs.decompress(Files.newInputStream(SharedData.file(file)))) {
            all = in.readAllBytes();
        }
        List<byte[]> chunks = new ArrayList<>();
        for (int at = 0; at < all.length && chunks.size() < PER_SOURCE / 2; at += RAW_CHUNK) {
            chunks.add(Arrays.copyOfRange(all, at, Math.min(all.length, at + RAW_CHUNK)));
        }
        for (int at = Math.max(0, all.length - 64 * RAW_CHUNK); at < all.length; at += RAW_CHUNK) {
            chunks.add(Arrays.copyOfRange(all, at, Math.min(all.length, at + RAW_CHUNK)));
        }
        return new Source(file + " (raw)", chunks, null);
    }

    /** Decodes a byte stream completely and checks the invariants. */
    static void decodeChecked(byte[] data) {
        MrtInvariants.decodeChecked(data, new MrtInvariants.Totals());
    }

    private static byte[] mutate(byte[] rec, SplittableRandom rnd) {
        byte[] b = rec.clone();
        switch (rnd.nextInt(5)) {
            case 0 -> {
                int flips = 1 + rnd.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
            case 1 -> b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
            case 2 -> b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
            case 3 -> {
                // Length-like fields are the interesting ones: overwrite two adjacent bytes with an extreme value.
                int at = rnd.nextInt(Math.max(1, b.length - 1));
                int v = rnd.nextBoolean() ? 0xFFFF : rnd.nextInt(0x10000);
                b[at] = (byte) (v >>> 8);
                if (at + 1 < b.length) {
                    b[at + 1] = (byte) v;
                }
            }
            default -> {
                int at = rnd.nextInt(b.length);
                byte[] junk = new byte[1 + rnd.nextInt(16)];
                for (int i = 0; i < junk.length; i++) {
                    junk[i] = (byte) rnd.nextInt(256);
                }
                b = MrtBytes.concat(
                        java.util.Arrays.copyOf(b, at), junk, java.util.Arrays.copyOfRange(b, at, b.length));
            }
        }
        return b;
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void realRecords_1MMutationsOnTwoThreads_invariantsHold() throws Exception {
        // Two workers (CI has two cores); each input is a run of BATCH consecutive records of one file, every record
        // mutated, so framing, resync and the decoders all see the damage and its effect on the records after it.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<MrtInvariants.Totals>> parts = new ArrayList<>();
            for (long seed : new long[] {20210101L, 20261123L}) {
                parts.add(pool.submit(() -> mutateMany(seed, MUTATIONS / 2)));
            }
            MrtInvariants.Totals sum = new MrtInvariants.Totals();
            for (Future<MrtInvariants.Totals> f : parts) {
                sum.add(f.get());
            }
            System.out.printf(
                    "mutation run: %d mutated records in %d inputs -> %d elements, %d problems, %d treat-as-withdraw%n",
                    sum.inputs * BATCH, sum.inputs, sum.elements, sum.problems, sum.treatAsWithdraw);
            assertThat(sum.inputs * BATCH).isGreaterThanOrEqualTo(MUTATIONS);
            // The mutations must reach the element and attribute decoders, not only the framing.
            assertThat(sum.elements).isGreaterThan(MUTATIONS / 2);
            assertThat(sum.treatAsWithdraw).isGreaterThan(MUTATIONS / 1000);
            assertThat(sum.problems).isGreaterThan(MUTATIONS / 2);
        } finally {
            pool.shutdownNow();
        }
    }

    private static MrtInvariants.Totals mutateMany(long seed, int mutations) {
        SplittableRandom rnd = new SplittableRandom(seed);
        MrtInvariants.Totals totals = new MrtInvariants.Totals();
        for (int done = 0; done < mutations; done += BATCH) {
            Source src = SAMPLES.get(rnd.nextInt(SAMPLES.size()));
            int from = rnd.nextInt(src.records().size());
            List<byte[]> run = new ArrayList<>(BATCH + 1);
            byte[] pit = src.peerIndexTable();
            if (pit != null) {
                run.add(rnd.nextInt(16) == 0 ? mutate(pit, rnd) : pit);
            }
            for (int k = 0; k < BATCH; k++) {
                run.add(mutate(src.records().get((from + k) % src.records().size()), rnd));
            }
            byte[] input = MrtBytes.concat(run.toArray(new byte[0][]));
            try {
                MrtInvariants.decodeChecked(input, totals);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(
                        "seed " + seed + ", mutation " + done + ", source " + src.name() + ", input "
                                + HexFormat.of().formatHex(input),
                        e);
            }
        }
        return totals;
    }

    @Test
    void mutatedRunOfRealRecords_invariantsHold() {
        PropertyCheck.forAll(300, g -> {
            int start = g.note("start", g.intBetween(0, 10_000));
            SplittableRandom rnd = new SplittableRandom(g.note("seed", g.anyLong()));
            Source src = SAMPLES.get(start % SAMPLES.size());
            g.note("source", src.name());
            List<byte[]> run = new ArrayList<>();
            if (src.peerIndexTable() != null) {
                run.add(src.peerIndexTable());
            }
            int from = start % src.records().size();
            for (int k = 0; k < 20 && from + k < src.records().size(); k++) {
                byte[] r = src.records().get(from + k);
                run.add(rnd.nextInt(4) == 0 ? mutate(r, rnd) : r);
            }
            decodeChecked(MrtBytes.concat(run.toArray(new byte[0][])));
        });
    }

    @Test
    void unmutatedRecordsOfCleanFiles_decodeWithoutProblems() {
        for (Source src : SAMPLES) {
            if (Arrays.asList(BROKEN).contains(src.name()) || src.name().endsWith("(raw)")) {
                continue;
            }
            List<byte[]> run = new ArrayList<>(src.records());
            if (src.peerIndexTable() != null) {
                run.add(0, src.peerIndexTable());
            }
            MrtInvariants.Totals totals = new MrtInvariants.Totals();
            MrtInvariants.decodeChecked(MrtBytes.concat(run.toArray(new byte[0][])), totals);
            // openbgpd writes deprecated BGP4MP_ENTRY records and VPN RIB_GENERIC: skipped by design, as unsupported.
            assertThat(totals.problems - totals.unsupported).as(src.name()).isZero();
            if (totals.unsupported == 0) {
                assertThat(totals.elements).as(src.name()).isPositive();
            }
        }
    }
}
