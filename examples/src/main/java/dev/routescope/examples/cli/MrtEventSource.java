package dev.routescope.examples.cli;

import dev.routescope.detect.EventSource;
import dev.routescope.model.RouteEvent;
import dev.routescope.mrt.MrtElementReader;
import dev.routescope.mrt.MrtStats;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * MRT files as one event stream in event-time order: the files of each collector are read one
 * after the other (RIS names sort by time), and the collectors are merged by timestamp with a
 * k-way merge, so only one file per collector is open at a time.
 */
final class MrtEventSource implements EventSource {
    /** Called after each file with its name and decoding statistics. */
    interface FileListener {
        void fileDone(String name, MrtStats stats);
    }

    private final PriorityQueue<Lane> heap = new PriorityQueue<>((a, b) -> {
        int c = a.head().timestamp().compareTo(b.head().timestamp());
        return c != 0 ? c : Integer.compare(a.order, b.order);
    });
    private final List<Lane> lanes = new ArrayList<>();
    private final FileListener listener;

    /** The files of one collector, in time order. */
    private final class Lane {
        final int order;
        final Iterator<MrtSources.Source> files;

        MrtSources.@Nullable Source current;

        @Nullable
        MrtElementReader reader;

        @Nullable
        Iterator<RouteEvent> events;

        @Nullable
        RouteEvent head;

        Lane(int order, List<MrtSources.Source> files) {
            this.order = order;
            this.files = files.iterator();
        }

        RouteEvent head() {
            return java.util.Objects.requireNonNull(head);
        }

        /** Moves to the next event, opening the next file when one ends; false at the end. */
        boolean advance() throws IOException {
            while (true) {
                Iterator<RouteEvent> it = events;
                if (it != null && it.hasNext()) {
                    head = it.next();
                    return true;
                }
                closeCurrent();
                if (!files.hasNext()) {
                    head = null;
                    return false;
                }
                MrtSources.Source next = files.next();
                current = next;
                try {
                    MrtElementReader r = next.open();
                    reader = r;
                    events = r.iterator();
                } catch (IOException ex) {
                    throw new IOException("cannot read " + next.name() + ": " + Cli.describe(ex), ex);
                }
            }
        }

        void closeCurrent() throws IOException {
            MrtElementReader r = reader;
            MrtSources.Source s = current;
            if (r != null && s != null) {
                MrtStats stats = r.stats();
                reader = null;
                events = null;
                current = null;
                r.close();
                listener.fileDone(s.name(), stats);
            }
        }
    }

    /**
     * Creates the source; files are opened lazily.
     *
     * @param byCollector the files of each collector, each list in time order
     * @param listener told when a file is done
     */
    MrtEventSource(List<List<MrtSources.Source>> byCollector, FileListener listener) {
        this.listener = listener;
        int i = 0;
        for (List<MrtSources.Source> files : byCollector) {
            lanes.add(new Lane(i++, files));
        }
    }

    private boolean started;

    @Override
    public @Nullable RouteEvent next() throws IOException {
        if (!started) {
            started = true;
            for (Lane l : lanes) {
                if (l.advance()) {
                    heap.add(l);
                }
            }
        }
        Lane l = heap.poll();
        if (l == null) {
            return null;
        }
        RouteEvent e = l.head();
        if (l.advance()) {
            heap.add(l);
        }
        return e;
    }

    @Override
    public String name() {
        return "mrt";
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Lane l : lanes) {
            try {
                l.closeCurrent();
            } catch (IOException ex) {
                if (first == null) {
                    first = ex;
                } else {
                    first.addSuppressed(ex);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
