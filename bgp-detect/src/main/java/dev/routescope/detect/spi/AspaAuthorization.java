package dev.routescope.detect.spi;

/**
 * Result of the ASPA provider authorisation function (draft-ietf-sidrops-aspa-verification).
 *
 * <pre>{@code
 * aspa.authorized(64500, 64510) == AspaAuthorization.PROVIDER_PLUS
 * }</pre>
 *
 * @since 0.1
 */
public enum AspaAuthorization {
    /** The customer has no ASPA. */
    NO_ATTESTATION,
    /** The provider is in the customer's provider set. */
    PROVIDER_PLUS,
    /** The customer has an ASPA that does not list the provider (includes AS0 ASPAs). */
    NOT_PROVIDER_PLUS
}
