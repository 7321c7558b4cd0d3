package dev.routescope.detect.internal;

import dev.routescope.detect.MonitoredAsn;
import dev.routescope.detect.MonitoredPrefix;
import dev.routescope.detect.PathRule;
import dev.routescope.model.Asn;
import dev.routescope.model.Prefix;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads BGPalerter's {@code prefixes.yml} from the YAML node tree (not from plain maps) so every
 * error can name the line it comes from.
 */
public final class BgpalerterYaml {
    // A prefixes.yml generated for a large network has tens of thousands of entries; 64 MB is far above that.
    private static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

    private BgpalerterYaml() {}

    /**
     * Parses the document, passing each entry to the consumers.
     *
     * @param yaml the text
     * @param source name for messages
     * @param prefixes receives prefix entries
     * @param asns receives ASN entries
     */
    public static void parse(
            Reader yaml, String source, Consumer<MonitoredPrefix> prefixes, Consumer<MonitoredAsn> asns) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(source)
                .setCodePointLimit(MAX_CODE_POINTS)
                .setMaxAliasesForCollections(50)
                .setAllowDuplicateKeys(false)
                .build();
        Optional<Node> root;
        try {
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, yaml)));
            root = composer.getSingleNode();
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException(source + ": invalid YAML: " + e.getMessage(), e);
        }
        if (root.isEmpty()) {
            return;
        }
        MappingNode top = mapping(root.get(), source, "document");
        for (NodeTuple t : top.getValue()) {
            String key = scalar(t.getKeyNode(), source, "key");
            if (key.equals("options")) {
                parseOptions(t.getValueNode(), source, asns);
                continue;
            }
            MonitoredPrefix entry = parsePrefix(key, t.getKeyNode(), t.getValueNode(), source);
            try {
                prefixes.accept(entry);
            } catch (IllegalArgumentException e) {
                throw error(source, t.getKeyNode(), String.valueOf(e.getMessage()));
            }
        }
    }

    private static MonitoredPrefix parsePrefix(String key, Node keyNode, Node value, String source) {
        Prefix prefix;
        try {
            prefix = Prefix.parse(key.trim());
        } catch (IllegalArgumentException e) {
            throw error(source, keyNode, "key '" + key + "' is not a prefix: " + e.getMessage());
        }
        MappingNode m = mapping(value, source, "prefix " + key);
        @Nullable String description = null;
        List<Asn> origins = null;
        Boolean ignoreMoreSpecifics = null;
        boolean ignore = false;
        String group = "default";
        Set<String> exclude = Set.of();
        Set<String> include = Set.of();
        List<PathRule> rules = List.of();
        for (NodeTuple t : m.getValue()) {
            String field = scalar(t.getKeyNode(), source, "field of " + key);
            Node v = t.getValueNode();
            switch (field) {
                case "description" -> description = scalarOrEmpty(v, source, field);
                case "asn" -> origins = asnList(v, source);
                case "ignoreMorespecifics" -> ignoreMoreSpecifics = bool(v, source, field);
                case "ignore" -> ignore = bool(v, source, field);
                case "group" -> group = groupOf(v, source);
                case "excludeMonitors" -> exclude = stringSet(v, source, field);
                case "includeMonitors" -> include = stringSet(v, source, field);
                case "path" -> rules = pathRules(v, source, key);
                default -> {
                    // BGPalerter ignores unknown fields too; keep files from newer versions loadable.
                }
            }
        }
        if (description == null) {
            throw error(source, keyNode, "prefix " + key + ": missing mandatory field 'description'");
        }
        if (origins == null) {
            throw error(source, keyNode, "prefix " + key + ": missing mandatory field 'asn'");
        }
        if (ignoreMoreSpecifics == null) {
            throw error(source, keyNode, "prefix " + key + ": missing mandatory field 'ignoreMorespecifics'");
        }
        return new MonitoredPrefix(
                prefix, description, origins, ignoreMoreSpecifics, ignore, group, exclude, include, rules);
    }

    private static String groupOf(Node v, String source) {
        if (v instanceof SequenceNode seq) {
            // BGPalerter accepts a list of groups; the first one is the primary recipient.
            List<String> groups = new ArrayList<>(stringSet(seq, source, "group"));
            return groups.isEmpty() ? "default" : String.join(",", groups);
        }
        return scalar(v, source, "group");
    }

    private static void parseOptions(Node value, String source, Consumer<MonitoredAsn> asns) {
        MappingNode options = mapping(value, source, "options");
        for (NodeTuple t : options.getValue()) {
            if (!scalar(t.getKeyNode(), source, "options key").equals("monitorASns")) {
                continue;
            }
            if (t.getValueNode() instanceof ScalarNode s && isNull(s)) {
                continue;
            }
            MappingNode list = mapping(t.getValueNode(), source, "monitorASns");
            for (NodeTuple a : list.getValue()) {
                Asn asn = asn(a.getKeyNode(), source);
                String group = "default";
                boolean checkUp = false;
                boolean checkDown = false;
                List<Asn> up = List.of();
                List<Asn> down = List.of();
                if (!(a.getValueNode() instanceof ScalarNode s && isNull(s))) {
                    MappingNode m = mapping(a.getValueNode(), source, "monitorASns " + asn);
                    for (NodeTuple f : m.getValue()) {
                        String field = scalar(f.getKeyNode(), source, "field of " + asn);
                        switch (field) {
                            case "group" -> group = groupOf(f.getValueNode(), source);
                            case "upstreams" -> {
                                checkUp = true;
                                up = asnList(f.getValueNode(), source);
                            }
                            case "downstreams" -> {
                                checkDown = true;
                                down = asnList(f.getValueNode(), source);
                            }
                            default -> {}
                        }
                    }
                }
                try {
                    asns.accept(new MonitoredAsn(asn, group, checkUp, Set.copyOf(up), checkDown, Set.copyOf(down)));
                } catch (IllegalArgumentException e) {
                    throw error(source, a.getKeyNode(), String.valueOf(e.getMessage()));
                }
            }
        }
    }

    private static List<PathRule> pathRules(Node v, String source, String key) {
        List<Node> items = v instanceof SequenceNode seq ? seq.getValue() : List.of(v);
        List<PathRule> out = new ArrayList<>(items.size());
        for (Node item : items) {
            MappingNode m = mapping(item, source, "path rule of " + key);
            Pattern match = null;
            Pattern notMatch = null;
            String description = "";
            int maxLength = 0;
            int minLength = 0;
            for (NodeTuple t : m.getValue()) {
                String field = scalar(t.getKeyNode(), source, "path field");
                Node fv = t.getValueNode();
                switch (field) {
                    case "match" -> match = regex(fv, source);
                    case "notMatch" -> notMatch = regex(fv, source);
                    case "matchDescription" -> description = scalarOrEmpty(fv, source, field);
                    case "maxLength" -> maxLength = integer(fv, source, field);
                    case "minLength" -> minLength = integer(fv, source, field);
                    default -> {}
                }
            }
            try {
                out.add(new PathRule(match, notMatch, description, maxLength, minLength));
            } catch (IllegalArgumentException e) {
                throw error(source, item, "prefix " + key + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static Pattern regex(Node v, String source) {
        String text = scalar(v, source, "regex");
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw error(source, v, "invalid regular expression '" + text + "': " + e.getDescription());
        }
    }

    private static List<Asn> asnList(Node v, String source) {
        if (v instanceof SequenceNode seq) {
            List<Asn> out = new ArrayList<>(seq.getValue().size());
            for (Node n : seq.getValue()) {
                out.add(asn(n, source));
            }
            return List.copyOf(new LinkedHashSet<>(out));
        }
        if (v instanceof ScalarNode s && isNull(s)) {
            return List.of();
        }
        return List.of(asn(v, source));
    }

    private static Asn asn(Node n, String source) {
        String text = scalar(n, source, "ASN").trim();
        try {
            return Asn.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(source, n, String.valueOf(e.getMessage()));
        }
    }

    private static boolean bool(Node v, String source, String field) {
        String text = scalar(v, source, field).trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(source, v, field + " '" + text + "' (expected: true or false)");
        };
    }

    private static int integer(Node v, String source, String field) {
        String text = scalar(v, source, field).trim();
        try {
            int n = Integer.parseInt(text);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw error(source, v, field + " '" + text + "' (expected: a non-negative integer)");
        }
    }

    private static Set<String> stringSet(Node v, String source, String field) {
        List<Node> items = v instanceof SequenceNode seq ? seq.getValue() : List.of(v);
        Set<String> out = new LinkedHashSet<>();
        for (Node n : items) {
            out.add(scalar(n, source, field));
        }
        return out;
    }

    private static boolean isNull(ScalarNode s) {
        String text = s.getValue();
        return text.isEmpty() || text.equals("~") || text.equals("null");
    }

    private static String scalarOrEmpty(Node v, String source, String what) {
        return v instanceof ScalarNode s && isNull(s) ? "" : scalar(v, source, what);
    }

    private static String scalar(Node n, String source, String what) {
        if (n instanceof ScalarNode s) {
            return s.getValue();
        }
        throw error(source, n, what + " must be a plain value, found " + kind(n));
    }

    private static MappingNode mapping(Node n, String source, String what) {
        if (n instanceof MappingNode m) {
            return m;
        }
        throw error(source, n, what + " must be a mapping, found " + kind(n));
    }

    private static String kind(Node n) {
        return n instanceof SequenceNode ? "a list" : n instanceof MappingNode ? "a mapping" : "a scalar";
    }

    private static IllegalArgumentException error(String source, Node n, String reason) {
        Optional<Mark> mark = n.getStartMark();
        String where = mark.map(m -> " line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
                .orElse("");
        return new IllegalArgumentException(source + where + ": " + reason);
    }
}
