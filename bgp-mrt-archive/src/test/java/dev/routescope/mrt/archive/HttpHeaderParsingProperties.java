package dev.routescope.mrt.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routescope.mrt.archive.internal.CacheFiles;
import dev.routescope.mrt.archive.internal.ContentRange;
import dev.routescope.testsupport.PropertyCheck;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Content-Range parsing and cache locations, which both take text from the network. */
class HttpHeaderParsingProperties {

    @Test
    void contentRange_forms_parse() {
        assertThat(ContentRange.parse("bytes 100-199/1000")).isEqualTo(new ContentRange(100, 199, 1000));
        assertThat(ContentRange.parse("bytes 0-0/*")).isEqualTo(new ContentRange(0, 0, -1));
        assertThat(ContentRange.parse("bytes */1000")).isEqualTo(new ContentRange(-1, -1, 1000));
        assertThat(ContentRange.parse("BYTES 5-9/10")).isEqualTo(new ContentRange(5, 9, 10));
    }

    @Test
    void contentRange_inconsistentOrMalformed_isNull() {
        assertThat(ContentRange.parse("bytes 200-100/1000")).isNull();
        assertThat(ContentRange.parse("bytes 0-1000/1000")).isNull(); // last byte beyond the length
        assertThat(ContentRange.parse("bytes */*")).isNull();
        assertThat(ContentRange.parse("items 0-1/2")).isNull();
        assertThat(ContentRange.parse("bytes -5-9/10")).isNull();
        assertThat(ContentRange.parse("bytes 0-99999999999999999999/1")).isNull();
        assertThat(ContentRange.parse("")).isNull();
    }

    @Test
    void contentRange_edgeValues_roundTrip() {
        long[][] cases = {
            {0, 0, 1}, {0, Long.MAX_VALUE - 1, Long.MAX_VALUE}, {Long.MAX_VALUE - 1, Long.MAX_VALUE - 1, Long.MAX_VALUE}
        };
        for (long[] c : cases) {
            assertThat(ContentRange.parse("bytes " + c[0] + "-" + c[1] + "/" + c[2]))
                    .isEqualTo(new ContentRange(c[0], c[1], c[2]));
        }
    }

    @Test
    void contentRange_roundTrip() {
        PropertyCheck.forAll(1000, g -> {
            long first = g.longBetween(0, Long.MAX_VALUE / 2);
            long last = first + g.longBetween(0, 1L << 40);
            long total = last + g.longBetween(1, 1L << 40);
            String header = g.note("header", "bytes " + first + "-" + last + "/" + total);
            assertThat(ContentRange.parse(header)).isEqualTo(new ContentRange(first, last, total));
        });
    }

    @Test
    void contentRange_arbitraryText_neverThrows() {
        PropertyCheck.forAll(1000, g -> {
            // half near-miss headers (digits, dashes, slashes, stars, huge numbers), half any text
            String text = g.note("text", g.bool() ? g.string(0, 60, "bytes 0123456789-/*") : g.string(60));
            ContentRange r = ContentRange.parse(text);
            if (r != null) {
                assertThat(r.total() >= -1 && r.last() >= r.first()).isTrue();
            }
            ContentRange withUnit = ContentRange.parse("bytes " + text);
            if (withUnit != null) {
                assertThat(withUnit.total() >= -1 && withUnit.last() >= withUnit.first())
                        .isTrue();
            }
        });
    }

    @Test
    void cacheLocation_arbitraryPath_staysInsideCache() {
        Path cache = Path.of("/tmp/routescope-cache").toAbsolutePath();
        PropertyCheck.forAll(1000, g -> {
            // half path-like segments built from dots, slashes and escapes, half any text
            String segment = g.note("segment", g.bool() ? g.string(0, 40, "./%2eE5cf\\:~a") : g.string(40));
            URI uri;
            try {
                uri = new URI("http", "example.org", "/a/" + segment + "/file.gz", null);
            } catch (java.net.URISyntaxException e) {
                return;
            }
            try {
                Path p = CacheFiles.location(cache, uri);
                assertThat(p.normalize().startsWith(cache)).as("%s", p).isTrue();
                assertThat(p.getFileName().toString()).isEqualTo("file.gz");
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).contains("cannot cache");
            }
        });
    }

    @Test
    void cacheLocation_hostPortAndPath_mapToDirectories() {
        Path cache = Path.of("/c");
        assertThat(CacheFiles.location(
                        cache, URI.create("https://data.ris.ripe.net/rrc12/2021.01/updates.20210101.0500.gz")))
                .isEqualTo(Path.of("/c/data.ris.ripe.net/rrc12/2021.01/updates.20210101.0500.gz"));
        assertThat(CacheFiles.location(cache, URI.create("http://127.0.0.1:8080/x/y.bz2")))
                .isEqualTo(Path.of("/c/127.0.0.1_8080/x/y.bz2"));
        assertThat(CacheFiles.location(cache, URI.create("http://h/a%20b/.hidden")))
                .isEqualTo(Path.of("/c/h/a_20b/_hidden"));
        assertThatThrownBy(() -> CacheFiles.location(cache, URI.create("http://h/a/../../x")))
                .hasMessageContaining("'..'");
        assertThatThrownBy(() -> CacheFiles.location(cache, URI.create("http://h/dir/")))
                .hasMessageContaining("cannot cache");
    }
}
