package dev.routescope.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps notifications in memory, for tests, notebooks and embedding. Thread-safe.
 *
 * <pre>{@code
 * InMemorySink sink = Sinks.inMemory();
 * ...
 * sink.incidents().forEach(i -> System.out.println(i.summary()));
 * }</pre>
 *
 * @since 0.1
 */
public final class InMemorySink implements IncidentSink {
    private final List<Incident> incidents = new ArrayList<>();
    private final int capacity;
    private long overflow;

    InMemorySink(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public String name() {
        return "in-memory";
    }

    @Override
    public synchronized void publish(Incident incident) {
        if (incidents.size() >= capacity) {
            overflow++;
            throw new IllegalStateException(
                    "in-memory sink full (" + capacity + " incidents); the notification goes to the spill file");
        }
        incidents.add(incident);
    }

    /** {@return a copy of everything received, in order} */
    public synchronized List<Incident> incidents() {
        return List.copyOf(incidents);
    }

    /** {@return notifications refused because the capacity was reached} */
    public synchronized long overflow() {
        return overflow;
    }

    /** Forgets everything received. */
    public synchronized void clear() {
        incidents.clear();
    }

    /** {@return a snapshot of summaries, one per notification} */
    public synchronized List<String> summaries() {
        List<String> out = new ArrayList<>(incidents.size());
        for (Incident i : incidents) {
            out.add(i.summary());
        }
        return out;
    }
}
