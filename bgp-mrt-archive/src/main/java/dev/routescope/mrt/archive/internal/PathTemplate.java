package dev.routescope.mrt.archive.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A compiled archive path template such as {@code {collector}/{YYYY}.{MM}/updates.{YYYY}{MM}{DD}.{hh}{mm}.gz}.
 *
 * <p>Expansion appends to a caller's {@link StringBuilder} without formatters, because listing a
 * year of five-minute files for every collector expands millions of paths. Parsing (the reverse,
 * for local mirrors) compiles the template into one regular expression; a field that appears twice
 * (the year in the directory and in the file name) must carry the same value both times, so a file
 * filed under the wrong month is not mistaken for a listed one.
 */
public final class PathTemplate {

    /** Placeholder fields. */
    public enum Field {
        COLLECTOR("collector"),
        YEAR("YYYY"),
        MONTH("MM"),
        DAY("DD"),
        HOUR("hh"),
        MINUTE("mm"),
        UNIX("unix");

        final String token;

        Field(String token) {
            this.token = token;
        }
    }

    private sealed interface Part permits Literal, Placeholder {}

    private record Literal(String text) implements Part {}

    private record Placeholder(Field field) implements Part {}

    private final String source;
    private final List<Part> parts;
    private final Set<Field> fields;
    private final Pattern pattern;
    private final List<Field> groupFields;

    private PathTemplate(String source, List<Part> parts, Set<Field> fields, Pattern pattern, List<Field> groupFields) {
        this.source = source;
        this.parts = parts;
        this.fields = fields;
        this.pattern = pattern;
        this.groupFields = groupFields;
    }

    /**
     * Compiles a template.
     *
     * @param template the template text
     * @param period how often a file is written; decides which time fields are required
     * @return the compiled template
     * @throws IllegalArgumentException if a placeholder is unknown, the template is absolute or
     *     escapes its root, or the time fields cannot name one file per period
     */
    public static PathTemplate compile(String template, Duration period) {
        if (template.isEmpty()) {
            throw new IllegalArgumentException("path template is empty");
        }
        if (template.startsWith("/") || template.contains("\\")) {
            throw new IllegalArgumentException(
                    "path template '" + template + "' must be relative and use '/' separators");
        }
        for (String segment : template.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("path template '" + template
                        + "' has an empty, '.' or '..' segment (expected: plain directory names)");
            }
        }
        List<Part> parts = new ArrayList<>();
        Set<Field> fields = EnumSet.noneOf(Field.class);
        int i = 0;
        StringBuilder literal = new StringBuilder();
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int close = template.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("path template '" + template + "' has an unclosed '{' at " + i);
                }
                String token = template.substring(i + 1, close);
                Field field = fieldOf(token, template);
                if (literal.length() > 0) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(new Placeholder(field));
                fields.add(field);
                i = close + 1;
            } else if (c == '}') {
                throw new IllegalArgumentException("path template '" + template + "' has a stray '}' at " + i);
            } else if (isSafe(c)) {
                literal.append(c);
                i++;
            } else {
                throw new IllegalArgumentException("path template '" + template + "' has character '" + c + "' at " + i
                        + " (expected: letters, digits, '/' and ._~+=,-)");
            }
        }
        if (literal.length() > 0) {
            parts.add(new Literal(literal.toString()));
        }
        checkTimeFields(template, fields, period);
        List<Field> groupFields = new ArrayList<>();
        Pattern pattern = Pattern.compile(regex(parts, groupFields));
        return new PathTemplate(template, List.copyOf(parts), fields, pattern, List.copyOf(groupFields));
    }

    /**
     * Characters that need no escaping in a URI path and are safe in file names on every platform
     * we cache to.
     */
    static boolean isSafe(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '/'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '='
                || c == ','
                || c == '-';
    }

    private static Field fieldOf(String token, String template) {
        for (Field f : Field.values()) {
            if (f.token.equals(token)) {
                return f;
            }
        }
        throw new IllegalArgumentException("path template '" + template + "' has unknown placeholder {" + token
                + "} (expected: {collector}, {YYYY}, {MM}, {DD}, {hh}, {mm}, {unix})");
    }

    private static void checkTimeFields(String template, Set<Field> fields, Duration period) {
        if (!fields.contains(Field.COLLECTOR)) {
            throw new IllegalArgumentException("path template '" + template + "' lacks {collector}");
        }
        if (fields.contains(Field.UNIX)) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (Field f : EnumSet.of(Field.YEAR, Field.MONTH, Field.DAY)) {
            if (!fields.contains(f)) {
                missing.add("{" + f.token + "}");
            }
        }
        long seconds = period.toSeconds();
        if (seconds % 86_400 != 0 && !fields.contains(Field.HOUR)) {
            missing.add("{hh}");
        }
        if (seconds % 3_600 != 0 && !fields.contains(Field.MINUTE)) {
            missing.add("{mm}");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("path template '" + template + "' cannot name one file per " + period
                    + ": missing " + String.join(", ", missing) + " (or use {unix})");
        }
    }

    private static String regex(List<Part> parts, List<Field> groupFields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (part instanceof Literal lit) {
                sb.append(Pattern.quote(lit.text()));
                continue;
            }
            Field field = ((Placeholder) part).field();
            groupFields.add(field);
            switch (field) {
                case COLLECTOR -> {
                    // A collector stored at the archive root (route-views2) leaves "{collector}/" empty.
                    boolean slashFollows = i + 1 < parts.size()
                            && parts.get(i + 1) instanceof Literal next
                            && next.text().startsWith("/");
                    if (slashFollows) {
                        Literal next = (Literal) parts.get(i + 1);
                        sb.append("(?:([^/]+)/)?");
                        sb.append(Pattern.quote(next.text().substring(1)));
                        i++;
                    } else {
                        sb.append("([^/]+)");
                    }
                }
                case YEAR -> sb.append("([0-9]{4})");
                case UNIX -> sb.append("([0-9]{1,12})");
                default -> sb.append("([0-9]{2})");
            }
        }
        return sb.toString();
    }

    /** {@return the template text} */
    public String source() {
        return source;
    }

    /**
     * Whether the template uses a placeholder.
     *
     * @param field the placeholder
     * @return true if it occurs at least once
     */
    public boolean hasField(Field field) {
        return fields.contains(field);
    }

    /**
     * Appends the path of one file.
     *
     * @param out where to append
     * @param collectorPath the collector's directory name, possibly empty (archive root)
     * @param epochSecond file start, seconds since the epoch (UTC)
     * @return {@code out}
     */
    public StringBuilder expand(StringBuilder out, String collectorPath, long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (part instanceof Literal lit) {
                out.append(lit.text());
                continue;
            }
            switch (((Placeholder) part).field()) {
                case COLLECTOR -> {
                    if (collectorPath.isEmpty()
                            && i + 1 < parts.size()
                            && parts.get(i + 1) instanceof Literal next
                            && next.text().startsWith("/")) {
                        out.append(next.text(), 1, next.text().length());
                        i++;
                    } else {
                        out.append(collectorPath);
                    }
                }
                case YEAR -> pad(out, t.getYear(), 4);
                case MONTH -> pad(out, t.getMonthValue(), 2);
                case DAY -> pad(out, t.getDayOfMonth(), 2);
                case HOUR -> pad(out, t.getHour(), 2);
                case MINUTE -> pad(out, t.getMinute(), 2);
                case UNIX -> out.append(epochSecond);
            }
        }
        return out;
    }

    private static void pad(StringBuilder out, int value, int width) {
        if (value < 0 || value >= 10_000) {
            throw new IllegalArgumentException("year " + value + " cannot be written in a path (expected: 0..9999)");
        }
        int digits = value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : 4;
        for (int i = digits; i < width; i++) {
            out.append('0');
        }
        out.append(value);
    }

    /** A path parsed back into its collector directory and start time. */
    public record Parsed(String collectorPath, Instant start) {}

    /**
     * Parses a relative path written by this template.
     *
     * @param path a path relative to the archive root, '/'-separated
     * @return the collector directory (empty for the archive root) and start time, or null if the
     *     path does not match or its fields are inconsistent (two different years, February 30)
     */
    public @Nullable Parsed parse(String path) {
        Matcher m = pattern.matcher(path);
        if (!m.matches()) {
            return null;
        }
        String collector = null;
        Map<Field, Long> values = new EnumMap<>(Field.class);
        for (int g = 0; g < groupFields.size(); g++) {
            Field field = groupFields.get(g);
            String text = m.group(g + 1);
            if (field == Field.COLLECTOR) {
                String value = text == null ? "" : text;
                if (collector != null && !value.equals(collector)) {
                    return null;
                }
                collector = value;
                continue;
            }
            if (text == null) {
                return null;
            }
            Long previous = values.put(field, Long.parseLong(text));
            if (previous != null && previous != Long.parseLong(text)) {
                return null;
            }
        }
        String dir = collector == null ? "" : collector;
        Long unix = values.get(Field.UNIX);
        if (unix != null) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(unix, 0, ZoneOffset.UTC);
            boolean consistent = agrees(values, Field.YEAR, t.getYear())
                    && agrees(values, Field.MONTH, t.getMonthValue())
                    && agrees(values, Field.DAY, t.getDayOfMonth())
                    && agrees(values, Field.HOUR, t.getHour())
                    && agrees(values, Field.MINUTE, t.getMinute());
            return consistent ? new Parsed(dir, Instant.ofEpochSecond(unix)) : null;
        }
        Long year = values.get(Field.YEAR);
        if (year == null) {
            return null;
        }
        try {
            Instant start = LocalDateTime.of(
                            year.intValue(),
                            values.getOrDefault(Field.MONTH, 1L).intValue(),
                            values.getOrDefault(Field.DAY, 1L).intValue(),
                            values.getOrDefault(Field.HOUR, 0L).intValue(),
                            values.getOrDefault(Field.MINUTE, 0L).intValue())
                    .toInstant(ZoneOffset.UTC);
            return new Parsed(dir, start);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean agrees(Map<Field, Long> values, Field field, int actual) {
        Long v = values.get(field);
        return v == null || v == actual;
    }

    /**
     * The directory part of the path (up to the last '/'), expanded; mirrors list these.
     *
     * @param collectorPath collector directory, possibly empty
     * @param epochSecond a time inside the wanted directory
     * @return the directory, '/'-separated, empty for the archive root
     */
    public String directory(String collectorPath, long epochSecond) {
        String full = expand(new StringBuilder(), collectorPath, epochSecond).toString();
        int slash = full.lastIndexOf('/');
        return slash < 0 ? "" : full.substring(0, slash);
    }

    @Override
    public String toString() {
        return source;
    }
}
