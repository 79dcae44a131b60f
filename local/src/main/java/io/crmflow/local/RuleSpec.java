package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code AWS::Events::Rule} of the template. Immutable.
 *
 * @param eventBusLogicalId  the template's bus the rule is on; empty for the default bus
 * @param eventPattern       the pattern as a JSON string, for a content-based rule
 * @param scheduleExpression {@code rate(…)} or {@code cron(…)}, for a scheduled rule
 * @param targets            the rule's targets, each an SQS queue of the template
 */
public record RuleSpec(String logicalId, Optional<String> eventBusLogicalId, Optional<String> eventPattern,
                       Optional<String> scheduleExpression, boolean enabled, List<Target> targets) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A target of a rule.
     *
     * @param queueLogicalId             the queue its {@code Arn} references
     * @param deadLetterQueueLogicalId   the queue of its {@code DeadLetterConfig}, if any
     */
    public record Target(String id, String queueLogicalId, Optional<String> deadLetterQueueLogicalId) {
    }

    public RuleSpec {
        targets = List.copyOf(targets);
    }

    static RuleSpec from(String logicalId, JsonNode properties, Set<String> busLogicalIds) {
        Optional<String> bus = Optional.ofNullable(properties.get("EventBusName")).map(Intrinsics::logicalId)
                .filter(name -> !name.equals("default"));
        bus.filter(name -> !busLogicalIds.contains(name)).ifPresent(name -> {
            throw new IllegalArgumentException("rule " + logicalId + " is on event bus " + name
                    + ", which is not a resource of the template");
        });
        Optional<String> pattern = Optional.ofNullable(properties.get("EventPattern")).map(RuleSpec::patternJson);
        Optional<String> schedule = TemplateNodes.optionalText(properties, "ScheduleExpression");
        if (pattern.isEmpty() && schedule.isEmpty()) {
            throw new IllegalArgumentException("rule " + logicalId + " has neither EventPattern nor ScheduleExpression");
        }
        boolean enabled = TemplateNodes.optionalText(properties, "State").map("ENABLED"::equals).orElse(true);
        List<Target> targets = TemplateNodes.list(properties.path("Targets"), t -> new Target(
                TemplateNodes.text(t, "Id"),
                Intrinsics.logicalId(TemplateNodes.required(t, "Arn")),
                Optional.ofNullable(t.path("DeadLetterConfig").get("Arn")).map(Intrinsics::logicalId)));
        return new RuleSpec(logicalId, bus, pattern, schedule, enabled, targets);
    }

    private static String patternJson(JsonNode pattern) {
        // CloudFormation takes the pattern either as a YAML object or as a JSON string.
        if (!pattern.isTextual()) {
            return pattern.toString();
        }
        try {
            return JSON.readTree(pattern.asText()).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("EventPattern is not valid JSON: " + pattern.asText(), e);
        }
    }
}
