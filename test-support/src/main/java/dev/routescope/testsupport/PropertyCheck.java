package dev.routescope.testsupport;

import org.opentest4j.TestAbortedException;

/**
 * Runs a property many times with seeded, reproducible random input: the plain-JUnit replacement for a property-test
 * engine.
 *
 * <pre>{@code
 * @Test
 * void formatThenParse_roundTrips() {
 *     PropertyCheck.forAll(3000, g -> {
 *         Prefix p = Prefix.ofMasked(IpAddress.ofIpv4(g.ipv4Bits()), g.prefixLength(32));
 *         g.note("prefix", p);
 *         assertThat(Prefix.parse(p.toString())).isEqualTo(p);
 *     });
 * }
 * }</pre>
 *
 * <p>Try {@code i} of a property draws from a {@link Gen} seeded with a mix of the base seed, the property name
 * (test class and method, by default) and {@code i}, so every run of the build sees the same input, different
 * properties see different input, and a failure names everything needed to reproduce it:
 *
 * <pre>
 * property MyTest#roundTrip failed on try 17 of 3000 (base seed 5408613432, try seed 0x…)
 *   reproduce: -Droutescope.property.seed=5408613432 -Dtest='MyTest#roundTrip'
 *   notes: prefix=10.0.0.0/7
 * </pre>
 *
 * <p>Two system properties tune a run without touching code: {@value #SEED_PROPERTY} replaces the fixed base seed
 * (explore new input, or replay a failure reported with another seed), {@value #TRIES_PROPERTY} replaces every
 * property's number of tries (a longer soak run, or a quick one).
 *
 * <p>An aborted assumption ({@link TestAbortedException}, e.g. from {@link SharedData}) passes through unchanged so the
 * test is skipped, not failed.
 *
 * <p>Threading: {@code forAll} runs the tries one after the other on the calling thread.
 */
public final class PropertyCheck {
    /** System property that replaces the fixed base seed; decimal or {@code 0x} hex. */
    public static final String SEED_PROPERTY = "routescope.property.seed";

    /** System property that replaces the number of tries of every property. */
    public static final String TRIES_PROPERTY = "routescope.property.tries";

    /** The base seed used when {@value #SEED_PROPERTY} is not set: fixed so that CI runs are repeatable. */
    public static final long DEFAULT_SEED = 20261123L;

    private PropertyCheck() {}

    /** A property: checks one input drawn from {@code g}, failing by throwing. */
    @FunctionalInterface
    public interface Property {
        /**
         * Checks the property for one input.
         *
         * @param g the source of this try's input
         * @throws Exception on failure (an {@link AssertionError}, or any exception the code under test lets escape)
         */
        void check(Gen g) throws Exception;
    }

    /**
     * Runs {@code property} {@code tries} times, named after the calling test method.
     *
     * @param tries number of tries (replaced by {@value #TRIES_PROPERTY} when set)
     * @param property the property
     * @throws AssertionError naming the property, the try, the seeds and the notes of the failing try
     */
    public static void forAll(int tries, Property property) {
        forAll(callerName(), tries, property);
    }

    /**
     * Runs {@code property} {@code tries} times under an explicit name (use one name per property: it selects the
     * input).
     *
     * @param name property name, part of the seed of every try and of the failure message
     * @param tries number of tries (replaced by {@value #TRIES_PROPERTY} when set)
     * @param property the property
     * @throws AssertionError naming the property, the try, the seeds and the notes of the failing try
     */
    public static void forAll(String name, int tries, Property property) {
        if (tries < 1) {
            throw new IllegalArgumentException("tries " + tries + " (expected: at least 1)");
        }
        long base = baseSeed();
        int n = effectiveTries(tries);
        for (int i = 0; i < n; i++) {
            long seed = trySeed(base, name, i);
            Gen g = Gen.seeded(seed);
            try {
                property.check(g);
            } catch (TestAbortedException e) {
                throw e;
            } catch (Throwable t) {
                throw new AssertionError(failureMessage(name, i, n, base, seed, g, t), t);
            }
        }
    }

    /**
     * {@return the base seed of this run: {@value #SEED_PROPERTY} if set, else {@link #DEFAULT_SEED}}
     *
     * @throws IllegalArgumentException if the system property is not a number
     */
    public static long baseSeed() {
        String text = System.getProperty(SEED_PROPERTY);
        if (text == null || text.isBlank()) {
            return DEFAULT_SEED;
        }
        String t = text.trim();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    SEED_PROPERTY + " '" + text + "' is not a number (expected: decimal or 0x hex long)", e);
        }
    }

    /**
     * {@return {@value #TRIES_PROPERTY} if set, else {@code tries}}
     *
     * @param tries the property's own number of tries
     * @throws IllegalArgumentException if the system property is not a positive int
     */
    public static int effectiveTries(int tries) {
        String text = System.getProperty(TRIES_PROPERTY);
        if (text == null || text.isBlank()) {
            return tries;
        }
        int n;
        try {
            n = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    TRIES_PROPERTY + " '" + text + "' is not an int (expected: 1.." + Integer.MAX_VALUE + ")", e);
        }
        if (n < 1) {
            throw new IllegalArgumentException(TRIES_PROPERTY + " " + n + " (expected: 1.." + Integer.MAX_VALUE + ")");
        }
        return n;
    }

    /**
     * The seed of one try: a strong mix so that neighbouring tries and similar names give unrelated streams.
     *
     * @param base base seed of the run
     * @param name property name
     * @param tryIndex zero-based try number
     * @return the seed for {@link Gen#seeded}
     */
    public static long trySeed(long base, String name, int tryIndex) {
        long h = base;
        for (int i = 0; i < name.length(); i++) {
            h = mix64(h + name.charAt(i) * 0x9E3779B97F4A7C15L);
        }
        return mix64(h + (tryIndex + 1L) * 0xBF58476D1CE4E5B9L);
    }

    // Stafford's variant 13 of the MurmurHash3 finaliser, as used by SplittableRandom.
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String failureMessage(String name, int i, int n, long base, long seed, Gen g, Throwable t) {
        StringBuilder sb = new StringBuilder()
                .append("property ")
                .append(name)
                .append(" failed on try ")
                .append(i)
                .append(" of ")
                .append(n)
                .append(" (base seed ")
                .append(base)
                .append(", try seed 0x")
                .append(Long.toHexString(seed))
                .append(")\n  reproduce: -D")
                .append(SEED_PROPERTY)
                .append('=')
                .append(base);
        int hash = name.indexOf('#');
        if (hash > 0) {
            String cls = name.substring(name.lastIndexOf('.', hash) + 1);
            sb.append(" -Dtest='").append(cls).append('\'');
        }
        if (!g.notes().isEmpty()) {
            sb.append("\n  notes: ").append(abbreviate(String.join(", ", g.notes()), 8000));
        }
        return sb.append("\n  cause: ")
                .append(abbreviate(String.valueOf(t).strip(), 4000))
                .toString();
    }

    // A generated input can be megabytes; the report must stay readable in a Surefire summary.
    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "… (" + text.length() + " chars)";
    }

    private static String callerName() {
        return StackWalker.getInstance()
                .walk(frames -> frames.filter(f -> !f.getClassName().equals(PropertyCheck.class.getName()))
                        .findFirst()
                        .map(f -> f.getClassName() + "#" + enclosingMethod(f.getMethodName()))
                        .orElse("property"));
    }

    // javac names a lambda body lambda$<enclosing method>$<n>: name the property after the test method.
    private static String enclosingMethod(String method) {
        int last = method.lastIndexOf('$');
        return method.startsWith("lambda$") && last > "lambda$".length()
                ? method.substring("lambda$".length(), last)
                : method;
    }
}
