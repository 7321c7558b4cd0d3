package dev.routescope.benchmarks.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateTest {
    @Test
    void compare_slowdownBeyondTolerance_failsAndIsMarked() {
        GateComparison c = GateComparison.compare(Map.of("a", 10.0), Map.of("a", 6.0), 0.30);
        assertThat(c.failures()).isEqualTo(1);
        assertThat(c.table()).contains("SLOWER").contains("-40.0%");
    }

    @Test
    void compare_slowdownWithinTolerance_passes() {
        GateComparison c = GateComparison.compare(Map.of("a", 10.0), Map.of("a", 7.5), 0.30);
        assertThat(c.failures()).isZero();
        assertThat(c.table()).doesNotContain("SLOWER").contains("-25.0%");
    }

    @Test
    void compare_speedup_passes() {
        assertThat(GateComparison.compare(Map.of("a", 10.0), Map.of("a", 30.0), 0.30)
                        .failures())
                .isZero();
    }

    @Test
    void compare_benchmarkMissingFromRun_fails() {
        Map<String, Double> base = new LinkedHashMap<>();
        base.put("a", 1.0);
        base.put("b", 1.0);
        GateComparison c = GateComparison.compare(base, Map.of("a", 1.0), 0.30);
        assertThat(c.failures()).isEqualTo(1);
        assertThat(c.table()).contains("MISSING");
    }

    @Test
    void compare_newBenchmark_listedNotJudged() {
        GateComparison c = GateComparison.compare(Map.of(), Map.of("n", 1.0), 0.30);
        assertThat(c.failures()).isZero();
        assertThat(c.table()).contains("new");
    }

    @Test
    void compare_toleranceOutOfRange_rejected() {
        assertThatThrownBy(() -> GateComparison.compare(Map.of(), Map.of(), 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tolerance 1.5");
    }

    @Test
    void include_regexWithParams_parsed() {
        GateInclude g = GateInclude.parse("RovValidateBenchmark impl=ROUTESCOPE queries=RANDOM_IPV4,RANDOM_IPV6");
        assertThat(g.regex()).isEqualTo("RovValidateBenchmark");
        assertThat(g.params())
                .containsEntry("impl", List.of("ROUTESCOPE"))
                .containsEntry("queries", List.of("RANDOM_IPV4", "RANDOM_IPV6"));
    }

    @Test
    void include_regexOnly_hasNoParams() {
        assertThat(GateInclude.parse("  PrefixTextBenchmark.parse  ").params()).isEmpty();
    }

    @Test
    void include_malformedParam_rejectedWithText() {
        assertThatThrownBy(() -> GateInclude.parse("X impl"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'impl'");
        assertThatThrownBy(() -> GateInclude.parse("X a=1 a=2")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> GateInclude.parse("X(")).hasMessageContaining("bad regex");
    }
}
