package dev.routescope.examples.cli;

import dev.routescope.mrt.MrtElementReader;
import dev.routescope.mrt.MrtReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Opens the MRT inputs of a command: the given files, or the embedded sample when none is given. */
final class MrtSources {
    /** One input: a display name and how to open it. */
    interface Source {
        String name();

        MrtElementReader open() throws IOException;
    }

    private MrtSources() {}

    static List<Source> of(List<Path> files) throws CliException {
        List<Source> out = new ArrayList<>();
        if (files.isEmpty()) {
            for (String resource : Samples.RRC04_UPDATES) {
                out.add(new Source() {
                    @Override
                    public String name() {
                        return "embedded:" + resource;
                    }

                    @Override
                    public MrtElementReader open() throws IOException {
                        return new MrtElementReader(
                                MrtReader.builder().collector("rrc04").open(Samples.open(resource), name()));
                    }
                });
            }
            return out;
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new CliException("no such MRT file: " + f);
            }
            if (!Files.isReadable(f)) {
                throw new CliException("cannot read MRT file: " + f);
            }
            out.add(new Source() {
                @Override
                public String name() {
                    return f.toString();
                }

                @Override
                public MrtElementReader open() throws IOException {
                    return MrtElementReader.open(f);
                }
            });
        }
        return out;
    }
}
