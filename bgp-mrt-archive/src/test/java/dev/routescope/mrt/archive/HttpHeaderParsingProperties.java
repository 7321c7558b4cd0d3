package dev.routescope.mrt.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routescope.mrt.archive.internal.CacheFiles;
import dev.routescope.mrt.archive.internal.ContentRange;
import java.net.URI;
import java.nio.file.Path;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

/** Content-Range parsing and cache locations, which both take text from the network. */
class HttpHeaderParsingProperties {

    @Example
    void contentRange_forms_parse() {
        assertThat(ContentRange.parse("bytes 100-199/1000")).isEqualTo(new ContentRange(100, 199, 1000));
        assertThat(ContentRange.parse("bytes 0-0/*")).isEqualTo(new ContentRange(0, 0, -1));
        assertThat(ContentRange.parse("bytes */1000")).isEqualTo(new ContentRange(-1, -1, 1000));
        assertThat(ContentRange.parse("BYTES 5-9/10")).isEqualTo(new ContentRange(5, 9, 10));
    }

    @Example
    void contentRange_inconsistentOrMalformed_isNull() {
        assertThat(ContentRange.parse("bytes 200-100/1000")).isNull();
        assertThat(ContentRange.parse("bytes 0-1000/1000")).isNull(); // last byte beyond the length
        assertThat(ContentRange.parse("bytes */*")).isNull();
        assertThat(ContentRange.parse("items 0-1/2")).isNull();
        assertThat(ContentRange.parse("bytes -5-9/10")).isNull();
        assertThat(ContentRange.parse("bytes 0-99999999999999999999/1")).isNull();
        assertThat(ContentRange.parse("")).isNull();
    }

    @Property
    void contentRange_roundTrip(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long first,
            @ForAll @LongRange(min = 0, max = 1L << 40) long extra,
            @ForAll @LongRange(min = 1, max = 1L << 40) long tail) {
        long last = first + extra;
        long total = last + tail;
        assertThat(ContentRange.parse("bytes " + first + "-" + last + "/" + total))
                .isEqualTo(new ContentRange(first, last, total));
    }

    @Property
    void contentRange_arbitraryText_neverThrows(@ForAll @StringLength(max = 60) String text) {
        ContentRange r = ContentRange.parse(text);
        if (r != null) {
            assertThat(r.total() >= -1 && r.last() >= r.first()).isTrue();
        }
        ContentRange.parse("bytes " + text);
    }

    @Property
    void cacheLocation_arbitraryPath_staysInsideCache(@ForAll @StringLength(max = 40) String segment) {
        Path cache = Path.of("/tmp/routescope-cache").toAbsolutePath();
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
    }

    @Example
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
