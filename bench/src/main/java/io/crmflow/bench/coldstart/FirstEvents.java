package io.crmflow.bench.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.crmflow.bench.ReferenceWorkflow;
import io.crmflow.local.DevTokens;
import io.crmflow.local.LocalStack;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The events the measured processes handle, each a real one of the local stack, written as the
 * Lambda runtime would hand it over: a contact created (for the trigger function, which enrolls
 * it in the reference workflow), the step that enrollment sent (for the step function), the
 * timer's tick, and an authorized API request reading the contact.
 */
final class FirstEvents {
    static final String TENANT = "coldstart";
    private final LocalStack stack;
    private final Path folder;
    private final Deque<Message> contactsCreated = new ArrayDeque<>();
    private int written;

    private FirstEvents(LocalStack stack, Path folder) {
        this.stack = stack;
        this.folder = folder;
    }

    /** A tenant with the reference workflow on, and {@code contacts} contacts created, their events waiting on the queue. */
    static FirstEvents prepare(LocalStack stack, Path folder, int contacts) {
        FirstEvents events = new FirstEvents(stack, folder);
        events.call("POST", "/tenants", "{\"name\": \"Cold start\", \"timezone\": \"UTC\"}", 201);
        events.call("PUT", "/workflows/reference", ReferenceWorkflow.json(), 200);
        events.call("POST", "/workflows/reference/activation", "{\"enrollExisting\": false}", 200);
        for (int i = 0; i < contacts; i++) {
            events.call("POST", "/records/contact", "{\"id\": \"c-" + i + "\", \"properties\": {\"firstname\": \"Ada\","
                    + " \"lifecyclestage\": \"lead\"}}", 201);
        }
        events.contactsCreated.addAll(events.receive("TriggerQueue", contacts));
        return events;
    }

    /** The next contact's record-created event, as the trigger queue delivers it. */
    Path contactCreated() throws IOException {
        Message message = contactsCreated.removeFirst();
        return write(sqsEvent(message, "TriggerQueue"), SQSEvent.class);
    }

    /** The step the trigger function's last enrollment sent, as the step queue delivers it. */
    Path stepSent() throws IOException {
        return write(sqsEvent(receive("StepQueue", 1).get(0), "StepQueue"), SQSEvent.class);
    }

    Path timerTick() throws IOException {
        ScheduledEvent tick = new ScheduledEvent();
        tick.setSource("aws.events");
        tick.setDetailType("Scheduled Event");
        tick.setId(UUID.randomUUID().toString());
        tick.setTime(new org.joda.time.DateTime(stack.clock().millis()));
        tick.setDetail(Map.of());
        return write(tick, ScheduledEvent.class);
    }

    Path contactRead() throws IOException {
        APIGatewayV2HTTPEvent request = stack.authorizedRequest("GET", "/records/contact/c-0",
                Map.of("authorization", "Bearer " + DevTokens.issue(TENANT, "agent")), null)
                .orElseThrow(() -> new IllegalStateException("the local authorizer refused a development token"));
        return write(request, APIGatewayV2HTTPEvent.class);
    }

    private void call(String method, String path, String body, int expected) {
        var answer = stack.call(method, path, Map.of("authorization", "Bearer " + DevTokens.issue(TENANT, "admin"),
                "content-type", "application/json"), body);
        if (answer.getStatusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.getStatusCode() + ": "
                    + answer.getBody());
        }
    }

    /** Exactly {@code count} messages of a queue, waiting for them as a poller would; fails when fewer come. */
    private List<Message> receive(String queue, int count) {
        String url = stack.resources().queueUrl(queue);
        List<Message> received = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            var batch = stack.clients().sqs().receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)
                    .maxNumberOfMessages(Math.min(10, count - received.size()))
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All"));
            for (Message message : batch.messages()) {
                received.add(message);
                stack.clients().sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
        }
        if (received.size() < count) {
            throw new IllegalStateException(queue + " held " + received.size() + " messages, not " + count);
        }
        return received;
    }

    private SQSEvent sqsEvent(Message message, String queue) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setMd5OfBody(message.md5OfBody());
        record.setAttributes(Map.of("ApproximateReceiveCount", "1", "SentTimestamp",
                Long.toString(stack.clock().millis())));
        Map<String, SQSEvent.MessageAttribute> attributes = new java.util.HashMap<>();
        message.messageAttributes().forEach((name, value) -> {
            SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
            attribute.setDataType(value.dataType());
            attribute.setStringValue(value.stringValue());
            attributes.put(name, attribute);
        });
        record.setMessageAttributes(attributes);
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(stack.resources().queueArn(queue));
        record.setAwsRegion(LocalStack.REGION);
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(record));
        return event;
    }

    @SuppressWarnings("unchecked")
    private <T> Path write(T event, Class<T> type) throws IOException {
        Path file = folder.resolve("event-" + (++written) + ".json");
        try (OutputStream out = Files.newOutputStream(file)) {
            LambdaEventSerializers.serializerFor(type, FirstEvents.class.getClassLoader()).toJson(event, out);
        }
        return file;
    }
}
