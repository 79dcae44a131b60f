package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Small readers for template properties that name what is missing. Stateless. */
final class TemplateNodes {

    private TemplateNodes() {
    }

    static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing " + field + " in " + node);
        }
        return value;
    }

    static String text(JsonNode node, String field) {
        return Intrinsics.text(required(node, field));
    }

    static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(Intrinsics.text(value));
    }

    static <T> List<T> list(JsonNode array, Function<JsonNode, T> element) {
        List<T> result = new ArrayList<>();
        array.forEach(item -> result.add(element.apply(item)));
        return List.copyOf(result);
    }
}
