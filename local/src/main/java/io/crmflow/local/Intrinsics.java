package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the few intrinsic functions the local stack needs out of long-form template values
 * ({@link CloudFormationYaml} turns the short forms into these). Stateless.
 */
final class Intrinsics {

    private static final Pattern SINGLE_REFERENCE =
            Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.([A-Za-z0-9.]+))?}");

    private Intrinsics() {
    }

    static TemplateValue value(JsonNode node) {
        if (node.has("Ref")) {
            return new TemplateValue.Reference(node.get("Ref").asText(), null);
        }
        if (node.has("Fn::GetAtt")) {
            return getAtt(node.get("Fn::GetAtt"));
        }
        if (node.has("Fn::Sub")) {
            return sub(node.get("Fn::Sub"));
        }
        if (node.isValueNode()) {
            return new TemplateValue.Literal(node.asText());
        }
        throw new IllegalArgumentException("only literals, Ref, GetAtt and Sub are supported here, not " + node);
    }

    /** The resource a value names: {@code !Ref X}, {@code !GetAtt X.Arn} and a plain {@code X} all give X. */
    static String logicalId(JsonNode node) {
        return value(node).logicalId();
    }

    /** A string property, with {@code !Sub} read as its string. */
    static String text(JsonNode node) {
        TemplateValue value = value(node);
        if (value instanceof TemplateValue.Literal literal) {
            return literal.text();
        }
        throw new IllegalArgumentException("expected a literal, got a reference: " + node);
    }

    private static TemplateValue getAtt(JsonNode arguments) {
        if (arguments.isArray()) {
            return new TemplateValue.Reference(arguments.get(0).asText(), arguments.get(1).asText());
        }
        String text = arguments.asText();
        int dot = text.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("GetAtt needs LogicalId.Attribute, got " + text);
        }
        return new TemplateValue.Reference(text.substring(0, dot), text.substring(dot + 1));
    }

    private static TemplateValue sub(JsonNode arguments) {
        // The two-argument form carries its own variables; its string is still what is read.
        String text = arguments.isArray() ? arguments.get(0).asText() : arguments.asText();
        Matcher whole = SINGLE_REFERENCE.matcher(text);
        if (whole.matches()) {
            return new TemplateValue.Reference(whole.group(1), whole.group(2));
        }
        // Pseudo parameters (${AWS::Region}) and mixed text stay literal: nothing here resolves them.
        return new TemplateValue.Literal(text);
    }
}
