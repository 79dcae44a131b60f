package io.crmflow.local.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What docs/data-model.md says holds between the table's items, checked over a full scan: each
 * item a write puts in pairs or groups has its partners, every tenant's item belongs to a tenant
 * that exists, and nothing is left half-done (an event never published, a key claim never
 * settled). For a test's own table, after the fact: the engine itself never scans.
 */
final class TableInvariants {
    private final Map<String, Map<String, Map<String, AttributeValue>>> byPk = new HashMap<>();
    private final List<String> violations = new ArrayList<>();

    private TableInvariants(DynamoDbClient db, String table) {
        db.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(item ->
                byPk.computeIfAbsent(s(item, "pk"), k -> new HashMap<>()).put(s(item, "sk"), item));
    }

    /** Every broken invariant, one sentence each; empty when the table is whole. */
    static List<String> violations(DynamoDbClient db, String table) {
        TableInvariants check = new TableInvariants(db, table);
        check.run();
        return check.violations;
    }

    /** How many items the scan read. */
    static int items(DynamoDbClient db, String table) {
        return new TableInvariants(db, table).byPk.values().stream().mapToInt(Map::size).sum();
    }

    private void run() {
        Set<String> tenants = new HashSet<>();
        byPk.forEach((pk, items) -> {
            if (pk.startsWith("TENANT#") && items.containsKey("TENANT")) {
                tenants.add(pk.substring("TENANT#".length()));
            }
        });
        Map<String, Integer> owned = new HashMap<>();
        byPk.forEach((pk, items) -> items.forEach((sk, item) -> {
            checkTenant(pk, sk, tenants);
            check(pk, sk, item, owned);
        }));
        byPk.forEach((pk, items) -> {
            if (pk.contains("#JRNOWNER#") && items.containsKey("#COUNT")) {
                owned.putIfAbsent(pk, 0);
            }
        });
        owned.forEach((ownerKey, count) -> {
            AttributeValue counted = item(ownerKey, "#COUNT").map(i -> i.get("count")).orElse(null);
            if (counted == null || Integer.parseInt(counted.n()) != count) {
                violations.add(ownerKey + " owns " + count + " journeys, but its count says " + counted);
            }
        });
    }

    private void checkTenant(String pk, String sk, Set<String> tenants) {
        String tenant = pk.startsWith("T#") && pk.indexOf('#', 2) > 0 ? pk.substring(2, pk.indexOf('#', 2))
                : pk.startsWith("TENANT#") ? pk.substring("TENANT#".length()) : null;
        if (tenant != null && !tenants.contains(tenant)) {
            violations.add(pk + " / " + sk + " belongs to tenant '" + tenant + "', which does not exist");
        }
    }

    private void check(String pk, String sk, Map<String, AttributeValue> item, Map<String, Integer> owned) {
        switch (kind(sk)) {
            case "#RECORD" -> record(pk, item);
            case "ASSOC#" -> association(pk, sk, item);
            case "LIST#" -> require(pk.substring(0, pk.indexOf("#R#")) + "#LIST#" + s(item, "listId"),
                    "M#" + pk.substring(pk.indexOf("#R#") + 3), "the list marker " + pk + " / " + sk + " lacks its member item");
            case "M#" -> require(pk.replaceFirst("#LIST#.*$", "") + "#R#" + s(item, "objectType") + "#" + s(item, "id"),
                    "LIST#" + pk.substring(pk.indexOf("#LIST#") + 6), "the list member " + pk + " / " + sk + " lacks its marker");
            case "#CURRENT" -> workflow(pk, item);
            case "#ENROLLMENT" -> require(tenantPrefix(pk) + "#R#" + s(item, "recordType") + "#" + s(item, "recordId"),
                    "SLOT#" + s(item, "workflowId"), "the enrollment " + pk + " lacks its record's slot");
            case "#JOURNEY" -> journey(pk, item, owned);
            case "#EVENT" -> violations.add("the outbox entry " + pk + " was committed and never published");
            case "#IDEMPOTENCY" -> {
                if ("IN_PROGRESS".equals(s(item, "status"))) {
                    violations.add("the idempotency key " + pk + " was claimed and never completed nor released");
                }
            }
            default -> {
                if (pk.contains("#TRIGGERS#")) {
                    triggerEntry(pk, sk);
                }
            }
        }
    }

    private static String kind(String sk) {
        for (String prefix : List.of("ASSOC#", "LIST#", "M#")) {
            if (sk.startsWith(prefix)) {
                return prefix;
            }
        }
        return sk;
    }

    private void record(String pk, Map<String, AttributeValue> item) {
        String expected = "T#" + s(item, "tenantId") + "#R#" + s(item, "objectType") + "#" + s(item, "id");
        if (!pk.equals(expected) || !("T#" + s(item, "tenantId") + "#TYPE#" + s(item, "objectType")).equals(s(item, "gsi1pk"))
                || !s(item, "id").equals(s(item, "gsi1sk"))) {
            violations.add("the record " + pk + " is not keyed by what it holds, or is missing from its type's index");
        }
    }

    private void association(String pk, String sk, Map<String, AttributeValue> item) {
        String to = tenantPrefix(pk) + "#R#" + s(item, "toType") + "#" + s(item, "toId");
        require(to, "#RECORD", "the association " + pk + " / " + sk + " points to a record that does not exist");
        require(pk, "#RECORD", "the association " + pk + " / " + sk + " is under a record that does not exist");
        require(to, "ASSOC#" + s(item, "fromType") + "#" + s(item, "fromId"),
                "the association " + pk + " / " + sk + " lacks its reverse");
    }

    private void workflow(String pk, Map<String, AttributeValue> item) {
        require(pk, String.format("V#%010d", Long.parseLong(item.get("version").n())),
                "the workflow " + pk + " lacks the copy of its current version");
        WorkflowDefinition wf = Json.read(s(item, "json"), WorkflowDefinition.class);
        if (wf.enabled() && !wf.trigger().isManual()) {
            require(tenantPrefix(pk) + "#TRIGGERS#" + wf.objectType(), wf.id(),
                    "the enabled, triggered workflow " + pk + " is missing from the trigger index");
        }
    }

    private void triggerEntry(String pk, String workflowId) {
        String objectType = pk.substring(pk.indexOf("#TRIGGERS#") + "#TRIGGERS#".length());
        var current = item(tenantPrefix(pk) + "#WF#" + workflowId, "#CURRENT");
        if (current.isEmpty()) {
            violations.add("the trigger index names workflow " + workflowId + ", which does not exist");
            return;
        }
        WorkflowDefinition wf = Json.read(s(current.get(), "json"), WorkflowDefinition.class);
        if (!wf.enabled() || wf.trigger().isManual() || !wf.objectType().equals(objectType)) {
            violations.add("the trigger index under " + objectType + " holds workflow " + workflowId
                    + ", which is off, manual or of another type");
        }
    }

    private void journey(String pk, Map<String, AttributeValue> item, Map<String, Integer> owned) {
        long version = Long.parseLong(item.get("version").n());
        require(pk, String.format("V#%010d", version), "the journey " + pk + " lacks its latest version");
        require(pk, String.format("D#%010d", version), "the journey " + pk + " lacks its latest definition");
        JsonNode journey = Json.tree(s(item, "json"));
        owned.merge(tenantPrefix(pk) + "#JRNOWNER#" + journey.path("owner").asText(), 1, Integer::sum);
    }

    private void require(String pk, String sk, String violation) {
        if (item(pk, sk).isEmpty()) {
            violations.add(violation);
        }
    }

    private java.util.Optional<Map<String, AttributeValue>> item(String pk, String sk) {
        return java.util.Optional.ofNullable(byPk.getOrDefault(pk, Map.of()).get(sk));
    }

    private static String tenantPrefix(String pk) {
        return pk.substring(0, pk.indexOf('#', 2));
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

}
