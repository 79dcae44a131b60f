package io.crmflow.cli.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmflow.definition.CrmList;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.journey.JourneyDefinition;
import io.crmflow.json.Json;
import io.crmflow.model.Pipeline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The canonical form of a definition: its model written with the engine's one JSON mapping, less
 * what the server decides (ids, versions, a workflow's tenant, its removed actions and its goal's
 * generation), with sets sorted and maps' keys in order. A file and the target agree on a
 * definition exactly when their canonical trees are equal, however each spelled it: defaults
 * left out or written, {@code P2D} or {@code PT48H}, channels in any order. The tree is also the
 * body the API takes for the definition (a pipeline's with its {@code objectType}). Stateless.
 */
public final class Canonical {
    /** Fields whose arrays are sets in the model: their order carries no meaning. */
    private static final Set<String> SETS = Set.of("channels", "days");
    /** Fields whose objects are maps in the model: their keys come in no particular order. */
    private static final Set<String> MAPS = Set.of("properties", "attributes");

    private Canonical() {
    }

    public static JsonNode of(WorkflowDefinition wf) {
        ObjectNode tree = tree(wf);
        tree.remove(List.of("tenantId", "id", "version", "removedActions"));
        if (tree.get("goal") instanceof ObjectNode goal) {
            goal.remove("generation");
        }
        return tree;
    }

    public static JsonNode of(Pipeline pipeline) {
        ObjectNode tree = tree(pipeline);
        tree.remove("id");
        return tree;
    }

    public static JsonNode of(CrmList list) {
        ObjectNode tree = tree(list);
        tree.remove("id");
        return tree;
    }

    public static JsonNode of(JourneyDefinition journey) {
        return tree(journey);
    }

    /** The canonical form of a body the API takes for a definition of {@code key}. */
    public static JsonNode of(DefinitionKey key, JsonNode body) {
        return switch (key.kind()) {
            case WORKFLOW -> of(Models.workflow(key.id(), body));
            case PIPELINE -> of(Models.pipeline(key.id(), body));
            case LIST -> of(Models.list(key.id(), body));
            case JOURNEY -> of(Models.journey(body));
        };
    }

    private static ObjectNode tree(Object model) {
        return (ObjectNode) normalized(Json.mapper().valueToTree(model), null);
    }

    private static JsonNode normalized(JsonNode node, String field) {
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> fields = new java.util.LinkedHashMap<>();
            object.fields().forEachRemaining(e -> fields.put(e.getKey(), normalized(e.getValue(), e.getKey())));
            ObjectNode out = Json.mapper().createObjectNode();
            (field != null && MAPS.contains(field) ? new TreeMap<>(fields) : fields).forEach(out::set);
            return out;
        }
        if (node instanceof ArrayNode array) {
            List<JsonNode> items = new ArrayList<>();
            array.forEach(item -> items.add(normalized(item, null)));
            if (field != null && SETS.contains(field)) {
                items.sort(Comparator.comparing((JsonNode item) -> weekday(item.asText())).thenComparing((JsonNode item) -> item.asText()));
            }
            ArrayNode out = Json.mapper().createArrayNode();
            items.forEach(out::add);
            return out;
        }
        return node;
    }

    /** Days sort as the week goes, Monday first; anything else after them, by name. */
    private static int weekday(String name) {
        try {
            return java.time.DayOfWeek.valueOf(name).ordinal();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }
}
