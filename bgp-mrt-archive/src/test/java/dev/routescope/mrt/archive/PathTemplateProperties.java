package dev.routescope.mrt.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.mrt.archive.internal.PathTemplate;
import dev.routescope.testsupport.Gen;
import dev.routescope.testsupport.PropertyCheck;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Round trips between path expansion and parsing, and parsing of arbitrary text. */
class PathTemplateProperties {

    private static final PathTemplate RIS_UPDATES =
            PathTemplate.compile("{collector}/{YYYY}.{MM}/updates.{YYYY}{MM}{DD}.{hh}{mm}.gz", Duration.ofMinutes(5));
    private static final PathTemplate RV_RIBS = PathTemplate.compile(
            "{collector}/bgpdata/{YYYY}.{MM}/RIBS/rib.{YYYY}{MM}{DD}.{hh}{mm}.bz2", Duration.ofHours(2));
    private static final PathTemplate UNIX =
            PathTemplate.compile("{collector}/{YYYY}/ris.{collector}.updates.{unix}.300.cache", Duration.ofMinutes(5));

    /** Collector paths as archives name them: letters, digits, dot, dash, underscore, starting alphanumeric. */
    static String collector(Gen g) {
        String alnum = "abcdefghijklmnopqrstuvwxyz0123456789";
        return g.string(1, 1, alnum) + g.string(0, 19, alnum + ".-_");
    }

    @Test
    void expandThenParse_givesCollectorAndMinute() {
        PropertyCheck.forAll(1000, g -> {
            String collector = g.note("collector", collector(g));
            long epochSecond = g.note("epochSecond", g.longBetween(0, 253_402_300_799L));
            long minute = epochSecond - Math.floorMod(epochSecond, 60);
            for (PathTemplate t : new PathTemplate[] {RIS_UPDATES, RV_RIBS, UNIX}) {
                String path = t.expand(new StringBuilder(), collector, minute).toString();
                PathTemplate.Parsed parsed = Objects.requireNonNull(t.parse(path), path);
                assertThat(parsed.collectorPath()).isEqualTo(collector);
                assertThat(parsed.start()).isEqualTo(Instant.ofEpochSecond(minute));
            }
        });
    }

    @Test
    void expandAtRoot_parsesBackToEmptyCollector() {
        PropertyCheck.forAll(1000, g -> {
            long epochSecond = g.note("epochSecond", g.longBetween(0, 4_102_444_800L));
            long aligned = epochSecond - Math.floorMod(epochSecond, 7200);
            String path = RV_RIBS.expand(new StringBuilder(), "", aligned).toString();
            assertThat(path).startsWith("bgpdata/");
            PathTemplate.Parsed parsed = Objects.requireNonNull(RV_RIBS.parse(path), path);
            assertThat(parsed.collectorPath()).isEmpty();
            assertThat(parsed.start()).isEqualTo(Instant.ofEpochSecond(aligned));
        });
    }

    @Test
    void parse_arbitraryText_neverThrows() {
        PropertyCheck.forAll(1000, g -> {
            // half near-miss paths (digits and the templates' separators), half any text
            String text = g.note("text", g.bool() ? g.string(0, 80, "0123456789./rcupdates.gzbzRIB") : g.string(80));
            RIS_UPDATES.parse(text);
            RV_RIBS.parse(text);
            UNIX.parse(text);
        });
    }

    /** Every month and day 00..99: exhaustive, not sampled. */
    @Test
    void parse_digitMutations_rejectImpossibleDatesAndDisagreeingFields() {
        for (int month = 0; month <= 99; month++) {
            for (int day = 0; day <= 99; day++) {
                String path = String.format("rrc00/2021.%02d/updates.2021%02d%02d.0000.gz", month, month, day);
                PathTemplate.Parsed parsed = RIS_UPDATES.parse(path);
                boolean valid = month >= 1
                        && month <= 12
                        && day >= 1
                        && day
                                <= YearMonth.of(2021, Math.max(1, Math.min(12, month)))
                                        .lengthOfMonth();
                assertThat(parsed != null).as(path).isEqualTo(valid);
            }
            String misfiled = String.format("rrc00/2021.02/updates.2021%02d01.0000.gz", month);
            assertThat(RIS_UPDATES.parse(misfiled) != null).as(misfiled).isEqualTo(month == 2);
        }
    }
}
