package dev.routescope.detect.internal;

import dev.routescope.detect.MonitoredPrefix;
import dev.routescope.detect.PathRule;
import dev.routescope.detect.spi.Alert;
import dev.routescope.detect.spi.AlertType;
import dev.routescope.detect.spi.Detector;
import dev.routescope.detect.spi.DetectorContext;
import dev.routescope.detect.spi.Observation;
import dev.routescope.model.AsPath;
import java.util.List;
import java.util.function.Consumer;

/** BGPalerter {@code path} rules of configured prefixes plus rules given to the factory for all routes. */
final class PathConditionDetector implements Detector {
    private final String name;
    private final List<PathRule> globalRules;

    PathConditionDetector(String name, List<PathRule> globalRules) {
        this.name = name;
        this.globalRules = globalRules;
    }

    @Override
    public void observe(Observation o, DetectorContext ctx, Consumer<Alert> out) {
        AsPath path = o.path();
        if (!o.isAnnouncement() || path == null) {
            return;
        }
        MonitoredPrefix rule = ctx.monitored().match(o.prefix());
        if (rule != null && rule.runs(name)) {
            for (PathRule r : rule.pathRules()) {
                if (r.matches(path)) {
                    out.accept(alert(o, r, path, rule.prefix() + " (" + rule.description() + ")"));
                }
            }
        }
        for (PathRule r : globalRules) {
            if (r.matches(path)) {
                out.accept(alert(o, r, path, "any prefix"));
            }
        }
    }

    private static Alert alert(Observation o, PathRule r, AsPath path, String scope) {
        String what = r.description().isEmpty() ? String.valueOf(r.match()) : r.description();
        return Alert.raise(AlertType.PATH_CONDITION, o)
                .prefix(o.prefix())
                .detail(what)
                .message("Matched " + what + " on prefix " + o.prefix() + " [" + scope + "], path "
                        + PathRule.pathText(path))
                .build();
    }
}
