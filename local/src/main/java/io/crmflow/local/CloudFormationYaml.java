package io.crmflow.local;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Reads CloudFormation/SAM YAML into a Jackson tree in which every short-form intrinsic
 * ({@code !Ref X}, {@code !GetAtt X.Arn}, {@code !Sub '…'}, {@code !Join […]} …) appears in
 * its long form ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": "X.Arn"}} …).
 *
 * <p>Jackson's YAML parser accepts unknown tags but silently drops them: {@code !GetAtt Q.Arn}
 * reads as the plain string {@code "Q.Arn"} and {@code !Join} as a bare array, so a
 * reference could not be told from a literal. The tag is still reported by
 * {@link YAMLParser#getTypeId()} on the value's token, so this reader walks the token stream
 * itself and wraps tagged values. Stateless and thread-safe.
 */
final class CloudFormationYaml {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> FUNCTIONS = Set.of("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs",
            "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "If", "Equals", "Not", "And", "Or",
            "ToJsonString", "Length");

    private CloudFormationYaml() {
    }

    static JsonNode read(String yaml) {
        try (YAMLParser parser = YAML.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("the template is empty");
            }
            return value(parser, first);
        } catch (IOException e) {
            throw new UncheckedIOException("the template is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static JsonNode value(YAMLParser parser, JsonToken token) throws IOException {
        // The tag must be read before descending: the parser forgets it at the next token.
        String tag = parser.getTypeId();
        JsonNode plain = switch (token) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalArgumentException("unexpected YAML token " + token);
        };
        return wrapIntrinsic(tag, plain);
    }

    private static ObjectNode object(YAMLParser parser) throws IOException {
        ObjectNode node = NODES.objectNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String name = parser.currentName();
            node.set(name, value(parser, parser.nextToken()));
        }
        return node;
    }

    private static ArrayNode array(YAMLParser parser) throws IOException {
        ArrayNode node = NODES.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            node.add(value(parser, t));
        }
        return node;
    }

    private static JsonNode wrapIntrinsic(String tag, JsonNode value) {
        if (tag == null) {
            return value;
        }
        if (tag.equals("Ref") || tag.equals("Condition")) {
            return NODES.objectNode().set(tag, value);
        }
        if (FUNCTIONS.contains(tag)) {
            return NODES.objectNode().set("Fn::" + tag, value);
        }
        // Standard YAML tags (!!str, !!int …) already shaped the value; anything else is kept as is.
        return value;
    }
}
