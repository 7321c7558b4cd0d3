package dev.routescope.detect.internal;

import dev.routescope.detect.spi.RouteOriginLookup;
import dev.routescope.detect.spi.RovState;
import dev.routescope.detect.spi.Vrp;
import dev.routescope.model.Prefix;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** RFC 6811 validation over a prefix map of VRP lists; immutable after construction. */
public final class VrpTable implements RouteOriginLookup {
    private final PrefixMap<List<Vrp>> byPrefix = new PrefixMap<>();
    private final @Nullable Instant dataTime;

    /**
     * Indexes the VRPs.
     *
     * @param vrps the VRPs
     * @param dataTime when they were produced, or null
     */
    public VrpTable(Collection<Vrp> vrps, @Nullable Instant dataTime) {
        for (Vrp v : vrps) {
            List<Vrp> list = byPrefix.get(v.prefix());
            if (list == null) {
                list = new ArrayList<>(1);
                byPrefix.put(v.prefix(), list);
            }
            list.add(v);
        }
        this.dataTime = dataTime;
    }

    @Override
    public RovState validate(Prefix prefix, long originAsn) {
        boolean covered = false;
        boolean originMatched = false;
        Prefix at = prefix;
        while (true) {
            Prefix key = byPrefix.coveringKey(at, true);
            if (key == null) {
                break;
            }
            List<Vrp> list = byPrefix.get(key);
            if (list != null) {
                for (Vrp v : list) {
                    covered = true;
                    if (v.matches(prefix, originAsn)) {
                        return RovState.VALID;
                    }
                    if (originAsn >= 0 && v.asn().value() == originAsn) {
                        originMatched = true;
                    }
                }
            }
            if (key.length() == 0) {
                break;
            }
            at = key.supernet(key.length() - 1);
        }
        if (!covered) {
            return RovState.NOT_FOUND;
        }
        return originMatched ? RovState.INVALID_LENGTH : RovState.INVALID_ORIGIN;
    }

    @Override
    public @Nullable Instant dataTime() {
        return dataTime;
    }
}
