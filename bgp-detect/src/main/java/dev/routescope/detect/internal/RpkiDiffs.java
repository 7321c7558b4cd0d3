package dev.routescope.detect.internal;

import dev.routescope.detect.spi.RpkiUpdate;
import dev.routescope.detect.spi.Vrp;
import dev.routescope.model.Asn;
import dev.routescope.rpki.VrpDiff;
import dev.routescope.rpki.VrpEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Converts {@code bgp-rpki} diffs to the detector SPI's {@link RpkiUpdate}. */
public final class RpkiDiffs {
    private RpkiDiffs() {}

    /**
     * Converts a diff.
     *
     * @param diff the diff
     * @param time event time at which it applies
     * @return the update
     */
    public static RpkiUpdate toUpdate(VrpDiff diff, Instant time) {
        return new RpkiUpdate(time, convert(diff.added()), convert(diff.removed()));
    }

    private static List<Vrp> convert(List<VrpEntry> entries) {
        List<Vrp> out = new ArrayList<>(entries.size());
        for (VrpEntry e : entries) {
            dev.routescope.rpki.Vrp v = e.vrp();
            out.add(new Vrp(v.prefix(), v.maxLength(), Asn.of(v.asn())));
        }
        return out;
    }
}
