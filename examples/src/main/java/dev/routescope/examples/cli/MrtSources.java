package dev.routescope.examples.cli;

import dev.routescope.mrt.MrtElementReader;
import dev.routescope.mrt.MrtReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Opens the MRT inputs of a command: the given files, or the embedded sample when none is given. */
final class MrtSources {
    /** One input: a display name, its collector, its size and how to open it. */
    interface Source {
        String name();

        String collector();

        /** {@return the (compressed) size in bytes, or -1 if unknown} */
        long size();

        MrtElementReader open() throws IOException;
    }

    private MrtSources() {}

    static List<Source> of(List<Path> files) throws CliException {
        return of(files, new AtomicLong());
    }

    /**
     * The inputs.
     *
     * @param files the user's files; none means the embedded sample
     * @param bytesRead incremented with the compressed bytes read from every input (progress)
     * @return the sources in the given order
     * @throws CliException if a file is missing or unreadable
     */
    static List<Source> of(List<Path> files, AtomicLong bytesRead) throws CliException {
        List<Source> out = new ArrayList<>();
        if (files.isEmpty()) {
            for (String resource : Samples.RRC04_UPDATES) {
                URL url = Samples.class.getClassLoader().getResource(resource);
                long size = -1;
                try {
                    size = url == null ? -1 : url.openConnection().getContentLengthLong();
                } catch (IOException ex) {
                    // progress only: an unknown size shows as a count instead of a bar
                }
                long knownSize = size;
                out.add(new Source() {
                    @Override
                    public String name() {
                        return "embedded:" + resource;
                    }

                    @Override
                    public String collector() {
                        return "rrc04";
                    }

                    @Override
                    public long size() {
                        return knownSize;
                    }

                    @Override
                    public MrtElementReader open() throws IOException {
                        return new MrtElementReader(MrtReader.builder()
                                .collector("rrc04")
                                .open(new Counting(Samples.open(resource), bytesRead), name()));
                    }
                });
            }
            return out;
        }
        for (Path f : files) {
            Inputs.requireReadable(f, "MRT file");
            String collector = MrtReader.inferCollector(f.toString());
            long size;
            try {
                size = Files.size(f);
            } catch (IOException ex) {
                throw new CliException("cannot read MRT file " + f + ": " + Cli.describe(ex), ex);
            }
            out.add(new Source() {
                @Override
                public String name() {
                    return f.toString();
                }

                @Override
                public String collector() {
                    return collector;
                }

                @Override
                public long size() {
                    return size;
                }

                @Override
                public MrtElementReader open() throws IOException {
                    InputStream in = new Counting(Files.newInputStream(f), bytesRead);
                    try {
                        MrtReader.Builder b = MrtReader.builder();
                        if (!collector.isEmpty()) {
                            b.collector(collector);
                        }
                        return new MrtElementReader(b.open(in, name()));
                    } catch (IOException | RuntimeException ex) {
                        in.close();
                        throw ex;
                    }
                }
            });
        }
        return out;
    }

    /** The sources grouped by collector (first-appearance order), each group sorted by name. */
    static List<List<Source>> byCollector(List<Source> sources) {
        Map<String, List<Source>> groups = new LinkedHashMap<>();
        for (Source s : sources) {
            groups.computeIfAbsent(s.collector(), k -> new ArrayList<>()).add(s);
        }
        List<List<Source>> out = new ArrayList<>();
        for (List<Source> g : groups.values()) {
            // RIS and RouteViews names carry the time (updates.YYYYMMDD.HHMM), so name order is time order.
            g.sort(java.util.Comparator.comparing(
                    s -> Path.of(s.name()).getFileName().toString()));
            out.add(g);
        }
        return out;
    }

    /** Counts the bytes read, for the progress display. */
    private static final class Counting extends FilterInputStream {
        private final AtomicLong counter;

        Counting(InputStream in, AtomicLong counter) {
            super(in);
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counter.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counter.addAndGet(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            counter.addAndGet(s);
            return s;
        }
    }
}
