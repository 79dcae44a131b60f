package io.crmflow.cli.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.cli.definition.DefinitionKey;
import io.crmflow.cli.definition.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which changes are made, so that what a definition names exists when it is saved:
 * by kind (pipelines, lists, workflows, journeys), and within that, a workflow or list after the
 * workflows and lists it names that are changed too. Names that form a cycle keep the kind order;
 * the target then refuses what it cannot save, and says why.
 */
public final class ApplyOrder {
    private static final Map<String, Kind> REFERENCES = Map.of("workflowId", Kind.WORKFLOW,
            "workflowIds", Kind.WORKFLOW, "listId", Kind.LIST, "suppressionLists", Kind.LIST,
            "eligibilityLists", Kind.LIST, "addToList", Kind.LIST);

    private ApplyOrder() {
    }

    static List<Change> sort(List<Change> changes) {
        Map<DefinitionKey, Change> byKey = new HashMap<>();
        changes.forEach(c -> byKey.put(c.key(), c));
        Map<DefinitionKey, Set<DefinitionKey>> waitsFor = new HashMap<>();
        for (Change c : changes) {
            Set<DefinitionKey> named = new HashSet<>();
            if (c instanceof Change.Made made) {
                collect(made.wanted().body(), null, named);
            }
            named.remove(c.key());
            named.retainAll(byKey.keySet());
            waitsFor.put(c.key(), named);
        }
        List<Change> out = new ArrayList<>();
        Set<DefinitionKey> done = new HashSet<>();
        while (out.size() < changes.size()) {
            List<DefinitionKey> left = waitsFor.keySet().stream().filter(k -> !done.contains(k)).sorted().toList();
            DefinitionKey next = left.stream().filter(k -> done.containsAll(waitsFor.get(k))).findFirst()
                    .orElse(left.get(0)); // a cycle: the kind order decides
            done.add(next);
            out.add(byKey.get(next));
        }
        return out;
    }

    /** The workflows and lists a definition names, wherever in it: actions, triggers, conditions, settings. */
    private static void collect(JsonNode node, String field, Set<DefinitionKey> named) {
        Kind kind = field == null ? null : REFERENCES.get(field);
        if (kind != null && node.isTextual()) {
            named.add(DefinitionKey.of(kind, node.asText()));
        } else if (kind != null && node.isArray()) {
            node.forEach(item -> collect(item, field, named));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), e.getKey(), named));
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, null, named));
        }
    }
}
