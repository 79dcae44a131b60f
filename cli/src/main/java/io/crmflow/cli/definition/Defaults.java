package io.crmflow.cli.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Leaves out of a definition every field whose absence means the same: an empty trigger, a
 * notification's {@code owner: false}, a name equal to the id. What stays is what a person chose,
 * which is what an exported file should show. A field is left out only when the definition
 * without it has the very same canonical form, so leaving it out can never change a meaning.
 * Stateless.
 */
public final class Defaults {
    private Defaults() {
    }

    /** @param canonical a definition's canonical form; not changed */
    public static ObjectNode prune(DefinitionKey key, JsonNode canonical) {
        ObjectNode body = canonical.deepCopy();
        prune(key, canonical, body, body);
        return body;
    }

    /** Depth first, so that an object emptied of its defaults can go too. */
    private static void prune(DefinitionKey key, JsonNode canonical, ObjectNode whole, JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(item -> prune(key, canonical, whole, item));
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            prune(key, canonical, whole, object.get(name));
            JsonNode value = object.remove(name);
            if (!sameMeaning(key, canonical, whole)) {
                putBack(object, name, value, names);
            }
        }
    }

    private static boolean sameMeaning(DefinitionKey key, JsonNode canonical, ObjectNode candidate) {
        try {
            return Canonical.of(key, candidate).equals(canonical);
        } catch (RuntimeException refused) {
            return false; // without it the definition is not even valid: it is needed
        }
    }

    /** Back in its place, so the file keeps the model's order of fields. */
    private static void putBack(ObjectNode object, String name, JsonNode value, List<String> order) {
        List<String> after = new ArrayList<>();
        object.fieldNames().forEachRemaining(after::add);
        List<JsonNode> values = after.stream().map(object::get).toList();
        object.removeAll();
        int index = order.indexOf(name);
        for (int i = 0; i < after.size(); i++) {
            if (order.indexOf(after.get(i)) > index && !object.has(name)) {
                object.set(name, value);
            }
            object.set(after.get(i), values.get(i));
        }
        if (!object.has(name)) {
            object.set(name, value);
        }
    }
}
