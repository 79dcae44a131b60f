package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The EventBridge API operations of the stand-in, request JSON in, response JSON out, in the
 * shapes of the AWS API reference. Thread-safe: state lives in the {@link EventBusRegistry}.
 */
final class EventBridgeOperations {

    private static final int MAX_PUT_EVENTS_ENTRIES = 10;

    private final EventBusRegistry registry;
    private final EventEnvelopes envelopes;
    private final SqsTargetDelivery delivery;

    EventBridgeOperations(EventBusRegistry registry, EventEnvelopes envelopes, SqsTargetDelivery delivery) {
        this.registry = registry;
        this.envelopes = envelopes;
        this.delivery = delivery;
    }

    JsonNode invoke(String operation, JsonNode request) {
        return switch (operation) {
            case "CreateEventBus" -> object().put("EventBusArn", registry.createBus(required(request, "Name")).arn());
            case "DescribeEventBus" -> bus(registry.bus(request.path("Name").asText("")));
            case "ListEventBuses" -> listBuses(request);
            case "PutRule" -> object().put("RuleArn", putRule(request).arn());
            case "DescribeRule" -> rule(registry.rule(request.path("EventBusName").asText(""), required(request, "Name")));
            case "ListRules" -> listRules(request);
            case "DeleteRule" -> {
                registry.deleteRule(request.path("EventBusName").asText(""), required(request, "Name"));
                yield object();
            }
            case "PutTargets" -> new TargetOperations(registry).putTargets(request);
            case "ListTargetsByRule" -> new TargetOperations(registry).listTargets(request);
            case "RemoveTargets" -> new TargetOperations(registry).removeTargets(request);
            case "PutEvents" -> putEvents(request);
            default -> throw new AwsServiceError("UnknownOperationException",
                    "The EventBridge stand-in does not implement " + operation + ".");
        };
    }

    private EventBusRegistry.Rule putRule(JsonNode request) {
        String name = required(request, "Name");
        String bus = registry.bus(request.path("EventBusName").asText("")).name();
        String pattern = request.hasNonNull("EventPattern") ? request.get("EventPattern").asText() : null;
        String schedule = request.hasNonNull("ScheduleExpression") ? request.get("ScheduleExpression").asText() : null;
        if (pattern == null && schedule == null) {
            throw new AwsServiceError("ValidationException", "Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        if (schedule != null && !EventBusRegistry.DEFAULT_BUS.equals(bus)) {
            throw new AwsServiceError("ValidationException", "ScheduleExpression is supported only on the default event bus.");
        }
        boolean enabled = !"DISABLED".equals(request.path("State").asText("ENABLED"));
        return registry.putRule(new EventBusRegistry.Rule(name, bus, registry.ruleArn(bus, name), pattern, schedule,
                enabled, request.path("Description").asText(null), Map.of()));
    }

    private JsonNode putEvents(JsonNode request) {
        JsonNode entries = request.path("Entries");
        if (entries.size() < 1 || entries.size() > MAX_PUT_EVENTS_ENTRIES) {
            throw new AwsServiceError("ValidationException", "1 validation error detected: Value at 'entries' failed "
                    + "to satisfy constraint: Member must have length between 1 and " + MAX_PUT_EVENTS_ENTRIES);
        }
        ArrayNode results = HttpExchanges.JSON.createArrayNode();
        int failed = 0;
        for (JsonNode entry : entries) {
            ObjectNode result = putEvent(entry);
            failed += result.has("ErrorCode") ? 1 : 0;
            results.add(result);
        }
        ObjectNode response = object().put("FailedEntryCount", failed);
        response.set("Entries", results);
        return response;
    }

    private ObjectNode putEvent(JsonNode entry) {
        EventEnvelopes.Outcome outcome = envelopes.envelope(entry);
        if (!outcome.accepted()) {
            return object().put("ErrorCode", outcome.errorCode()).put("ErrorMessage", outcome.errorMessage());
        }
        List<EventBusRegistry.Rule> rules;
        try {
            rules = registry.matching(outcome.busName(), outcome.envelope());
        } catch (AwsServiceError missingBus) {
            return object().put("ErrorCode", "NotFoundException").put("ErrorMessage", missingBus.getMessage());
        }
        for (EventBusRegistry.Rule rule : rules) {
            for (EventBusRegistry.Target target : rule.targets().values()) {
                delivery.deliver(rule, target, outcome.envelope());
            }
        }
        return object().put("EventId", outcome.envelope().get("id").asText());
    }

    private JsonNode listBuses(JsonNode request) {
        String prefix = request.path("NamePrefix").asText("");
        ArrayNode buses = HttpExchanges.JSON.createArrayNode();
        registry.buses().stream().filter(b -> b.name().startsWith(prefix)).forEach(b -> buses.add(bus(b)));
        return object().set("EventBuses", buses);
    }

    private JsonNode listRules(JsonNode request) {
        String prefix = request.path("NamePrefix").asText("");
        List<EventBusRegistry.Rule> rules = new ArrayList<>(registry.bus(request.path("EventBusName").asText(""))
                .rules().values());
        ArrayNode listed = HttpExchanges.JSON.createArrayNode();
        rules.stream().filter(r -> r.name().startsWith(prefix))
                .sorted(Comparator.comparing(EventBusRegistry.Rule::name)).forEach(r -> listed.add(rule(r)));
        return object().set("Rules", listed);
    }

    private static ObjectNode bus(EventBusRegistry.Bus bus) {
        return object().put("Name", bus.name()).put("Arn", bus.arn());
    }

    private static ObjectNode rule(EventBusRegistry.Rule rule) {
        ObjectNode node = object().put("Name", rule.name()).put("Arn", rule.arn())
                .put("State", rule.enabled() ? "ENABLED" : "DISABLED").put("EventBusName", rule.busName());
        if (rule.eventPattern() != null) {
            node.put("EventPattern", rule.eventPattern());
        }
        if (rule.scheduleExpression() != null) {
            node.put("ScheduleExpression", rule.scheduleExpression());
        }
        if (rule.description() != null) {
            node.put("Description", rule.description());
        }
        return node;
    }

    static String required(JsonNode request, String field) {
        String value = request.path(field).asText("");
        if (value.isEmpty()) {
            throw new AwsServiceError("ValidationException", "Parameter " + field + " is required.");
        }
        return value;
    }

    static ObjectNode object() {
        return HttpExchanges.JSON.createObjectNode();
    }
}
