package dev.routescope.rpki;

import dev.routescope.model.Prefix;
import java.util.List;

/** The RFC 6811 pseudo-code as a linear scan over every VRP: the reference for cross-checks. */
final class NaiveValidator {
    private final Vrp[] vrps;

    NaiveValidator(List<Vrp> vrps) {
        this.vrps = vrps.toArray(new Vrp[0]);
    }

    RovState validate(Prefix route, long origin) {
        boolean covered = false;
        for (Vrp v : vrps) {
            if (v.prefix().covers(route)) {
                covered = true;
                if (route.length() <= v.maxLength() && origin >= 0 && v.asn() != 0 && origin == v.asn()) {
                    return RovState.VALID;
                }
            }
        }
        return covered ? RovState.INVALID : RovState.NOT_FOUND;
    }
}
