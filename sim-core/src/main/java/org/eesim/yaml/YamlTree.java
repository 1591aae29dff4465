package org.eesim.yaml;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import org.yaml.snakeyaml.LoaderOptions;

import org.eesim.yaml.YamlNode.Mark;
import org.eesim.yaml.YamlNode.ScalarType;

/**
 * Parses YAML token by token into located {@link YamlNode}s.
 *
 * <p>Duplicate keys are detected here rather than with Jackson's STRICT_DUPLICATE_DETECTION,
 * which aborts the parse at the first duplicate: here the duplicate is reported with the line of
 * the first definition and parsing goes on, so later problems are reported too. Syntax errors do
 * stop the parse (nothing after them can be trusted) and become one problem at the parser's
 * location.
 */
public final class YamlTree {

    /** SnakeYAML's default 3 MB limit is too small for profiles that keep raw time samples. */
    private static final int MAX_CODE_POINTS = 256 * 1024 * 1024;
    /** An empty value ({@code deadline:}) must read as "nothing", which the builder does not default to. */
    private static final YAMLFactory FACTORY = new YAMLFactory().rebuild()
            .loaderOptions(loaderOptions())
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build();

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        return options;
    }

    private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");
    private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");

    private final Path file;
    private final JsonParser parser;
    private final Problems problems;

    private YamlTree(Path file, JsonParser parser, Problems problems) {
        this.file = file;
        this.parser = parser;
        this.problems = problems;
    }

    /** The scenario in {@code file}, or {@code null} when it cannot be read or parsed (reported). */
    public static YamlNode parse(Path file, Problems problems) {
        return parse(file, TextFiles.SCENARIO_MAX_BYTES, "scenario", problems);
    }

    /**
     * The document in {@code file} of at most {@code maxBytes}, or {@code null} when it cannot be
     * read or parsed (reported); {@code what} names the kind of file in messages.
     */
    public static YamlNode parse(Path file, long maxBytes, String what, Problems problems) {
        String text = TextFiles.read(file, maxBytes, what, problems);
        return text == null ? null : parse(text, file, problems);
    }

    /** The document {@code text}, reported as coming from {@code file}. */
    public static YamlNode parse(String text, Path file, Problems problems) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            YamlTree tree = new YamlTree(file, parser, problems);
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(file, 0, 0, "", "the file is empty");
                return null;
            }
            Mark start = tree.mark();
            YamlNode root = tree.node("", start);
            if (parser.nextToken() != null) {
                Mark m = tree.mark();
                problems.add(file, m.line(), m.column(), "", "only one YAML document is allowed here");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "",
                    "YAML syntax error: " + syntaxReason(e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            problems.add(file, 0, 0, "", "cannot read: " + e);
            return null;
        }
    }

    /** The node starting at the current token, whose key (or own start) is at {@code keyAt}. */
    private YamlNode node(String path, Mark keyAt) throws IOException {
        Mark at = mark();
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> mapping(path, at, keyAt);
            case START_ARRAY -> sequence(path, at, keyAt);
            default -> scalar(path, at, keyAt, token);
        };
    }

    private YamlNode.Mapping mapping(String path, Mark at, Mark keyAt) throws IOException {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Mark keyMark = mark();
            parser.nextToken();
            YamlNode value = node(YamlNode.child(path, key), keyMark);
            YamlNode first = entries.get(key);
            if (first != null) {
                problems.addAtKey(value, "duplicate key '" + key + "' (first given at line "
                        + first.keyAt().line() + ")");
            } else {
                entries.put(key, value);
            }
        }
        return new YamlNode.Mapping(file, path, at, keyAt, entries);
    }

    private YamlNode.Sequence sequence(String path, Mark at, Mark keyAt) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            Mark itemAt = mark();
            items.add(node(YamlNode.item(path, items.size()), itemAt));
        }
        return new YamlNode.Sequence(file, path, at, keyAt, items);
    }

    private YamlNode.Scalar scalar(String path, Mark at, Mark keyAt, JsonToken token) throws IOException {
        String text = parser.getText();
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            // Jackson hands an alias over as the anchor's name, which would be silently wrong.
            problems.add(file, at.line(), at.column(), path,
                    "aliases (*" + text + ") are not supported: write the value out");
        }
        return switch (token) {
            case VALUE_NUMBER_INT -> new YamlNode.Scalar(file, path, at, keyAt, ScalarType.INTEGER, text,
                    parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(file, path, at, keyAt, ScalarType.FLOAT, text,
                    floatValue(text));
            case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(file, path, at, keyAt, ScalarType.BOOLEAN, text,
                    token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> new YamlNode.Scalar(file, path, at, keyAt, ScalarType.NULL, text, null);
            default -> new YamlNode.Scalar(file, path, at, keyAt, ScalarType.STRING, text, text);
        };
    }

    /**
     * Jackson resolves YAML's {@code .nan} and {@code .inf} as floats but cannot convert them; they
     * are read here so that the reader can say which value is not a usable number.
     */
    private double floatValue(String text) throws IOException {
        if (NAN.matcher(text).matches()) {
            return Double.NaN;
        }
        if (INFINITY.matcher(text).matches()) {
            return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return parser.getDoubleValue();
    }

    private Mark mark() {
        JsonLocation l = parser.currentTokenLocation();
        return new Mark(l.getLineNr(), l.getColumnNr());
    }

    /**
     * SnakeYAML's message without its echo of the source ("in 'reader', line 2 ..." and the
     * quoted line with a caret): the location is already in the problem.
     */
    static String syntaxReason(String message) {
        if (message == null) {
            return "unreadable";
        }
        List<String> parts = new ArrayList<>();
        for (String line : message.split("\\R")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                parts.add(line.strip());
            }
        }
        return parts.isEmpty() ? message.strip() : String.join("; ", parts);
    }
}
