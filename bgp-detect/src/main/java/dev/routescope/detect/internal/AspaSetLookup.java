package dev.routescope.detect.internal;

import dev.routescope.detect.spi.AspaAuthorization;
import dev.routescope.detect.spi.AspaLookup;
import dev.routescope.rpki.AspaSet;
import java.util.function.Supplier;

/** {@code bgp-rpki}'s ASPA table behind the detector seam, read afresh on every call (RTR updates). */
public final class AspaSetLookup implements AspaLookup {
    private final Supplier<AspaSet> aspas;

    /**
     * Wraps a supplier of the current ASPA set.
     *
     * @param aspas returns the set in use now; must be cheap and thread-safe
     */
    public AspaSetLookup(Supplier<AspaSet> aspas) {
        this.aspas = aspas;
    }

    @Override
    public AspaAuthorization authorized(long customer, long provider) {
        return switch (aspas.get().authorized(customer, provider)) {
            case NO_ATTESTATION -> AspaAuthorization.NO_ATTESTATION;
            case PROVIDER_PLUS -> AspaAuthorization.PROVIDER_PLUS;
            case NOT_PROVIDER_PLUS -> AspaAuthorization.NOT_PROVIDER_PLUS;
        };
    }

    @Override
    public String toString() {
        return "AspaSet[" + aspas.get() + "]";
    }
}
