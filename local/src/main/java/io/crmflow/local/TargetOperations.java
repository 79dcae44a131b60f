package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

import static io.crmflow.local.EventBridgeOperations.object;
import static io.crmflow.local.EventBridgeOperations.required;

/**
 * PutTargets, ListTargetsByRule and RemoveTargets of the EventBridge stand-in. A target the
 * stand-in cannot deliver to (not an SQS queue, an input transformer, a JSONPath beyond plain
 * dotted fields) is refused as a failed entry, so that nothing is accepted and then silently
 * never delivered. Thread-safe.
 */
final class TargetOperations {

    private final EventBusRegistry registry;

    TargetOperations(EventBusRegistry registry) {
        this.registry = registry;
    }

    JsonNode putTargets(JsonNode request) {
        String bus = request.path("EventBusName").asText("");
        String rule = required(request, "Rule");
        registry.rule(bus, rule);
        List<EventBusRegistry.Target> accepted = new ArrayList<>();
        ArrayNode failed = HttpExchanges.JSON.createArrayNode();
        for (JsonNode target : request.path("Targets")) {
            String problem = problem(target);
            if (problem == null) {
                accepted.add(new EventBusRegistry.Target(target.path("Id").asText(), target.path("Arn").asText(),
                        text(target.path("DeadLetterConfig"), "Arn"), text(target, "Input"), text(target, "InputPath")));
            } else {
                failed.add(object().put("TargetId", target.path("Id").asText())
                        .put("ErrorCode", "ValidationException").put("ErrorMessage", problem));
            }
        }
        registry.putTargets(bus, rule, accepted);
        ObjectNode response = object().put("FailedEntryCount", failed.size());
        response.set("FailedEntries", failed);
        return response;
    }

    JsonNode listTargets(JsonNode request) {
        EventBusRegistry.Rule rule = registry.rule(request.path("EventBusName").asText(""), required(request, "Rule"));
        ArrayNode targets = HttpExchanges.JSON.createArrayNode();
        for (EventBusRegistry.Target target : rule.targets().values()) {
            ObjectNode node = targets.addObject().put("Id", target.id()).put("Arn", target.arn());
            if (target.deadLetterArn() != null) {
                node.putObject("DeadLetterConfig").put("Arn", target.deadLetterArn());
            }
            if (target.input() != null) {
                node.put("Input", target.input());
            }
            if (target.inputPath() != null) {
                node.put("InputPath", target.inputPath());
            }
        }
        return object().set("Targets", targets);
    }

    JsonNode removeTargets(JsonNode request) {
        List<String> ids = new ArrayList<>();
        request.path("Ids").forEach(id -> ids.add(id.asText()));
        registry.removeTargets(request.path("EventBusName").asText(""), required(request, "Rule"), ids);
        ObjectNode response = object().put("FailedEntryCount", 0);
        response.putArray("FailedEntries");
        return response;
    }

    private static String problem(JsonNode target) {
        if (target.path("Id").asText("").isEmpty()) {
            return "Target Id is required.";
        }
        if (!SqsTargetDelivery.isQueueArn(target.path("Arn").asText())) {
            return "The local EventBridge stand-in delivers to SQS queues only, not to " + target.path("Arn").asText();
        }
        if (target.has("InputTransformer")) {
            return "The local EventBridge stand-in does not apply input transformers.";
        }
        if (!SqsTargetDelivery.isSupportedInputPath(text(target, "InputPath"))) {
            return "The local EventBridge stand-in supports InputPath only as $ or $.field.field…";
        }
        String deadLetter = text(target.path("DeadLetterConfig"), "Arn");
        if (deadLetter != null && !SqsTargetDelivery.isQueueArn(deadLetter)) {
            return "A dead-letter queue must be an SQS queue ARN.";
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
