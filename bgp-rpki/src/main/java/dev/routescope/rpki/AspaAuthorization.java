package dev.routescope.rpki;

/**
 * The provider authorization function of draft-ietf-sidrops-aspa-verification: is {@code y} an
 * attested provider of {@code x}?
 *
 * <pre>{@code
 * aspas.authorized(64500, 64510); // PROVIDER_PLUS when 64500 lists 64510
 * }</pre>
 *
 * @since 0.1
 */
public enum AspaAuthorization {
    /** {@code x} has no ASPA. */
    NO_ATTESTATION,
    /** {@code y} is in {@code x}'s provider set. */
    PROVIDER_PLUS,
    /** {@code x} has an ASPA that does not list {@code y} (including an AS0 ASPA). */
    NOT_PROVIDER_PLUS
}
