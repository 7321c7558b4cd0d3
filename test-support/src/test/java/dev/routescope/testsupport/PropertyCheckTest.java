package dev.routescope.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class PropertyCheckTest {

    @AfterEach
    void clearOverrides() {
        System.clearProperty(PropertyCheck.SEED_PROPERTY);
        System.clearProperty(PropertyCheck.TRIES_PROPERTY);
    }

    @Test
    void forAll_passingProperty_runsExactlyTheGivenTries() {
        AtomicInteger runs = new AtomicInteger();
        PropertyCheck.forAll(1234, g -> runs.incrementAndGet());
        assertThat(runs).hasValue(1234);
    }

    @Test
    void forAll_failingProperty_reportsNameTrySeedsNotesAndCause() {
        AtomicInteger runs = new AtomicInteger();
        AssertionError e = catchThrowableOfType(
                AssertionError.class,
                () -> PropertyCheck.forAll(1000, g -> {
                    runs.incrementAndGet();
                    int v = g.note("v", g.intBetween(0, 99));
                    assertThat(v).isLessThan(90);
                }));
        int failedTry = runs.get() - 1;
        assertThat(e.getMessage())
                .startsWith("property dev.routescope.testsupport.PropertyCheckTest"
                        + "#forAll_failingProperty_reportsNameTrySeedsNotesAndCause failed on try " + failedTry
                        + " of 1000 (base seed " + PropertyCheck.DEFAULT_SEED + ", try seed 0x")
                .contains("-D" + PropertyCheck.SEED_PROPERTY + "=" + PropertyCheck.DEFAULT_SEED)
                .contains("-Dtest='PropertyCheckTest#forAll_failingProperty_reportsNameTrySeedsNotesAndCause'")
                .containsPattern("notes: v=9[0-9]\n")
                .contains("cause: java.lang.AssertionError");
        assertThat(e.getCause()).isInstanceOf(AssertionError.class);
        // the reported try seed replays the failing input on its own
        long trySeed = PropertyCheck.trySeed(
                PropertyCheck.DEFAULT_SEED,
                PropertyCheckTest.class.getName() + "#forAll_failingProperty_reportsNameTrySeedsNotesAndCause",
                failedTry);
        assertThat(e.getMessage()).contains("try seed 0x" + Long.toHexString(trySeed) + ")");
        assertThat(Gen.seeded(trySeed).intBetween(0, 99)).isGreaterThanOrEqualTo(90);
    }

    @Test
    void forAll_exceptionFromCodeUnderTest_isWrappedWithSeed() {
        assertThatThrownBy(() -> PropertyCheck.forAll("npe", 10, g -> {
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("property npe failed on try 0 of 10")
                .hasMessageContaining("cause: java.lang.IllegalStateException: boom")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void forAll_abortedAssumption_passesThroughToSkipTheTest() {
        assertThatThrownBy(() -> PropertyCheck.forAll("skip", 10, g -> Assumptions.abort("no data")))
                .isInstanceOf(TestAbortedException.class)
                .hasMessage("no data");
    }

    @Test
    void forAll_sameSeedAndName_givesTheSameSequence() {
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        PropertyCheck.forAll("same", 50, g -> first.add(g.anyLong()));
        PropertyCheck.forAll("same", 50, g -> second.add(g.anyLong()));
        assertThat(first).hasSize(50).isEqualTo(second);
        assertThat(first.stream().distinct().count()).isGreaterThan(40);
    }

    @Test
    void forAll_differentNameOrSeed_givesADifferentSequence() {
        List<Long> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        List<Long> c = new ArrayList<>();
        PropertyCheck.forAll("a", 20, g -> a.add(g.random().nextLong()));
        PropertyCheck.forAll("b", 20, g -> b.add(g.random().nextLong()));
        System.setProperty(PropertyCheck.SEED_PROPERTY, "0x1f");
        PropertyCheck.forAll("a", 20, g -> c.add(g.random().nextLong()));
        assertThat(a).doesNotContainAnyElementsOf(b).doesNotContainAnyElementsOf(c);
    }

    @Test
    void seedProperty_decimalAndHex_replaceTheBaseSeed() {
        System.setProperty(PropertyCheck.SEED_PROPERTY, "42");
        assertThat(PropertyCheck.baseSeed()).isEqualTo(42);
        System.setProperty(PropertyCheck.SEED_PROPERTY, "0xFFFFFFFFFFFFFFFF");
        assertThat(PropertyCheck.baseSeed()).isEqualTo(-1);
        System.setProperty(PropertyCheck.SEED_PROPERTY, "-7");
        assertThat(PropertyCheck.baseSeed()).isEqualTo(-7);
        AssertionError e = catchThrowableOfType(
                AssertionError.class,
                () -> PropertyCheck.forAll("fail", 5, g -> assertThat(g.bool()).isNull()));
        assertThat(e.getMessage()).contains("(base seed -7,").contains("-Droutescope.property.seed=-7");
        System.setProperty(PropertyCheck.SEED_PROPERTY, "x1");
        assertThatThrownBy(PropertyCheck::baseSeed)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("routescope.property.seed 'x1' is not a number (expected: decimal or 0x hex long)");
    }

    @Test
    void triesProperty_replacesEveryPropertysTries() {
        System.setProperty(PropertyCheck.TRIES_PROPERTY, "7");
        AtomicInteger runs = new AtomicInteger();
        PropertyCheck.forAll("t", 1000, g -> runs.incrementAndGet());
        assertThat(runs).hasValue(7);
        System.setProperty(PropertyCheck.TRIES_PROPERTY, "0");
        assertThatThrownBy(() -> PropertyCheck.forAll("t", 1000, g -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("routescope.property.tries 0 (expected: 1..2147483647)");
    }

    @Test
    void forAll_nonPositiveTries_rejected() {
        assertThatThrownBy(() -> PropertyCheck.forAll("z", 0, g -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tries 0 (expected: at least 1)");
    }

    @Test
    void forAll_hugeNotes_areAbbreviatedInTheMessage() {
        AssertionError e = catchThrowableOfType(
                AssertionError.class,
                () -> PropertyCheck.forAll("huge", 3, g -> {
                    g.note("input", "x".repeat(1_000_000));
                    throw new AssertionError("y".repeat(100_000));
                }));
        assertThat(e.getMessage()).hasSizeLessThan(13_000).contains("chars)");
        assertThat(e.getCause()).hasMessage("y".repeat(100_000));
    }
}
