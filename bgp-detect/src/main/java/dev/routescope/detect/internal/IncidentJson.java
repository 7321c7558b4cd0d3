package dev.routescope.detect.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.routescope.detect.Incident;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;

/** Incident JSON with jackson-core's streaming generator (field order fixed, so output is diffable). */
public final class IncidentJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private IncidentJson() {}

    /**
     * Writes one incident as a JSON object.
     *
     * @param g the generator
     * @param i the incident
     * @throws IOException from the generator
     */
    public static void write(JsonGenerator g, Incident i) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", i.id());
        g.writeStringField("status", i.status().name());
        g.writeStringField("type", i.type());
        g.writeStringField("severity", i.severity().name());
        g.writeNumberField("confidence", Math.round(i.confidence() * 1000) / 1000.0);
        if (i.prefix() != null) {
            g.writeStringField("prefix", i.prefix().toString());
        }
        if (i.offender() != null) {
            g.writeNumberField("offender", i.offender().value());
        }
        if (i.subject() != null) {
            g.writeNumberField("subject", i.subject().value());
        }
        if (!i.detail().isEmpty()) {
            g.writeStringField("detail", i.detail());
        }
        g.writeStringField("message", i.message());
        g.writeStringField("firstSeen", i.firstSeen().toString());
        g.writeStringField("lastSeen", i.lastSeen().toString());
        Instant r = i.resolvedAt();
        if (r != null) {
            g.writeStringField("resolvedAt", r.toString());
        }
        g.writeNumberField("peerCount", i.peerCount());
        g.writeNumberField("maxPeerCount", i.maxPeerCount());
        g.writeNumberField("alertCount", i.alertCount());
        g.writeArrayFieldStart("reasons");
        for (String s : i.reasons()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("peers");
        for (String s : i.peers()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("collectors");
        for (String s : i.collectors()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("samplePaths");
        for (String s : i.samplePaths()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * One incident as a compact JSON line (no trailing newline).
     *
     * @param i the incident
     * @return the JSON text
     */
    public static String toJson(Incident i) {
        StringWriter w = new StringWriter(512);
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            write(g, i);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * A Slack-compatible webhook body: {@code text} for Slack/Mattermost plus the full incident under
     * {@code incident} for other receivers.
     *
     * @param i the incident
     * @return the JSON body
     */
    public static String webhookBody(Incident i) {
        StringWriter w = new StringWriter(768);
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField(
                    "text",
                    "[" + i.severity() + "] " + i.status() + " " + i.type() + ": " + i.message() + " (id " + i.id()
                            + ", " + i.peerCount() + " peers)");
            g.writeFieldName("incident");
            write(g, i);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * Creates a generator on a writer (the caller closes it).
     *
     * @param w the writer
     * @return the generator
     * @throws IOException from jackson
     */
    public static JsonGenerator generator(Writer w) throws IOException {
        return FACTORY.createGenerator(w);
    }
}
