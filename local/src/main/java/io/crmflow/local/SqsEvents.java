package io.crmflow.local;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link SQSEvent} Lambda hands a function from messages received with the SDK,
 * field for field as Lambda's SQS event source fills it. Stateless.
 */
final class SqsEvents {

    private SqsEvents() {
    }

    static SQSEvent event(List<Message> messages, String queueArn) {
        String region = queueArn.split(":")[3];
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(m -> record(m, queueArn, region)).toList());
        return event;
    }

    private static SQSEvent.SQSMessage record(Message message, String queueArn, String region) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setMd5OfBody(message.md5OfBody());
        record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(queueArn);
        record.setAwsRegion(region);
        record.setAttributes(new LinkedHashMap<>(message.attributesAsStrings()));
        Map<String, SQSEvent.MessageAttribute> attributes = new LinkedHashMap<>();
        message.messageAttributes().forEach((name, value) -> attributes.put(name, attribute(value)));
        record.setMessageAttributes(attributes);
        return record;
    }

    private static SQSEvent.MessageAttribute attribute(MessageAttributeValue value) {
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType(value.dataType());
        attribute.setStringValue(value.stringValue());
        if (value.binaryValue() != null) {
            attribute.setBinaryValue(value.binaryValue().asByteBuffer());
        }
        // Lambda sends both list fields, empty, for every attribute.
        attribute.setStringListValues(List.copyOf(value.stringListValues()));
        List<ByteBuffer> binaries = value.binaryListValues().stream().map(SdkBytes::asByteBuffer).toList();
        attribute.setBinaryListValues(binaries);
        return attribute;
    }
}
