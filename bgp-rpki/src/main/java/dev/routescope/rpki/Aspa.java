package dev.routescope.rpki;

import dev.routescope.model.Asn;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A validated ASPA payload: a customer AS and the set of its provider ASes (transit providers and
 * non-transparent route servers, both address families together). An AS0 ASPA (providers {@code
 * {0}}) attests that the customer has no providers.
 *
 * <pre>{@code
 * Aspa a = Aspa.of(64500, 64510, 64511);
 * a.hasProvider(64510); // true
 * a.toString();         // "AS64500 => [AS64510, AS64511]"
 * }</pre>
 *
 * <p>Immutable value: equality by customer and provider set.
 *
 * @since 0.1
 */
public final class Aspa {
    private final long customerAsn;
    private final long[] providerAsns;

    /**
     * Validates ranges, sorts, de-duplicates and copies the providers. AS0 listed together with real
     * providers is dropped, as the RTR cache does (draft-ietf-sidrops-8210bis).
     *
     * @param customerAsn the customer ASN
     * @param providerAsns the provider ASNs, any order, duplicates allowed; {@code {0}} for none
     * @throws IllegalArgumentException for an ASN out of range or an empty provider set
     */
    public Aspa(long customerAsn, long[] providerAsns) {
        checkAsn(customerAsn, "customer ASN");
        if (providerAsns.length == 0) {
            throw new IllegalArgumentException(
                    "ASPA for AS" + customerAsn + " has no providers (expected: at least" + " one; AS0 for none)");
        }
        long[] p = providerAsns.clone();
        Arrays.sort(p);
        int w = 0;
        for (long x : p) {
            checkAsn(x, "provider ASN");
            if (w == 0 || p[w - 1] != x) {
                p[w++] = x;
            }
        }
        if (w > 1 && p[0] == 0) {
            p = Arrays.copyOfRange(p, 1, w);
        } else {
            p = Arrays.copyOf(p, w);
        }
        this.customerAsn = customerAsn;
        this.providerAsns = p;
    }

    private static void checkAsn(long v, String what) {
        if (v < 0 || v > Asn.MAX_VALUE) {
            throw new IllegalArgumentException(what + " " + v + " out of range (expected: 0..4294967295)");
        }
    }

    /**
     * An ASPA.
     *
     * @param customer the customer ASN
     * @param providers one or more provider ASNs
     * @return the ASPA
     */
    public static Aspa of(long customer, long... providers) {
        return new Aspa(customer, providers);
    }

    /** {@return the customer ASN} */
    public long customerAsn() {
        return customerAsn;
    }

    /** {@return a copy of the provider ASNs, ascending, without duplicates} */
    public long[] providerAsns() {
        return providerAsns.clone();
    }

    /** {@return the number of providers} */
    public int providerCount() {
        return providerAsns.length;
    }

    /**
     * Whether an AS is an attested provider.
     *
     * @param asn the candidate provider
     * @return true if listed
     */
    public boolean hasProvider(long asn) {
        return Arrays.binarySearch(providerAsns, asn) >= 0;
    }

    /** {@return true for an AS0 ASPA (no providers)} */
    public boolean isAs0() {
        return providerAsns.length == 1 && providerAsns[0] == 0;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Aspa a && a.customerAsn == customerAsn && Arrays.equals(a.providerAsns, providerAsns);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(customerAsn) * 31 + Arrays.hashCode(providerAsns);
    }

    /** {@return {@code AS<customer> => [AS<p1>, ...]}} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("AS").append(customerAsn).append(" => [");
        for (int i = 0; i < providerAsns.length; i++) {
            sb.append(i == 0 ? "AS" : ", AS").append(providerAsns[i]);
        }
        return sb.append(']').toString();
    }
}
