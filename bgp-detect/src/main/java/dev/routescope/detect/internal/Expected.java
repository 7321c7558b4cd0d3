package dev.routescope.detect.internal;

import dev.routescope.detect.MonitoredPrefix;
import dev.routescope.detect.spi.DetectorContext;
import dev.routescope.model.Asn;
import dev.routescope.model.Prefix;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Which origins are expected for a route's prefix: from the most specific configured rule, else
 * (if allowed) from the learned baseline of the prefix or of its most specific covering prefix.
 */
public final class Expected {
    private final Prefix reference;
    private final long[] origins;
    private final boolean exact;
    private final @Nullable MonitoredPrefix rule;

    Expected(Prefix reference, long[] origins, boolean exact, @Nullable MonitoredPrefix rule) {
        this.reference = reference;
        this.origins = origins;
        this.exact = exact;
        this.rule = rule;
    }

    /** {@return the configured or learned prefix the route falls under} */
    public Prefix reference() {
        return reference;
    }

    /** {@return expected origins, sorted (do not modify)} */
    public long[] origins() {
        return origins;
    }

    /** {@return whether the route prefix is the reference itself} */
    public boolean exact() {
        return exact;
    }

    /** {@return the configured rule, or null when learned} */
    public @Nullable MonitoredPrefix rule() {
        return rule;
    }

    /**
     * Resolves expectations.
     *
     * @param prefix the route prefix
     * @param ctx the context
     * @param detector the detector name (include/exclude lists)
     * @param useBaselines whether learned baselines may be used
     * @return the expectation, or null if the prefix is not monitored
     */
    @SuppressWarnings("ReferenceEquality") // identity is the point: same observation, same shared data
    public static @Nullable Expected of(Prefix prefix, DetectorContext ctx, String detector, boolean useBaselines) {
        // Several detectors ask the same question about the same observation in a row; one walk
        // over the covering prefixes per (prefix, mode) is enough.
        Memo memo = MEMO.get();
        if (memo.prefix == prefix
                && memo.monitored == ctx.monitored()
                && memo.baselines == ctx.baselines()
                && memo.baselineVersion == ctx.baselines().version()
                && memo.useBaselines == useBaselines) {
            Expected e = memo.result;
            return e != null && e.rule != null && !e.rule.runs(detector) ? null : e;
        }
        Expected e = resolve(prefix, ctx, useBaselines);
        memo.prefix = prefix;
        memo.monitored = ctx.monitored();
        memo.baselines = ctx.baselines();
        memo.baselineVersion = ctx.baselines().version();
        memo.useBaselines = useBaselines;
        memo.result = e;
        return e != null && e.rule != null && !e.rule.runs(detector) ? null : e;
    }

    private static final class Memo {
        @Nullable
        Prefix prefix;

        @Nullable
        Object monitored;

        @Nullable
        Object baselines;

        long baselineVersion;

        boolean useBaselines;

        @Nullable
        Expected result;
    }

    private static final ThreadLocal<Memo> MEMO = ThreadLocal.withInitial(Memo::new);

    private static @Nullable Expected resolve(Prefix prefix, DetectorContext ctx, boolean useBaselines) {
        MonitoredPrefix rule = ctx.monitored().match(prefix);
        if (rule != null) {
            long[] o = new long[rule.origins().size()];
            for (int i = 0; i < o.length; i++) {
                o[i] = rule.origins().get(i).value();
            }
            Arrays.sort(o);
            return new Expected(rule.prefix(), o, rule.prefix().equals(prefix), rule);
        }
        if (!useBaselines || ctx.monitored().excludes(prefix)) {
            return null;
        }
        long[] own = ctx.baselines().origins(prefix);
        if (own.length > 0) {
            return new Expected(prefix, own, true, null);
        }
        Prefix cover = ctx.baselines().covering(prefix);
        if (cover == null) {
            return null;
        }
        return new Expected(cover, ctx.baselines().origins(cover), false, null);
    }

    /** {@return true if the expectation was learned, not configured} */
    public boolean learned() {
        return rule == null;
    }

    /**
     * Whether an origin is expected.
     *
     * @param origin the ASN
     * @return true if listed
     */
    public boolean expects(long origin) {
        return Arrays.binarySearch(origins, origin) >= 0;
    }

    /** {@return the first expected origin, or null if none (squatting rule)} */
    public @Nullable Asn subject() {
        return origins.length == 0 ? null : Asn.of(origins[0]);
    }

    /** {@return expected origins as text, e.g. {@code AS64500, AS64501}} */
    public String originsText() {
        if (origins.length == 0) {
            return "no AS";
        }
        StringBuilder sb = new StringBuilder();
        for (long o : origins) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append("AS").append(o);
        }
        return sb.toString();
    }

    /** {@return the description of the configured rule, or "learned"} */
    public String description() {
        return rule == null ? "learned baseline" : rule.description();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Expected e
                && e.reference.equals(reference)
                && Arrays.equals(e.origins, origins)
                && e.exact == exact
                && java.util.Objects.equals(e.rule, rule);
    }

    @Override
    public int hashCode() {
        return reference.hashCode() * 31 + Arrays.hashCode(origins);
    }

    @Override
    public String toString() {
        return "Expected[" + reference + " " + originsText() + (exact ? " exact" : " covering") + "]";
    }
}
