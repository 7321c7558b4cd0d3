package dev.routescope.detect.internal;

import dev.routescope.detect.Incident;
import dev.routescope.detect.IncidentSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each notification: CRITICAL at ERROR, HIGH at WARN, others and RESOLVED at INFO. */
public final class Slf4jSink implements IncidentSink {
    private final Logger log;

    /**
     * A sink logging to the named logger.
     *
     * @param loggerName e.g. {@code dev.routescope.incidents}
     */
    public Slf4jSink(String loggerName) {
        this.log = LoggerFactory.getLogger(loggerName);
    }

    @Override
    public String name() {
        return "slf4j";
    }

    @Override
    public void publish(Incident i) {
        String fmt = "{} | {} | id={} first={} last={} collectors={} sample={}";
        Object[] args = {
            i.summary(),
            i.message(),
            i.id(),
            i.firstSeen(),
            i.lastSeen(),
            i.collectors(),
            i.samplePaths().isEmpty() ? "" : i.samplePaths().get(0)
        };
        if (i.status() == Incident.Status.RESOLVED) {
            log.info(fmt, args);
            return;
        }
        switch (i.severity()) {
            case CRITICAL -> log.error(fmt, args);
            case HIGH -> log.warn(fmt, args);
            default -> log.info(fmt, args);
        }
    }
}
