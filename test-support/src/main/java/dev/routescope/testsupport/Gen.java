package dev.routescope.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Random input for one try of a {@link PropertyCheck} property: numbers, byte arrays, strings, choices from lists, and
 * the BGP values the modules need (IPv4/IPv6 address bits, prefix lengths, ASNs).
 *
 * <pre>{@code
 * PropertyCheck.forAll(1000, g -> {
 *     long asn = g.asn();
 *     List<Integer> ops = g.list(0, 300, () -> g.intBetween(0, 9999));
 *     String text = g.string(200);
 *     ...
 * });
 * }</pre>
 *
 * <p>Numbers are not uniform: about one draw in sixteen is an edge value of the range (its ends, their neighbours,
 * zero, the well-known special values of the domain) and about one in three is small (log-uniform distance from zero,
 * or from the range end nearest to it), because those are where the bugs are; the rest is uniform. Sizes of lists,
 * arrays and strings are drawn the same way, so empty and maximal ones come up in every few dozen tries.
 *
 * <p>BGP values are returned as primitives (address bits, lengths, {@code long} ASNs) because this module cannot
 * depend on {@code bgp-model}: the model's own tests use it. Build model values from them in the test.
 *
 * <p>Threading: not thread-safe; a {@code Gen} belongs to one try. Same seed, same calls: same values.
 */
public final class Gen {
    private static final int[] IPV4_EDGES = {
        0, 0xFFFF_FFFF, 0x7F00_0001, 0x0A00_0000, 0xC000_0200, 0x8000_0000, 0x7FFF_FFFF, 0xE000_0000
    };
    private static final long[] IPV6_EDGES = {
        0L, -1L, 0x2001_0DB8_0000_0000L, 0xFE80_0000_0000_0000L, 0x0000_FFFF_0000_0000L, 0x8000_0000_0000_0000L, 1L
    };
    private static final long[] ASN_EDGES = {
        0L,
        1L,
        23_456L,
        64_495L,
        64_496L,
        64_511L,
        64_512L,
        65_534L,
        65_535L,
        65_536L,
        65_551L,
        65_552L,
        131_071L,
        131_072L,
        4_199_999_999L,
        4_200_000_000L,
        4_294_967_294L,
        4_294_967_295L
    };
    /** Characters with a meaning to the parsers under test (JSON, YAML, CSV, URLs, line framing). */
    private static final String SPECIALS =
            "\u0000\t\n\r \"#%&'*,-./0123456789:;<>?@[\\]^_`{|}~\u007F\u0085\u00A0" + "\u2028\u2029\uFEFF\uFFFD";

    private final SplittableRandom random;
    private final List<String> notes = new ArrayList<>();

    private Gen(SplittableRandom random) {
        this.random = random;
    }

    /**
     * A generator seeded explicitly (outside {@link PropertyCheck}, e.g. to replay one try from its try seed).
     *
     * @param seed the seed
     * @return a new generator
     */
    public static Gen seeded(long seed) {
        return new Gen(new SplittableRandom(seed));
    }

    /** {@return the underlying uniform source, for draws this class does not offer} */
    public SplittableRandom random() {
        return random;
    }

    /**
     * Records a value of this try; the notes appear in the failure message of {@link PropertyCheck}.
     *
     * @param label what the value is
     * @param value the value ({@code toString()} is taken now, so mutable values print as they were)
     * @return {@code value}, to note and use in one expression
     * @param <T> the value type
     */
    public <T> T note(String label, T value) {
        notes.add(label + "=" + value);
        return value;
    }

    /** {@return the notes of this try, in order} */
    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    /** {@return true or false, evenly} */
    public boolean bool() {
        return random.nextBoolean();
    }

    /**
     * {@return true with the given probability}
     *
     * @param probability 0..1
     */
    public boolean chance(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability " + probability + " (expected: 0..1)");
        }
        return random.nextDouble() < probability;
    }

    /**
     * {@return an int in {@code min..max} (both inclusive), edge- and small-biased}
     *
     * @param min lowest value
     * @param max highest value
     */
    public int intBetween(int min, int max) {
        return (int) longBetween(min, max);
    }

    /**
     * {@return a long in {@code min..max} (both inclusive), edge- and small-biased}
     *
     * @param min lowest value
     * @param max highest value
     */
    public long longBetween(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("range " + min + ".." + max + " is empty (expected: min <= max)");
        }
        int mode = random.nextInt(16);
        if (mode == 0) {
            return edge(min, max);
        }
        if (mode <= 5) {
            return small(min, max);
        }
        return uniform(min, max);
    }

    /** {@return any int, edge- and small-biased} */
    public int anyInt() {
        return intBetween(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** {@return any long, edge- and small-biased} */
    public long anyLong() {
        return longBetween(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * {@return a byte array of {@code minLength..maxLength} bytes: uniform bytes, or (one array in four) bytes drawn
     * from 0x00, 0x01, 0x7F, 0x80, 0xFF}
     *
     * @param minLength shortest length
     * @param maxLength longest length
     */
    public byte[] bytes(int minLength, int maxLength) {
        byte[] b = new byte[size(minLength, maxLength)];
        if (random.nextInt(4) == 0) {
            byte[] edges = {0, 1, 0x7F, (byte) 0x80, (byte) 0xFF};
            for (int i = 0; i < b.length; i++) {
                b[i] = edges[random.nextInt(edges.length)];
            }
        } else {
            random.nextBytes(b);
        }
        return b;
    }

    /**
     * {@return a well-formed UTF-16 string of {@code 0..maxLength} chars}
     *
     * <p>The characters mix ASCII (controls included), characters that mean something to our parsers (quotes, brackets,
     * colon, comma, hash, backslash, CR, LF, NUL, BOM, line and paragraph separators), any BMP character outside the surrogate range, and
     * supplementary characters as valid surrogate pairs. Strings survive a UTF-8 round trip unchanged.
     *
     * @param maxLength longest length in chars
     */
    public String string(int maxLength) {
        return string(0, maxLength);
    }

    /**
     * {@return a well-formed UTF-16 string of {@code minLength..maxLength} chars, drawn like {@link #string(int)}}
     *
     * @param minLength shortest length in chars
     * @param maxLength longest length in chars
     */
    public String string(int minLength, int maxLength) {
        int length = size(minLength, maxLength);
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length) {
            int kind = random.nextInt(20);
            if (kind < 8) {
                sb.append((char) random.nextInt(0x80));
            } else if (kind < 11) {
                sb.append(SPECIALS.charAt(random.nextInt(SPECIALS.length())));
            } else if (kind < 19 || sb.length() + 2 > length) {
                char c;
                do {
                    c = (char) random.nextInt(0x1_0000);
                } while (Character.isSurrogate(c));
                sb.append(c);
            } else {
                sb.appendCodePoint(random.nextInt(0x1_0000, Character.MAX_CODE_POINT + 1));
            }
        }
        return sb.toString();
    }

    /**
     * {@return a string of {@code minLength..maxLength} characters, each picked from {@code alphabet}}
     *
     * @param minLength shortest length
     * @param maxLength longest length
     * @param alphabet the characters to use (BMP, at least one)
     */
    public String string(int minLength, int maxLength, String alphabet) {
        if (alphabet.isEmpty()) {
            throw new IllegalArgumentException("alphabet is empty (expected: at least one character)");
        }
        int length = size(minLength, maxLength);
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(c);
    }

    /**
     * {@return one element of {@code values}, uniformly}
     *
     * @param values the choices (at least one)
     * @param <T> element type
     */
    public <T> T pick(List<T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("nothing to pick from (expected: at least one value)");
        }
        return values.get(random.nextInt(values.size()));
    }

    /**
     * {@return one of {@code values}, uniformly}
     *
     * @param values the choices (at least one)
     * @param <T> element type
     */
    @SafeVarargs
    public final <T> T pick(T... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("nothing to pick from (expected: at least one value)");
        }
        return values[random.nextInt(values.length)];
    }

    /**
     * {@return one constant of an enum, uniformly}
     *
     * @param type the enum
     * @param <E> enum type
     */
    public <E extends Enum<E>> E pick(Class<E> type) {
        return pick(List.of(type.getEnumConstants()));
    }

    /**
     * {@return a list of {@code minSize..maxSize} elements made by {@code element} (duplicates possible)}
     *
     * @param minSize fewest elements
     * @param maxSize most elements
     * @param element makes one element (usually by drawing from this {@code Gen})
     * @param <T> element type
     */
    public <T> List<T> list(int minSize, int maxSize, Supplier<T> element) {
        int n = size(minSize, maxSize);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(element.get());
        }
        return out;
    }

    /**
     * {@return a random subset of {@code values} with at least {@code minSize} elements, in the original order}
     *
     * @param values the universe (no duplicates)
     * @param minSize fewest elements (at most {@code values.size()})
     * @param <T> element type
     */
    public <T> List<T> subset(List<T> values, int minSize) {
        if (minSize > values.size()) {
            throw new IllegalArgumentException(
                    "subset of at least " + minSize + " from " + values.size() + " values is impossible");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new java.util.Random(random.nextLong()));
        int n = size(minSize, values.size());
        List<Integer> chosen = new ArrayList<>(order.subList(0, n));
        Collections.sort(chosen);
        List<T> out = new ArrayList<>(n);
        for (int i : chosen) {
            out.add(values.get(i));
        }
        return out;
    }

    /**
     * {@return null with the given probability, else a value made by {@code value}}
     *
     * @param nullProbability 0..1
     * @param value makes the value
     * @param <T> value type
     */
    public <T> @Nullable T orNull(double nullProbability, Supplier<T> value) {
        return chance(nullProbability) ? null : value.get();
    }

    /**
     * {@return a size in {@code min..max}, biased like {@link #intBetween} so that the ends come up often}
     *
     * @param min smallest size (at least 0)
     * @param max largest size
     */
    public int size(int min, int max) {
        if (min < 0) {
            throw new IllegalArgumentException("size " + min + ".." + max + " (expected: min >= 0)");
        }
        return intBetween(min, max);
    }

    /** {@return 32 IPv4 address bits (as {@code IpAddress.ofIpv4} takes them), with well-known addresses as edges} */
    public int ipv4Bits() {
        return random.nextInt(16) == 0 ? IPV4_EDGES[random.nextInt(IPV4_EDGES.length)] : random.nextInt();
    }

    /** {@return one 64-bit word of an IPv6 address (high or low), with ::, all-ones, 2001:db8::, fe80:: as edges} */
    public long ipv6Word() {
        return random.nextInt(16) == 0 ? IPV6_EDGES[random.nextInt(IPV6_EDGES.length)] : random.nextLong();
    }

    /**
     * {@return a prefix length in {@code 0..maxBits}, edge-biased (0, 1, max-1, max come up often)}
     *
     * @param maxBits 32 for IPv4, 128 for IPv6
     */
    public int prefixLength(int maxBits) {
        return intBetween(0, maxBits);
    }

    /**
     * {@return an ASN in {@code 0..4294967295}: half 16-bit, half 4-byte, with AS_TRANS, the documentation, private and
     * reserved range ends as edges}
     */
    public long asn() {
        int mode = random.nextInt(16);
        if (mode == 0) {
            return ASN_EDGES[random.nextInt(ASN_EDGES.length)];
        }
        return mode <= 8 ? random.nextLong(0, 0x1_0000L) : random.nextLong(0, 0x1_0000_0000L);
    }

    private long edge(long min, long max) {
        long[] candidates = {min, max, min + 1, max - 1, 0, 1, -1};
        while (true) {
            long c = candidates[random.nextInt(candidates.length)];
            // min + 1 and max - 1 may wrap around; the range check discards them then.
            if (c >= min && c <= max) {
                return c;
            }
        }
    }

    private long small(long min, long max) {
        long anchor = min > 0 ? min : max < 0 ? max : 0;
        long offset = random.nextLong() >>> (1 + random.nextInt(63));
        boolean up = anchor != max && (anchor == min || random.nextBoolean());
        long v = up ? anchor + offset : anchor - offset;
        if (up ? v < anchor || v > max : v > anchor || v < min) {
            return uniform(min, max);
        }
        return v;
    }

    private long uniform(long min, long max) {
        if (max < Long.MAX_VALUE) {
            return random.nextLong(min, max + 1);
        }
        if (min > Long.MIN_VALUE) {
            return random.nextLong(min - 1, max) + 1;
        }
        return random.nextLong();
    }
}
