package dev.routescope.detect;

import dev.routescope.detect.spi.AspaAuthorization;
import dev.routescope.detect.spi.AspaLookup;
import java.util.Map;
import java.util.Set;

/** The ASPA set of domain.md §8's worked examples (from draft-ietf-sidrops-aspa-verification). */
final class AspaFixtures {
    private static final Map<Long, Set<Long>> ASPAS = Map.of(
            64500L, Set.of(64510L, 64511L),
            64510L, Set.of(64520L),
            64520L, Set.of(0L),
            64530L, Set.of(0L),
            64540L, Set.of(64530L),
            64550L, Set.of(64540L));

    static final AspaLookup DOMAIN_EXAMPLES = (customer, provider) -> {
        Set<Long> providers = ASPAS.get(customer);
        if (providers == null) {
            return AspaAuthorization.NO_ATTESTATION;
        }
        return providers.contains(provider) ? AspaAuthorization.PROVIDER_PLUS : AspaAuthorization.NOT_PROVIDER_PLUS;
    };

    private AspaFixtures() {}
}
