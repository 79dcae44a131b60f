package io.crmflow.local;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends matched events to SQS targets, as EventBridge does: the envelope as the message body
 * (or the target's {@code Input} / {@code InputPath} selection), and, when the send fails, the
 * event to the target's dead-letter queue with the same {@code ERROR_CODE}, {@code
 * ERROR_MESSAGE}, {@code RULE_ARN} and {@code TARGET_ARN} attributes. EventBridge would retry
 * for up to a day first; locally a missing queue does not come back, so it fails at once.
 * Thread-safe.
 */
final class SqsTargetDelivery {

    private final SqsClient sqs;
    private final Map<String, String> urlsByArn = new ConcurrentHashMap<>();

    SqsTargetDelivery(SqsClient sqs) {
        this.sqs = sqs;
    }

    static boolean isQueueArn(String arn) {
        return arn != null && arn.startsWith("arn:") && arn.split(":").length == 6 && arn.split(":")[2].equals("sqs");
    }

    static boolean isSupportedInputPath(String path) {
        return path == null || path.equals("$") || path.matches("\\$(\\.[A-Za-z0-9_-]+)+");
    }

    void deliver(EventBusRegistry.Rule rule, EventBusRegistry.Target target, ObjectNode envelope) {
        try {
            send(target.arn(), body(target, envelope), Map.of());
        } catch (SdkException failure) {
            if (target.deadLetterArn() == null) {
                System.err.printf("EventBridge stand-in: event %s to %s failed and has no dead-letter queue: %s%n",
                        envelope.path("id").asText(), target.arn(), failure.getMessage());
                return;
            }
            send(target.deadLetterArn(), envelope.toString(), Map.of(
                    "ERROR_CODE", text("SDK_CLIENT_ERROR"),
                    "ERROR_MESSAGE", text(String.valueOf(failure.getMessage())),
                    "RULE_ARN", text(rule.arn()),
                    "TARGET_ARN", text(target.arn())));
        }
    }

    private static String body(EventBusRegistry.Target target, ObjectNode envelope) {
        if (target.input() != null) {
            return target.input();
        }
        if (target.inputPath() == null || target.inputPath().equals("$")) {
            return envelope.toString();
        }
        JsonNode selected = envelope.at(JsonPointer.compile(target.inputPath().substring(1).replace('.', '/')));
        return selected.isTextual() ? selected.asText() : selected.toString();
    }

    private void send(String queueArn, String body, Map<String, MessageAttributeValue> attributes) {
        String url = urlsByArn.computeIfAbsent(queueArn, this::queueUrl);
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(body).messageAttributes(attributes));
    }

    private String queueUrl(String arn) {
        String[] parts = arn.split(":");
        // The name is what the queue server knows it by; its URLs need not mention the ARN's region.
        return sqs.getQueueUrl(b -> b.queueName(parts[5])).queueUrl();
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
