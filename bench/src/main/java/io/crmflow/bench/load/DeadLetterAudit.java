package io.crmflow.bench.load;

import io.crmflow.functions.common.SqsDeadLetters;
import io.crmflow.local.LocalStack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * What the dead-letter queues hold after the run: which poison messages are parked where they
 * belong with the reason the handler attached, and what else was parked — a valid message a
 * fault pushed over the edge. Reads without deleting; a message is counted once however often it
 * is received. Immutable.
 *
 * @param parkedWithReason the poison markers found in their own dead-letter queue with a reason
 * @param missing          the poison markers not found so
 * @param others           the reasons of the parked messages that are no poison of the run
 */
record DeadLetterAudit(List<String> parkedWithReason, List<String> missing, List<String> others) {
    /** Every dead-letter queue of the template: the handlers' two and EventBridge's. */
    static final List<String> QUEUES = List.of("TriggerDeadLetterQueue", "StepDeadLetterQueue",
            "EventsDeadLetterQueue");

    DeadLetterAudit {
        parkedWithReason = List.copyOf(parkedWithReason);
        missing = List.copyOf(missing);
        others = List.copyOf(others);
    }

    static DeadLetterAudit read(LocalStack stack, List<Producers.Poison> poisons) {
        Map<String, List<Message>> parked = new HashMap<>();
        for (String queue : QUEUES) {
            parked.put(queue, receiveAll(stack, stack.resources().queueUrl(queue)));
        }
        List<String> withReason = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Producers.Poison poison : poisons) {
            boolean found = parked.get(poison.kind().deadLetterQueue()).stream()
                    .anyMatch(m -> m.body().contains(poison.marker()) && !reason(m).isBlank());
            (found ? withReason : missing).add(poison.marker());
        }
        List<String> others = parked.values().stream().flatMap(List::stream)
                .filter(m -> poisons.stream().noneMatch(p -> m.body().contains(p.marker())))
                .map(m -> reason(m).isBlank() ? "(no reason) " + m.body() : reason(m)).toList();
        return new DeadLetterAudit(withReason, missing, others);
    }

    private static List<Message> receiveAll(LocalStack stack, String url) {
        Map<String, Message> seen = new HashMap<>();
        List<Message> batch;
        do {
            batch = stack.clients().sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(0).messageAttributeNames("All")).messages();
            batch.forEach(m -> seen.putIfAbsent(m.messageId(), m));
        } while (!batch.isEmpty());
        return List.copyOf(seen.values());
    }

    private static String reason(Message m) {
        MessageAttributeValue value = m.messageAttributes().get(SqsDeadLetters.REASON);
        return value == null || value.stringValue() == null ? "" : value.stringValue();
    }
}
