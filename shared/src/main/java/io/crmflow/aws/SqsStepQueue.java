package io.crmflow.aws;

import io.crmflow.engine.StepMessage;
import io.crmflow.json.Json;
import io.crmflow.outbound.StepQueue;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** Sends step messages to the step queue, ten per request. Thread-safe. */
public final class SqsStepQueue implements StepQueue {
    private static final int BATCH = 10;
    private final SqsClient client;
    private final String queueUrl;

    public SqsStepQueue(SqsClient client, String queueUrl) {
        this.client = client;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(List<StepMessage> messages) {
        for (int from = 0; from < messages.size(); from += BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<StepMessage> batch = messages.subList(from, Math.min(messages.size(), from + BATCH));
            for (int i = 0; i < batch.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(Json.write(batch.get(i))).build());
            }
            SendMessageBatchResponse response = client.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
            if (!response.failed().isEmpty()) {
                var f = response.failed().get(0);
                throw new IllegalStateException(response.failed().size() + " step message(s) refused by the queue: "
                        + f.code() + " " + f.message());
            }
        }
    }
}
