package dev.routescope.benchmarks.gate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One group the regression gate runs: a JMH include regex and optional parameter restrictions, written
 * {@code REGEX [param=v1,v2 ...]} on a baseline's {@code # include} line.
 *
 * <pre>{@code
 * GateInclude g = GateInclude.parse("RovValidateBenchmark impl=ROUTESCOPE queries=RANDOM_IPV4,RANDOM_IPV6");
 * g.regex();   // "RovValidateBenchmark"
 * g.params();  // {impl=[ROUTESCOPE], queries=[RANDOM_IPV4, RANDOM_IPV6]}
 * }</pre>
 *
 * @param regex JMH include regex
 * @param params parameter name to the values to run (others keep the benchmark's own values)
 */
public record GateInclude(String regex, Map<String, List<String>> params) {
    /** Copies the parameter map. */
    public GateInclude {
        params = Map.copyOf(params);
    }

    /**
     * Parses {@code REGEX [name=v1,v2 ...]}.
     *
     * @param text the include text
     * @return the include
     * @throws IllegalArgumentException naming the text and the problem
     */
    public static GateInclude parse(String text) {
        String[] words = text.trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            throw new IllegalArgumentException("empty include");
        }
        try {
            Pattern.compile(words[0]);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("include '" + text + "': bad regex: " + e.getDescription(), e);
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq <= 0 || eq == words[i].length() - 1) {
                throw new IllegalArgumentException(
                        "include '" + text + "': expected name=v1,v2 but got '" + words[i] + "'");
            }
            String name = words[i].substring(0, eq);
            if (params.put(name, List.of(words[i].substring(eq + 1).split(","))) != null) {
                throw new IllegalArgumentException("include '" + text + "': parameter '" + name + "' given twice");
            }
        }
        return new GateInclude(words[0], params);
    }
}
