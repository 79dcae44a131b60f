package io.crmflow.bench.load;

import io.crmflow.local.LocalStack;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * How many messages the work queues hold, as SQS counts them. ElasticMQ's counts are exact, and
 * a handler sends the messages its work makes before its own message is deleted, so all queues
 * at zero means no work is left anywhere. Thread-safe.
 */
final class QueueDepths {
    private final LocalStack stack;
    private final List<String> urls;

    QueueDepths(LocalStack stack, List<String> queueLogicalIds) {
        this.stack = stack;
        this.urls = queueLogicalIds.stream().map(id -> stack.resources().queueUrl(id)).toList();
    }

    /** Messages waiting to be received, over all the queues. */
    long visible() {
        return urls.stream()
                .mapToLong(url -> count(url, List.of(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))).sum();
    }

    /** Messages waiting, in flight or delayed, over all the queues. */
    long pending() {
        return urls.stream().mapToLong(url -> count(url, List.of(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))).sum();
    }

    private long count(String url, List<QueueAttributeName> names) {
        Map<QueueAttributeName, String> attributes = stack.clients().sqs()
                .getQueueAttributes(b -> b.queueUrl(url).attributeNames(names)).attributes();
        return attributes.values().stream().mapToLong(Long::parseLong).sum();
    }
}
