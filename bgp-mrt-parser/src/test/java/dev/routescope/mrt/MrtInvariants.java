package dev.routescope.mrt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The invariants every decode of arbitrary bytes must keep, shared by the mutation tests and the Jazzer fuzz tests: no
 * exception escapes, work is bounded by the input size, every problem is located (source, offset inside the input,
 * reason), the counters add up, and no element carries data that is not in the input.
 */
final class MrtInvariants {
    static final String SOURCE = "fuzz";

    private MrtInvariants() {}

    /** Totals over many decodes, to show the mutations reach the decoders (not only the framing). */
    static final class Totals {
        long inputs;
        long elements;
        long problems;
        long treatAsWithdraw;
        long unsupported;

        void add(Totals o) {
            inputs += o.inputs;
            elements += o.elements;
            problems += o.problems;
            treatAsWithdraw += o.treatAsWithdraw;
            unsupported += o.unsupported;
        }
    }

    /**
     * Decodes a byte stream completely (records, elements, attributes, AS path, events, bgpdump text) and checks the
     * invariants.
     *
     * @param data the stream
     * @param totals receives the counts
     */
    static void decodeChecked(byte[] data, Totals totals) {
        List<MrtProblem> problems = new ArrayList<>();
        MrtReader reader =
                MrtReader.builder().problemListener(problems::add).wrap(Unpooled.wrappedBuffer(data), SOURCE);
        BgpdumpFormatter fmt = new BgpdumpFormatter();
        StringBuilder sb = new StringBuilder();
        long elements = 0;
        long treatAsWithdraw = 0;
        PrefixSearch search = new PrefixSearch();
        try (MrtElementReader r = new MrtElementReader(reader)) {
            while (r.advance()) {
                MrtElement e = r.element();
                elements++;
                // Bounded work: every element consumes input (a prefix byte, a RIB entry, a record).
                assertThat(elements).as("elements from %d bytes", data.length).isLessThanOrEqualTo(data.length);
                if (e.kind() != MrtElement.Kind.STATE_CHANGE) {
                    MrtRecord rec = reader.record();
                    search.check(e, data, rec.bodyIndex(), rec.bodyIndex() + rec.bodyLength());
                }
                sb.setLength(0);
                fmt.format(e, sb);
                e.toEvent();
                BgpAttributes a = e.attributes();
                a.asPath();
                a.originAsn();
                for (int i = 0; i < a.communityCount(); i++) {
                    a.community(i);
                }
                if (e.treatAsWithdraw()) {
                    treatAsWithdraw++;
                }
            }
            MrtStats s = r.stats();
            assertThat(s.problems()).isEqualTo(problems.size());
            assertThat(s.problemsByKind().values().stream()
                            .mapToLong(Long::longValue)
                            .sum())
                    .isEqualTo(s.problems());
            assertThat(s.elements()).isEqualTo(elements);
            assertThat(s.announcements() + s.withdrawals() + s.ribEntries() + s.stateChanges())
                    .isEqualTo(elements);
            assertThat(s.bytes() + s.skippedBytes()).isLessThanOrEqualTo(data.length);
            assertThat(s.skippedRecords()).isLessThanOrEqualTo(s.records());
            // Bounded work: a problem needs at least one byte of input (plus the end-of-input report).
            assertThat(s.problems()).isLessThanOrEqualTo(data.length + 1L);
        } catch (IOException e) {
            throw new AssertionError("close failed on a heap buffer", e);
        }
        int stopped = 0;
        for (MrtProblem p : problems) {
            assertThat(p.source()).isEqualTo(SOURCE);
            assertThat(p.offset()).as("%s", p).isBetween(0L, (long) data.length);
            assertThat(p.recordOffset()).as("%s", p).isLessThanOrEqualTo(p.offset());
            assertThat(p.detail()).isNotBlank();
            assertThat(p.toString()).contains(p.kind().name(), p.action().name());
            if (p.kind() == MrtProblem.Kind.UNSUPPORTED_TYPE
                    || p.kind() == MrtProblem.Kind.UNSUPPORTED_SUBTYPE
                    || p.kind() == MrtProblem.Kind.UNSUPPORTED_ADDRESS_FAMILY) {
                totals.unsupported++;
            }
            if (p.action() == MrtProblem.Action.STOPPED) {
                stopped++;
            }
        }
        assertThat(stopped).as("at most one STOPPED, and last").isLessThanOrEqualTo(1);
        if (stopped == 1) {
            assertThat(problems.get(problems.size() - 1).action()).isEqualTo(MrtProblem.Action.STOPPED);
        }
        totals.inputs++;
        totals.elements += elements;
        totals.problems += problems.size();
        totals.treatAsWithdraw += treatAsWithdraw;
    }

    /**
     * Checks that an element's significant prefix bytes (host bits masked) occur in its record: nothing is invented.
     * Elements come in record order, so the search resumes where the previous prefix was found and RIB entries that
     * share their record's prefix are not searched again; the check stays linear in the record size.
     */
    static final class PrefixSearch {
        private int lastRecordStart = -1;
        private int resumeAt;
        private long lastHigh;
        private long lastLow;
        private int lastBits = -1;

        void check(MrtElement e, byte[] data, int from, int to) {
            int bits = e.prefixLength();
            assertThat(bits).isBetween(0, e.prefixIpv6() ? 128 : 32);
            assertThat(to).isLessThanOrEqualTo(data.length);
            if (from != lastRecordStart) {
                lastRecordStart = from;
                resumeAt = from;
                lastBits = -1;
            } else if (bits == lastBits && e.prefixHigh() == lastHigh && e.prefixLow() == lastLow) {
                return;
            }
            int n = (bits + 7) >>> 3;
            byte[] want = new byte[n];
            for (int i = 0; i < n; i++) {
                long word = i < 8 ? e.prefixHigh() : e.prefixLow();
                want[i] = (byte) (word >>> (56 - 8 * (i & 7)));
            }
            int lastMask = bits % 8 == 0 ? 0xFF : (0xFF << (8 - bits % 8)) & 0xFF;
            int at = find(data, want, lastMask, resumeAt, to);
            if (at < 0) {
                at = find(data, want, lastMask, from, Math.min(to, resumeAt + n));
            }
            if (at < 0) {
                throw new AssertionError("prefix " + e.prefix() + " of " + e + " is not in its record: "
                        + HexFormat.of().formatHex(want));
            }
            resumeAt = at + n;
            lastBits = bits;
            lastHigh = e.prefixHigh();
            lastLow = e.prefixLow();
        }

        private static int find(byte[] data, byte[] want, int lastMask, int from, int to) {
            int n = want.length;
            if (n == 0) {
                return from;
            }
            outer:
            for (int at = from; at + n <= to; at++) {
                for (int i = 0; i < n - 1; i++) {
                    if (data[at + i] != want[i]) {
                        continue outer;
                    }
                }
                if ((data[at + n - 1] & lastMask) == (want[n - 1] & 0xFF)) {
                    return at;
                }
            }
            return -1;
        }
    }
}
