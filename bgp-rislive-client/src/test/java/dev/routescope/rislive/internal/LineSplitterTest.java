package dev.routescope.rislive.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.testsupport.PropertyCheck;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
    private final List<String> lines = new ArrayList<>();
    private final List<String> oversized = new ArrayList<>();
    private final LineSplitter.LineHandler handler = new LineSplitter.LineHandler() {
        @Override
        public boolean line(String line) {
            lines.add(line);
            return true;
        }

        @Override
        public void oversized(String head, long length) {
            oversized.add(head + "#" + length);
        }
    };

    private static ByteBuffer utf8(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void feed_crlfEmptyLinesAndChunkBoundaries_yieldsLinesOnly() {
        LineSplitter s = new LineSplitter(1024);
        s.feed(utf8("{\"a\":1}\r\n\n{\"b\""), handler);
        s.feed(utf8(":2}\n{\"c\":\"é\"}"), handler);
        s.finish(handler);

        assertThat(lines).containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":\"é\"}");
    }

    @Test
    void feed_lineLongerThanLimit_isReportedAndTheNextLineSurvives() {
        LineSplitter s = new LineSplitter(8);
        s.feed(utf8("0123456789abcdef\nok\n"), handler);

        assertThat(oversized).containsExactly("01234567#16");
        assertThat(lines).containsExactly("ok");
    }

    @Test
    void feed_anyChunking_givesTheSameLines() {
        PropertyCheck.forAll(200, g -> {
            List<String> input = g.list(0, 20, () -> g.string(40));
            int chunk = g.intBetween(1, 17);
            g.note("input", input);
            g.note("chunk", chunk);
            List<String> expected = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (String line : input) {
                String clean = line.replace('\n', ' ').replace('\r', ' ');
                text.append(clean).append('\n');
                if (!clean.isEmpty()) {
                    expected.add(clean);
                }
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            LineSplitter s = new LineSplitter(1 << 16);
            lines.clear();
            for (int i = 0; i < bytes.length; i += chunk) {
                s.feed(ByteBuffer.wrap(bytes, i, Math.min(chunk, bytes.length - i)), handler);
            }
            s.finish(handler);

            assertThat(lines).isEqualTo(expected);
        });
    }
}
