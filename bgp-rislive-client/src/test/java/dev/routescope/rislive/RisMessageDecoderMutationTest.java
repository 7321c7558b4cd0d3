package dev.routescope.rislive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.model.Peer;
import dev.routescope.model.RouteEvent;
import dev.routescope.rislive.tools.MrtToRisLive;
import dev.routescope.testsupport.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of {@link RisMessageDecoder} and the MRT-backed {@link RawUpdateDecoder} over
 * real frames: the recorded libbgpstream capture and {@code raw}-carrying frames converted from real
 * rrc12 updates. Seeds are printed in failure messages; re-run one with {@code -Drislive.fuzz.seed=N}.
 */
class RisMessageDecoderMutationTest {
    private static final int MUTATIONS = Integer.getInteger("rislive.fuzz.mutations", 120_000);
    private static final long SEED = Long.getLong("rislive.fuzz.seed", 20261123L);
    private static final String[] TOKENS = {
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\\",
        "null",
        "true",
        "-1",
        "1e400",
        "4294967296",
        "\"eor\"",
        "[[]]",
        "\"raw\":\"FF\"",
        "\"type\":\"STATE\"",
        "\u00e9",
        "\ud83d\ude00",
        "\u0000",
        "99999999999999999999"
    };
    private static final List<String> CORPUS = new ArrayList<>();

    @BeforeAll
    static void corpus() throws Exception {
        CORPUS.addAll(Files.readAllLines(SharedData.file("rislive/bgpstream_ris-live-stream.json")));
        List<String> converted = new ArrayList<>();
        MrtToRisLive.builder()
                .includeRaw(true)
                .build()
                .convert(SharedData.file("mrt/ris-2021-01-01/rrc12/updates.20210101.0500.gz"), converted::add);
        for (int i = 0; i < converted.size(); i += converted.size() / 500) {
            CORPUS.add(converted.get(i));
        }
    }

    @Test
    void decode_mutatedRealFrames_neverThrowsAndReportsEveryMalformedFrameWithItsText() {
        RisMessageDecoder decoder = RisMessageDecoder.builder().build();
        RisMessageDecoder utf8Decoder = RisMessageDecoder.builder().build();
        RisMessageDecoder jacksonOnly =
                RisMessageDecoder.builder().fastPath(false).build();
        // the allocation-free path: one view reused for every frame, as a monitor would
        RisMessageDecoder viewDecoder = RisMessageDecoder.builder().build();
        RisMessageView view = new RisMessageView();
        RisMessageView bytesView = new RisMessageView();
        SplittableRandom random = new SplittableRandom(SEED);
        long malformed = 0;
        long messages = 0;
        long control = 0;
        List<String> examples = new ArrayList<>();
        for (int n = 0; n < MUTATIONS; n++) {
            long seed = random.nextLong();
            String frame = mutate(CORPUS.get(Math.floorMod(seed, CORPUS.size())), new SplittableRandom(seed));
            String context = "seed " + seed + " (base " + SEED + ", mutation " + n + "): " + frame;
            RisFrame f;
            RisFrame g;
            RisFrame j;
            boolean viewMessage;
            boolean bytesViewMessage;
            try {
                f = decoder.decode(frame);
                byte[] utf8 = frame.getBytes(StandardCharsets.UTF_8);
                g = utf8Decoder.decode(utf8, 0, utf8.length);
                j = jacksonOnly.decode(frame);
                viewMessage = viewDecoder.decodeInto(frame, view);
                bytesViewMessage = viewDecoder.decodeInto(utf8, 0, utf8.length, bytesView);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("exception escaped for " + context, e);
            }
            assertThat(g.getClass()).as(context).isEqualTo(f.getClass());
            // the fast path gives exactly what jackson alone gives, malformed reports included
            assertThat(f).as(context).isEqualTo(j);
            // the view path: same frame, malformed reports included; model built only on demand
            assertThat(viewMessage).as(context).isEqualTo(f instanceof RisMessage);
            assertThat(bytesViewMessage).as(context).isEqualTo(viewMessage);
            if (viewMessage) {
                assertThat(view.toMessage()).as(context).isEqualTo(f);
            } else {
                assertThat(view.nonMessage()).as(context).isEqualTo(f);
                assertThat(bytesView.nonMessage()).as(context).isEqualTo(g);
            }
            if (f instanceof RisFrame.Malformed m) {
                malformed++;
                assertThat(m.reason()).as(context).isNotBlank();
                assertThat(frame).as(context).startsWith(m.text().replaceAll("\\.\\.\\.\\(\\d+ chars\\)$", ""));
                assertThat(m.toString()).as(context).startsWith("malformed RIS Live frame at offset ");
                if (examples.size() < 5) {
                    examples.add(m.toString());
                }
            } else if (f instanceof RisMessage m) {
                messages++;
                assertThat(((RisMessage) g).events()).as(context).isEqualTo(m.events());
            } else {
                control++;
            }
        }
        System.out.printf(
                "mutation fuzz (seed %d): %d frames, %d malformed (reported), %d messages, %d control, %d raw"
                        + " fallbacks; e.g.%n  %s%n",
                SEED, MUTATIONS, malformed, messages, control, decoder.rawFallbacks(), String.join("\n  ", examples));
        assertThat(malformed + messages + control).isEqualTo(MUTATIONS);
        // the mutations reach both sides: many frames break, many survive (mostly with hostile raw)
        assertThat(malformed).isGreaterThan(MUTATIONS / 10);
        assertThat(messages).isGreaterThan(MUTATIONS / 10);
        assertThat(decoder.rawFallbacks()).isGreaterThan(100).isEqualTo(jacksonOnly.rawFallbacks());
        assertThat(viewDecoder.rawFallbacks()).isEqualTo(decoder.rawFallbacks());
        assertThat(decoder.fastPathFrames()).isGreaterThan(messages / 2);
    }

    @Test
    void mrtRawDecoder_mutatedRealUpdates_neverThrows() {
        RawUpdateDecoder raw = RawUpdateDecoder.mrtParser();
        List<byte[]> messages = new ArrayList<>();
        for (String frame : CORPUS) {
            int at = frame.indexOf("\"raw\":\"");
            if (at >= 0 && frame.contains("\"UPDATE\"")) {
                messages.add(HexFormat.of().parseHex(frame, at + 7, frame.indexOf('"', at + 7)));
            }
        }
        assertThat(messages).hasSizeGreaterThan(400);
        Peer peer = new Peer(dev.routescope.model.IpAddress.parse("192.0.2.1"), dev.routescope.model.Asn.of(64500));
        SplittableRandom random = new SplittableRandom(SEED);
        long decoded = 0;
        for (int n = 0; n < MUTATIONS; n++) {
            long seed = random.nextLong();
            SplittableRandom r = new SplittableRandom(seed);
            byte[] m = messages.get(r.nextInt(messages.size())).clone();
            int flips = 1 + r.nextInt(4);
            for (int k = 0; k < flips; k++) {
                // past the marker and length most of the time, so the UPDATE body gets exercised
                int i = r.nextInt(10) == 0 ? r.nextInt(m.length) : 19 + r.nextInt(Math.max(1, m.length - 19));
                m[Math.min(i, m.length - 1)] = (byte) r.nextInt(256);
            }
            try {
                List<RouteEvent> events = raw.decode(m, Instant.EPOCH, "rrc12", peer);
                if (events != null) {
                    decoded++;
                }
            } catch (RuntimeException e) {
                throw new AssertionError(
                        "seed " + seed + " (base " + SEED + "): "
                                + HexFormat.of().formatHex(m),
                        e);
            }
        }
        assertThat(decoded).isGreaterThan(MUTATIONS / 10);
    }

    private static String mutate(String s, SplittableRandom r) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + r.nextInt(3);
        for (int k = 0; k < edits; k++) {
            int at = b.length() == 0 ? 0 : r.nextInt(b.length());
            switch (r.nextInt(8)) {
                case 0 -> b.setLength(at); // truncate
                case 1 -> {
                    if (b.length() > 0) {
                        b.deleteCharAt(at);
                    }
                }
                case 2 -> b.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
                case 3 -> {
                    if (b.length() > 0) {
                        b.setCharAt(at, (char) (32 + r.nextInt(95)));
                    }
                }
                case 4 -> { // a digit changed: numbers out of range, prefixes and hex still shaped
                    int d = indexOfDigit(b, at);
                    if (d >= 0) {
                        b.setCharAt(d, (char) ('0' + r.nextInt(10)));
                    }
                }
                case 5 -> { // raw hex: a byte of the BGP message replaced
                    int raw = b.indexOf("\"raw\":\"");
                    int end = raw < 0 ? -1 : b.indexOf("\"", raw + 7);
                    if (end > raw + 7 + 40) {
                        int i = raw + 7 + 38 + 2 * r.nextInt((end - raw - 7 - 38) / 2);
                        b.replace(i, i + 2, String.format("%02X", r.nextInt(256)));
                    }
                }
                case 6 -> { // a slice duplicated
                    int len = Math.min(b.length() - at, 1 + r.nextInt(40));
                    b.insert(at, b.substring(at, at + len));
                }
                default -> { // two slices swapped
                    int other = b.length() == 0 ? 0 : r.nextInt(b.length());
                    int from = Math.min(at, other);
                    int to = Math.max(at, other);
                    String mid = b.substring(from, to);
                    b.replace(from, to, new StringBuilder(mid).reverse().toString());
                }
            }
        }
        return b.toString();
    }

    private static int indexOfDigit(CharSequence s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
