package dev.routescope.detect;

import dev.routescope.model.Asn;
import dev.routescope.model.Prefix;
import java.util.List;
import java.util.Set;

/**
 * One monitored prefix, as in a BGPalerter {@code prefixes.yml} entry.
 *
 * <pre>{@code
 * MonitoredPrefix p = MonitoredPrefix.of(Prefix.parse("165.254.255.0/24"), "Rome peering", Asn.of(2914));
 * p.expects(2914); // true
 * }</pre>
 *
 * @param prefix the prefix
 * @param description operator text ({@code description})
 * @param origins expected origins ({@code asn}); empty means "must not be announced" (squatting)
 * @param ignoreMoreSpecifics sub-prefixes are not monitored (YAML key ignore-more-specifics, spelled as BGPalerter does)
 * @param ignore the prefix (and its more-specifics) is excluded ({@code ignore})
 * @param group who receives the alerts ({@code group}), "default" if unset
 * @param excludeMonitors detector names not to run for it ({@code excludeMonitors})
 * @param includeMonitors if non-empty, the only detector names to run ({@code includeMonitors})
 * @param pathRules {@code path} rules, OR-ed
 * @since 0.1
 */
public record MonitoredPrefix(
        Prefix prefix,
        String description,
        List<Asn> origins,
        boolean ignoreMoreSpecifics,
        boolean ignore,
        String group,
        Set<String> excludeMonitors,
        Set<String> includeMonitors,
        List<PathRule> pathRules) {

    /** Copies the collections. */
    public MonitoredPrefix {
        origins = List.copyOf(origins);
        excludeMonitors = Set.copyOf(excludeMonitors);
        includeMonitors = Set.copyOf(includeMonitors);
        pathRules = List.copyOf(pathRules);
    }

    /**
     * A prefix with expected origins and defaults elsewhere.
     *
     * @param prefix the prefix
     * @param description text
     * @param origins expected origins
     * @return the entry
     */
    public static MonitoredPrefix of(Prefix prefix, String description, Asn... origins) {
        return new MonitoredPrefix(
                prefix, description, List.of(origins), false, false, "default", Set.of(), Set.of(), List.of());
    }

    /**
     * Whether {@code origin} is expected.
     *
     * @param origin the ASN value
     * @return true if listed
     */
    public boolean expects(long origin) {
        for (Asn a : origins) {
            if (a.value() == origin) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a detector should run for this prefix given include/exclude lists.
     *
     * @param detectorName the detector's name
     * @return true if enabled
     */
    public boolean runs(String detectorName) {
        if (!includeMonitors.isEmpty()) {
            return includeMonitors.contains(detectorName);
        }
        return !excludeMonitors.contains(detectorName);
    }
}
