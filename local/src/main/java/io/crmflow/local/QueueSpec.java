package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An {@code AWS::SQS::Queue} of the template. Immutable.
 *
 * @param attributes the template's scalar properties that are SQS queue attributes of the same
 *                   name ({@code VisibilityTimeout}, {@code FifoQueue} …), as strings
 * @param redrive    where messages go after too many receives, if anywhere
 */
public record QueueSpec(String logicalId, Map<String, String> attributes, Optional<Redrive> redrive) {

    /** Properties whose CloudFormation name is also the SQS attribute name. */
    private static final List<String> PLAIN_ATTRIBUTES = List.of("VisibilityTimeout", "MessageRetentionPeriod",
            "DelaySeconds", "ReceiveMessageWaitTimeSeconds", "MaximumMessageSize", "FifoQueue",
            "ContentBasedDeduplication");

    /** A redrive policy: the dead-letter queue by logical id, and the receives before moving there. */
    public record Redrive(String deadLetterQueueLogicalId, int maxReceiveCount) {
    }

    public QueueSpec {
        attributes = Map.copyOf(attributes);
    }

    /** The visibility timeout the template sets; SQS uses 30 seconds when it sets none. */
    public OptionalInt visibilityTimeoutSeconds() {
        String value = attributes.get("VisibilityTimeout");
        return value == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value));
    }

    public boolean fifo() {
        return Boolean.parseBoolean(attributes.getOrDefault("FifoQueue", "false"));
    }

    static QueueSpec from(String logicalId, JsonNode properties) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : PLAIN_ATTRIBUTES) {
            TemplateNodes.optionalText(properties, name).ifPresent(value -> attributes.put(name, value));
        }
        JsonNode policy = properties.path("RedrivePolicy");
        Optional<Redrive> redrive = policy.isMissingNode() ? Optional.empty() : Optional.of(new Redrive(
                Intrinsics.logicalId(TemplateNodes.required(policy, "deadLetterTargetArn")),
                Integer.parseInt(TemplateNodes.text(policy, "maxReceiveCount"))));
        return new QueueSpec(logicalId, attributes, redrive);
    }
}
