package dev.routescope.detect.internal;

import dev.routescope.detect.Incident;
import dev.routescope.detect.IncidentSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** One JSON object per line, appended and flushed per notification (so {@code tail -f} and crashes lose nothing). */
public final class JsonLinesSink implements IncidentSink {
    private final Path file;
    private final BufferedWriter out;

    /**
     * Opens (appends to) the file.
     *
     * @param file the file
     * @throws IOException if it cannot be opened
     */
    public JsonLinesSink(Path file) throws IOException {
        this.file = file;
        this.out = Files.newBufferedWriter(
                file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public String name() {
        return "jsonl:" + file.getFileName();
    }

    @Override
    public void publish(Incident incident) throws IOException {
        out.write(IncidentJson.toJson(incident));
        out.write('\n');
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
