package io.crmflow.functions.common;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Moves a message to the dead-letter queue itself, body unchanged, with the failure reason and
 * origin as message attributes: the queue's redrive policy would move it too, but without
 * saying why. Thread-safe.
 */
public final class SqsDeadLetters implements DeadLetters {
    public static final String REASON = "crmflow-error";
    public static final String SOURCE_MESSAGE_ID = "crmflow-source-message-id";
    public static final String ATTEMPTS = "crmflow-attempts";
    private static final int MAX_REASON = 1000;
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsDeadLetters(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(SQSMessage message, String reason) {
        String trimmed = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        String attempts = message.getAttributes() == null ? "?"
                : message.getAttributes().getOrDefault("ApproximateReceiveCount", "?");
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(message.getBody()).messageAttributes(Map.of(
                REASON, text(trimmed),
                SOURCE_MESSAGE_ID, text(message.getMessageId()),
                ATTEMPTS, text(attempts))));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
