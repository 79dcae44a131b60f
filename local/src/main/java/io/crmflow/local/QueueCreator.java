package io.crmflow.local;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates a template's queues in an order where every dead-letter queue exists before the
 * queue whose redrive policy names its ARN. Not thread-safe: one instance per provisioning run.
 */
final class QueueCreator {

    private final SqsClient sqs;
    private final String prefix;
    private final Map<String, ProvisionedResources.Queue> created = new LinkedHashMap<>();

    QueueCreator(SqsClient sqs, String prefix) {
        this.sqs = sqs;
        this.prefix = prefix;
    }

    Map<String, ProvisionedResources.Queue> createAll(List<QueueSpec> specs) {
        Map<String, QueueSpec> byId = new HashMap<>();
        specs.forEach(spec -> byId.put(spec.logicalId(), spec));
        for (QueueSpec spec : specs) {
            create(spec, byId, new ArrayList<>());
        }
        return Map.copyOf(created);
    }

    private ProvisionedResources.Queue create(QueueSpec spec, Map<String, QueueSpec> byId, List<String> path) {
        ProvisionedResources.Queue done = created.get(spec.logicalId());
        if (done != null) {
            return done;
        }
        if (path.contains(spec.logicalId())) {
            throw new IllegalArgumentException("redrive policies form a cycle: " + path);
        }
        path.add(spec.logicalId());
        Map<String, String> attributes = new HashMap<>(spec.attributes());
        spec.redrive().ifPresent(redrive -> {
            QueueSpec dlq = byId.get(redrive.deadLetterQueueLogicalId());
            if (dlq == null) {
                throw new IllegalArgumentException("queue " + spec.logicalId() + " dead-letters to "
                        + redrive.deadLetterQueueLogicalId() + ", which is not a queue of the template");
            }
            String dlqArn = create(dlq, byId, path).arn();
            attributes.put(QueueAttributeName.REDRIVE_POLICY.toString(),
                    "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":" + redrive.maxReceiveCount() + "}");
        });
        String name = prefix + spec.logicalId() + (spec.fifo() ? ".fifo" : "");
        String url = sqs.createQueue(b -> b.queueName(name).attributesWithStrings(attributes)).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        ProvisionedResources.Queue queue = new ProvisionedResources.Queue(name, url, arn);
        created.put(spec.logicalId(), queue);
        return queue;
    }
}
