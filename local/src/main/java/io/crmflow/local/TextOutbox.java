package io.crmflow.local;

import io.crmflow.json.Envelope;
import io.crmflow.json.Json;
import io.crmflow.json.JsonInputException;
import io.crmflow.json.TextRequestCodec;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The texts the engine asked for, read where a deployment's provider would find them: the queue
 * the template's text rule fills. Locally no provider is connected, so what is read is kept
 * here, in the order it was read, for people and tests to see. Reading takes the messages off
 * the queue, so one stack has one outbox. Thread-safe.
 */
public final class TextOutbox {
    /** The queue of {@code template.yaml} that keeps the text requests. */
    public static final String QUEUE = "TextMessagesQueue";

    private final SqsClient sqs;
    private final String queueUrl;
    private final List<RequestedText> read = new ArrayList<>();

    TextOutbox(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /**
     * Every text asked for so far, in the order read off the queue (the order sent, as far as a
     * standard queue keeps it).
     *
     * @throws IllegalStateException when the queue holds something that is no text request; it is left there
     */
    public synchronized List<RequestedText> requested() {
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            for (Message message : batch) {
                read.add(parse(message));
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return List.copyOf(read);
    }

    private static RequestedText parse(Message message) {
        try {
            String eventId = Json.tree(message.body()).path("id").asText("");
            if (eventId.isEmpty()) {
                throw new JsonInputException("/id", "the envelope has no event id");
            }
            return new RequestedText(eventId, TextRequestCodec.fromEnvelope(Envelope.read(message.body())));
        } catch (JsonInputException e) {
            throw new IllegalStateException("the text messages queue holds no text request (" + e.getMessage()
                    + "): " + message.body(), e);
        }
    }
}
