package dev.routescope.detect.spi;

/**
 * ASPA provider authorisations: the seam where {@code bgp-rpki}'s ASPA table plugs in.
 * Thread-safe, non-blocking.
 *
 * <pre>{@code
 * AspaLookup aspa = (customer, provider) -> customer == 64500 && provider == 64510
 *         ? AspaAuthorization.PROVIDER_PLUS : AspaAuthorization.NO_ATTESTATION;
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface AspaLookup {

    /** No ASPA data: everything is {@link AspaAuthorization#NO_ATTESTATION}. */
    AspaLookup NONE = (customer, provider) -> AspaAuthorization.NO_ATTESTATION;

    /**
     * Whether {@code provider} is an attested provider of {@code customer}.
     *
     * @param customer the customer ASN
     * @param provider the candidate provider ASN
     * @return the authorisation
     */
    AspaAuthorization authorized(long customer, long provider);
}
