package dev.routescope.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.routescope.model.Announcement;
import dev.routescope.model.Community;
import dev.routescope.model.LargeCommunity;
import dev.routescope.model.PathAttributes;
import dev.routescope.model.PeerStateChange;
import dev.routescope.model.RouteEvent;
import dev.routescope.model.Withdrawal;
import dev.routescope.mrt.BgpdumpFormatter;
import dev.routescope.mrt.MrtElementReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code routescope dump [-m | --json] FILES…}: one line per element, either byte-identical to {@code
 * bgpdump -m} or as JSON lines built from the {@code bgp-model} events (RFC 7606 treat-as-withdraw
 * applied there).
 */
@Command(
        name = "dump",
        mixinStandardHelpOptions = true,
        description = "Print MRT files as bgpdump -m lines (default) or JSON lines.")
final class DumpCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "MRT files; none = the embedded sample.")
    List<Path> files = new ArrayList<>();

    @Option(names = "-m", description = "bgpdump -m compatible lines (the default).")
    boolean machine;

    @Option(names = "--json", description = "JSON lines, one route event per line.")
    boolean json;

    @Spec
    @Nullable
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (machine && json) {
            throw new CliException("choose one of -m and --json");
        }
        PrintWriter out = Cli.out(spec);
        for (MrtSources.Source source : MrtSources.of(files)) {
            try (MrtElementReader reader = source.open()) {
                if (json) {
                    writeJson(reader, out);
                } else {
                    BgpdumpFormatter formatter = new BgpdumpFormatter();
                    StringBuilder line = new StringBuilder(256);
                    while (reader.advance()) {
                        line.setLength(0);
                        if (formatter.format(reader.element(), line)) {
                            out.append(line);
                        }
                    }
                }
            } catch (IOException ex) {
                throw new CliException("cannot read " + source.name() + ": " + Cli.describe(ex), ex);
            }
        }
        out.flush();
        return 0;
    }

    private static void writeJson(MrtElementReader reader, Writer out) throws IOException {
        JsonFactory factory = new JsonFactory();
        try (JsonGenerator g = factory.createGenerator(new NonClosingWriter(out))) {
            g.setRootValueSeparator(null);
            for (RouteEvent ev : reader) {
                g.writeStartObject();
                g.writeStringField(
                        "type",
                        ev instanceof Announcement
                                ? "announcement"
                                : ev instanceof Withdrawal ? "withdrawal" : "state");
                g.writeStringField("timestamp", ev.timestamp().toString());
                g.writeStringField("collector", ev.collector());
                g.writeStringField("peer", ev.peer().address().toString());
                g.writeNumberField("peer_asn", ev.peer().asn().value());
                if (ev instanceof Announcement a) {
                    g.writeStringField("prefix", a.prefix().toString());
                    writeAttributes(g, a.attributes());
                } else if (ev instanceof Withdrawal w) {
                    g.writeStringField("prefix", w.prefix().toString());
                } else if (ev instanceof PeerStateChange s) {
                    g.writeStringField("old_state", s.oldState().name());
                    g.writeStringField("new_state", s.newState().name());
                }
                g.writeEndObject();
                g.flush();
                out.write('\n');
            }
        }
    }

    private static void writeAttributes(JsonGenerator g, PathAttributes a) throws IOException {
        g.writeStringField("as_path", a.asPath().toString());
        if (a.asPath().origin().isPresent()) {
            g.writeNumberField("origin_asn", a.asPath().origin().get().value());
        }
        if (a.origin() != null) {
            g.writeStringField("origin", a.origin().name());
        }
        if (a.nextHop() != null) {
            g.writeStringField("next_hop", a.nextHop().toString());
        }
        if (a.med() != null) {
            g.writeNumberField("med", a.med());
        }
        if (a.localPref() != null) {
            g.writeNumberField("local_pref", a.localPref());
        }
        if (!a.communities().isEmpty()) {
            g.writeArrayFieldStart("communities");
            for (Community c : a.communities()) {
                g.writeString(c.toString());
            }
            g.writeEndArray();
        }
        if (!a.largeCommunities().isEmpty()) {
            g.writeArrayFieldStart("large_communities");
            for (LargeCommunity c : a.largeCommunities()) {
                g.writeString(c.toString());
            }
            g.writeEndArray();
        }
        if (a.aggregator() != null) {
            g.writeStringField(
                    "aggregator",
                    a.aggregator().asn().value() + ":" + a.aggregator().address());
        }
        if (a.atomicAggregate()) {
            g.writeBooleanField("atomic_aggregate", true);
        }
    }

    /** Keeps the command's writer open when the generator closes. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
