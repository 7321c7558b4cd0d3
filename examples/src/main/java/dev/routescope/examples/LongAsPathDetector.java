package dev.routescope.examples;

import dev.routescope.detect.spi.Alert;
import dev.routescope.detect.spi.AlertType;
import dev.routescope.detect.spi.Detector;
import dev.routescope.detect.spi.DetectorContext;
import dev.routescope.detect.spi.DetectorProvider;
import dev.routescope.detect.spi.Observation;
import dev.routescope.detect.spi.Severity;
import dev.routescope.model.AsPath;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A custom detector for {@link LibraryExample}: AS paths of {@value #MAX_LENGTH} or more ASNs
 * (prepends included) are unusual and often a sign of prepending gone wrong or a path-length attack
 * on route selection. Raises {@code long-as-path} per (prefix, peer) and clears it when the peer's
 * route gets shorter or is withdrawn.
 *
 * <pre>{@code
 * Pipeline.builder().detect(new LongAsPathDetector.Provider())...   // or discoverDetectors()
 * }</pre>
 */
public final class LongAsPathDetector implements Detector {
    /** Paths this long or longer are reported. */
    public static final int MAX_LENGTH = 20;

    /** The alert type: MEDIUM, one peer is enough, lasts until cleared. */
    public static final AlertType LONG_AS_PATH = AlertType.of("long-as-path", Severity.MEDIUM, 1, true);

    /** Routes raised, keyed by prefix and peer; bounded by the routing table of this partition. */
    private final Set<String> raised = new HashSet<>();

    @Override
    public void observe(Observation o, DetectorContext context, Consumer<Alert> out) {
        AsPath path = o.path();
        boolean tooLong = o.isAnnouncement() && path != null && path.length() >= MAX_LENGTH;
        if (!tooLong && raised.isEmpty()) {
            return; // the common case: nothing to raise or clear, nothing allocated
        }
        String key = o.prefix() + "|" + o.peerId();
        if (tooLong && path != null && raised.add(key)) {
            out.accept(Alert.raise(LONG_AS_PATH, o)
                    .prefix(o.prefix())
                    .path(path)
                    .message("AS path of " + path.length() + " ASNs for " + o.prefix() + ": " + path)
                    .build());
        } else if (!tooLong && raised.remove(key)) {
            out.accept(Alert.clear(LONG_AS_PATH, o).prefix(o.prefix()).build());
        }
    }

    @Override
    public int stateSize() {
        return raised.size();
    }

    /** The SPI entry, listed in {@code META-INF/services/dev.routescope.detect.spi.DetectorProvider}. */
    public static final class Provider implements DetectorProvider {
        /** Called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String name() {
            return "long-as-path";
        }

        @Override
        public Partitioning partitioning() {
            return Partitioning.BY_PREFIX;
        }

        @Override
        public Detector create() {
            return new LongAsPathDetector();
        }
    }
}
