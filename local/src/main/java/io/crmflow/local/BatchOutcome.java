package io.crmflow.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What became of a batch of messages handed to a function: how many were received and which
 * failed (and so are left on the queue). Immutable.
 */
public record BatchOutcome(int received, Set<String> failedMessageIds) {

    static final BatchOutcome NONE = new BatchOutcome(0, Set.of());

    public BatchOutcome {
        failedMessageIds = Set.copyOf(failedMessageIds);
    }

    public int failed() {
        return failedMessageIds.size();
    }

    public int succeeded() {
        return received - failed();
    }

    BatchOutcome plus(BatchOutcome other) {
        Set<String> failed = new HashSet<>(failedMessageIds);
        failed.addAll(other.failedMessageIds);
        return new BatchOutcome(received + other.received, failed);
    }

    /** A function that threw: the whole batch failed. */
    static BatchOutcome allFailed(List<Message> messages) {
        return new BatchOutcome(messages.size(), messages.stream().map(Message::messageId).collect(Collectors.toSet()));
    }

    /**
     * Lambda's rules for a function's answer: without ReportBatchItemFailures, or with no
     * failures listed (a null response included), the batch succeeded; otherwise the listed ids
     * failed — and an empty, null or unknown id fails the whole batch, as Lambda does.
     */
    static BatchOutcome of(List<Message> messages, SQSBatchResponse response, boolean reportBatchItemFailures) {
        Set<String> all = messages.stream().map(Message::messageId).collect(Collectors.toSet());
        List<SQSBatchResponse.BatchItemFailure> failures = response == null || response.getBatchItemFailures() == null
                ? List.of() : response.getBatchItemFailures();
        if (!reportBatchItemFailures || failures.isEmpty()) {
            return new BatchOutcome(messages.size(), Set.of());
        }
        Set<String> failed = new HashSet<>();
        for (SQSBatchResponse.BatchItemFailure failure : failures) {
            if (failure == null || !all.contains(failure.getItemIdentifier())) {
                return new BatchOutcome(messages.size(), all);
            }
            failed.add(failure.getItemIdentifier());
        }
        return new BatchOutcome(messages.size(), failed);
    }
}
