package io.crmflow.aws;

import io.crmflow.engine.BackfillPage;
import io.crmflow.json.BackfillPageCodec;
import io.crmflow.outbound.BackfillQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Sends backfill pages to the trigger queue, where the trigger handler runs them. Thread-safe. */
public final class SqsBackfillQueue implements BackfillQueue {
    private final SqsClient client;
    private final String queueUrl;

    public SqsBackfillQueue(SqsClient client, String queueUrl) {
        this.client = client;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(BackfillPage page) {
        client.sendMessage(r -> r.queueUrl(queueUrl).messageBody(BackfillPageCodec.envelope(page)));
    }
}
