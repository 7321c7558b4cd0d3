package dev.routescope.rpki;

import java.time.Instant;
import java.util.Optional;

/**
 * A VRP with the metadata its source gave: the trust anchor and the expiry (rpki-client's {@code
 * expires}: the earliest expiry in the validation chain; the RIPE archive's {@code Not After}).
 *
 * <pre>{@code
 * for (VrpEntry e : snapshot.expiringWithin(Instant.now(), Duration.ofHours(2))) {
 *     System.out.println(e.vrp() + " from " + e.trustAnchor() + " expires " + e.expiry().orElseThrow());
 * }
 * }</pre>
 *
 * @param vrp the VRP
 * @param trustAnchor trust anchor name as given by the source ({@code ripe}, {@code apnic}, ...),
 *     empty when unknown
 * @param expires expiry in Unix seconds, 0 when unknown
 * @since 0.1
 */
public record VrpEntry(Vrp vrp, String trustAnchor, long expires) {

    /** {@return the expiry, if the source gave one} */
    public Optional<Instant> expiry() {
        return expires == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(expires));
    }

    @Override
    public String toString() {
        return vrp + (trustAnchor.isEmpty() ? "" : " " + trustAnchor) + (expires == 0 ? "" : " expires " + expires);
    }
}
