package io.crmflow.cli.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML or JSON document into a tree while noting where each value starts, with Jackson's
 * streaming parser: a tree alone forgets its lines, and a person fixing a file needs them. One
 * document per file. Numbers keep the digits written (decimals are not rounded through double).
 * Thread-safe.
 */
public final class LocatedTreeReader {
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final YAMLFactory YAML = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The syntax was broken: what the parser said, and where. */
    public static final class SyntaxException extends Exception {
        private final Position position;

        SyntaxException(String message, Position position) {
            super(message);
            this.position = position;
        }

        public Position position() {
            return position;
        }
    }

    /** @param yaml whether the text is YAML (else JSON) */
    public SourceFile read(String name, String text, boolean yaml) throws SyntaxException {
        Map<String, Position> positions = new HashMap<>();
        try (JsonParser parser = (yaml ? YAML : JSON).createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SyntaxException("the file is empty; it holds one definition", Position.START);
            }
            positions.put("", position(parser.currentTokenLocation()));
            JsonNode tree = value(parser, "", positions);
            if (parser.nextToken() != null) {
                throw new SyntaxException("the file holds more than one document; it holds one definition",
                        position(parser.currentTokenLocation()));
            }
            return new SourceFile(name, tree, positions);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                throw yamlSyntax(marked);
            }
            throw new SyntaxException(firstLine(e.getOriginalMessage()), e.getLocation() == null ? Position.START
                    : position(e.getLocation()));
        } catch (IOException e) {
            throw new SyntaxException(String.valueOf(e.getMessage()), Position.START);
        }
    }

    private static JsonNode value(JsonParser parser, String at, Map<String, Position> positions) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = Pointers.child(at, parser.currentName());
                    positions.put(field, position(parser.currentTokenLocation()));
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, value(parser, field, positions));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    String element = Pointers.child(at, array.size());
                    positions.put(element, position(parser.currentTokenLocation()));
                    array.add(value(parser, element, positions));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(parser.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return DecimalNode.valueOf(parser.getDecimalValue()); // as written: 1.50 stays 1.50
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IOException("unexpected " + token);
        }
    }

    /** What YAML expected where it broke, and what it was reading then, where that began. */
    private static SyntaxException yamlSyntax(MarkedYAMLException e) {
        String context = e.getContext() == null ? "" : " (" + e.getContext()
                + (e.getContextMark() == null ? "" : " from line " + (e.getContextMark().getLine() + 1)) + ")";
        return new SyntaxException(e.getProblem() + context,
                new Position(e.getProblemMark().getLine() + 1, e.getProblemMark().getColumn() + 1));
    }

    private static Position position(JsonLocation location) {
        return new Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "the file cannot be read";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
