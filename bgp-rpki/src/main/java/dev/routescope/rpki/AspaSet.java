package dev.routescope.rpki;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable set of ASPAs keyed by customer AS; several ASPAs of one customer are merged into the
 * union of their providers (U-SPAS).
 *
 * <pre>{@code
 * AspaSet aspas = AspaSet.of(List.of(Aspa.of(64500, 64510, 64511), Aspa.of(64520, 0)));
 * aspas.authorized(64500, 64510); // PROVIDER_PLUS
 * aspas.authorized(64520, 64530); // NOT_PROVIDER_PLUS (AS0 ASPA)
 * aspas.authorized(64599, 64530); // NO_ATTESTATION
 * }</pre>
 *
 * <p>Immutable and thread-safe. Lookups binary-search a sorted primitive array and do not
 * allocate.
 *
 * @since 0.1
 */
public final class AspaSet {
    private static final AspaSet EMPTY = new AspaSet(new long[0], new long[0][]);

    private final long[] customers;
    private final long[][] providers;

    private AspaSet(long[] customers, long[][] providers) {
        this.customers = customers;
        this.providers = providers;
    }

    /** {@return the empty set: every hop is NO_ATTESTATION} */
    public static AspaSet empty() {
        return EMPTY;
    }

    /**
     * A set of the given ASPAs; ASPAs of the same customer are merged.
     *
     * @param aspas the ASPAs
     * @return the set
     */
    public static AspaSet of(Collection<Aspa> aspas) {
        TreeMap<Long, long[]> merged = new TreeMap<>();
        for (Aspa a : aspas) {
            merged.merge(a.customerAsn(), a.providerAsns(), AspaSet::union);
        }
        return fromMap(merged);
    }

    private static AspaSet fromMap(SortedMap<Long, long[]> merged) {
        if (merged.isEmpty()) {
            return EMPTY;
        }
        long[] c = new long[merged.size()];
        long[][] p = new long[merged.size()][];
        int i = 0;
        for (var e : merged.entrySet()) {
            c[i] = e.getKey();
            // re-normalise through Aspa (sort, dedupe, AS0 dropped when real providers exist)
            p[i] = new Aspa(e.getKey(), e.getValue()).providerAsns();
            i++;
        }
        return new AspaSet(c, p);
    }

    private static long[] union(long[] a, long[] b) {
        long[] u = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, u, a.length, b.length);
        return u;
    }

    /** {@return the number of customer ASes with an ASPA} */
    public int size() {
        return customers.length;
    }

    /** {@return true if there are no ASPAs} */
    public boolean isEmpty() {
        return customers.length == 0;
    }

    /**
     * The (merged) ASPA of a customer.
     *
     * @param customerAsn the customer
     * @return its ASPA, or empty
     */
    public Optional<Aspa> get(long customerAsn) {
        int i = Arrays.binarySearch(customers, customerAsn);
        return i < 0 ? Optional.empty() : Optional.of(new Aspa(customerAsn, providers[i]));
    }

    /** {@return every ASPA, by customer ASN} */
    public List<Aspa> aspas() {
        List<Aspa> out = new ArrayList<>(customers.length);
        for (int i = 0; i < customers.length; i++) {
            out.add(new Aspa(customers[i], providers[i]));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The provider authorization function {@code authorized(x, y)}.
     *
     * @param customerAsn {@code x}
     * @param providerAsn {@code y}
     * @return whether {@code y} is an attested provider of {@code x}
     */
    public AspaAuthorization authorized(long customerAsn, long providerAsn) {
        int i = Arrays.binarySearch(customers, customerAsn);
        if (i < 0) {
            return AspaAuthorization.NO_ATTESTATION;
        }
        return Arrays.binarySearch(providers[i], providerAsn) >= 0
                ? AspaAuthorization.PROVIDER_PLUS
                : AspaAuthorization.NOT_PROVIDER_PLUS;
    }

    /**
     * A new set where each announced ASPA replaces its customer's whole provider set and each
     * withdrawn customer loses its ASPA (RTR v2 ASPA PDU semantics).
     *
     * @param announced ASPAs to set
     * @param withdrawnCustomers customers whose ASPA is removed
     * @return the new set; this one is unchanged
     */
    public AspaSet withChanges(Collection<Aspa> announced, Collection<Long> withdrawnCustomers) {
        TreeMap<Long, long[]> m = new TreeMap<>();
        for (int i = 0; i < customers.length; i++) {
            m.put(customers[i], providers[i]);
        }
        for (Long c : withdrawnCustomers) {
            m.remove(c);
        }
        for (Aspa a : announced) {
            m.put(a.customerAsn(), a.providerAsns());
        }
        return fromMap(m);
    }

    @Override
    public String toString() {
        return "AspaSet[" + customers.length + " customers]";
    }
}
