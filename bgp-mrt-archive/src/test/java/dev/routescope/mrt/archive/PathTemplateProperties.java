package dev.routescope.mrt.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.mrt.archive.internal.PathTemplate;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

/** Round trips between path expansion and parsing, and parsing of arbitrary text. */
class PathTemplateProperties {

    private static final PathTemplate RIS_UPDATES =
            PathTemplate.compile("{collector}/{YYYY}.{MM}/updates.{YYYY}{MM}{DD}.{hh}{mm}.gz", Duration.ofMinutes(5));
    private static final PathTemplate RV_RIBS = PathTemplate.compile(
            "{collector}/bgpdata/{YYYY}.{MM}/RIBS/rib.{YYYY}{MM}{DD}.{hh}{mm}.bz2", Duration.ofHours(2));
    private static final PathTemplate UNIX =
            PathTemplate.compile("{collector}/{YYYY}/ris.{collector}.updates.{unix}.300.cache", Duration.ofMinutes(5));

    @Provide
    Arbitrary<String> collectors() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .numeric()
                .withChars('.', '-', '_')
                .ofMinLength(1)
                .ofMaxLength(20)
                .filter(s -> Character.isLetterOrDigit(s.charAt(0)));
    }

    @Property
    void expandThenParse_givesCollectorAndMinute(
            @ForAll("collectors") String collector,
            @ForAll @LongRange(min = 0, max = 253_402_300_799L) long epochSecond) {
        long minute = epochSecond - Math.floorMod(epochSecond, 60);
        for (PathTemplate t : new PathTemplate[] {RIS_UPDATES, RV_RIBS, UNIX}) {
            String path = t.expand(new StringBuilder(), collector, minute).toString();
            PathTemplate.Parsed parsed = Objects.requireNonNull(t.parse(path), path);
            assertThat(parsed.collectorPath()).isEqualTo(collector);
            assertThat(parsed.start()).isEqualTo(Instant.ofEpochSecond(minute));
        }
    }

    @Property
    void expandAtRoot_parsesBackToEmptyCollector(@ForAll @LongRange(min = 0, max = 4_102_444_800L) long epochSecond) {
        long aligned = epochSecond - Math.floorMod(epochSecond, 7200);
        String path = RV_RIBS.expand(new StringBuilder(), "", aligned).toString();
        assertThat(path).startsWith("bgpdata/");
        PathTemplate.Parsed parsed = Objects.requireNonNull(RV_RIBS.parse(path), path);
        assertThat(parsed.collectorPath()).isEmpty();
        assertThat(parsed.start()).isEqualTo(Instant.ofEpochSecond(aligned));
    }

    @Property
    void parse_arbitraryText_neverThrows(@ForAll @StringLength(max = 80) String text) {
        RIS_UPDATES.parse(text);
        RV_RIBS.parse(text);
        UNIX.parse(text);
    }

    @Property
    void parse_digitMutations_rejectImpossibleDatesAndDisagreeingFields(
            @ForAll @IntRange(min = 0, max = 99) int month, @ForAll @IntRange(min = 0, max = 99) int day) {
        String path = String.format("rrc00/2021.%02d/updates.2021%02d%02d.0000.gz", month, month, day);
        PathTemplate.Parsed parsed = RIS_UPDATES.parse(path);
        boolean valid = month >= 1
                && month <= 12
                && day >= 1
                && day <= YearMonth.of(2021, Math.max(1, Math.min(12, month))).lengthOfMonth();
        assertThat(parsed != null).as(path).isEqualTo(valid);
        String misfiled = String.format("rrc00/2021.02/updates.2021%02d01.0000.gz", month);
        assertThat(RIS_UPDATES.parse(misfiled) != null).as(misfiled).isEqualTo(month == 2);
    }
}
