package io.crmflow.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Lambda's SQS event source mapping, locally: receives up to a batch of messages, hands them to
 * a function as an {@link SQSEvent}, deletes those that did not fail, and leaves the failed
 * ones to reappear after their visibility timeout — so the queue's redrive policy moves a
 * message that keeps failing to its dead-letter queue, as in AWS.
 *
 * <p>Two ways to run it: {@link #start()} polls on a thread of its own until {@link #close()};
 * {@link #drainOnce} and {@link #pollUntilIdle} poll on the caller's thread, for tests that
 * want to know when the work is done without sleeping. Do not mix both on one instance. The
 * batch rules are {@link BatchOutcome#of}; {@link DeliveryFaults} given to it are made on purpose
 * after each invocation. Thread-safe for the one background thread plus callers
 * of {@link #close()}.
 */
public final class QueuePoller implements AutoCloseable {

    /**
     * How the mapping is configured.
     *
     * @param batchSize               messages per invocation, 1..10
     * @param waitTimeSeconds         the long poll of the background thread, 0..20
     * @param reportBatchItemFailures whether {@code batchItemFailures} are honoured, as with
     *                                {@code FunctionResponseTypes: [ReportBatchItemFailures]}
     */
    public record Options(int batchSize, int waitTimeSeconds, boolean reportBatchItemFailures) {
        public Options {
            if (batchSize < 1 || batchSize > 10 || waitTimeSeconds < 0 || waitTimeSeconds > 20) {
                throw new IllegalArgumentException("batchSize must be 1..10 and waitTimeSeconds 0..20");
            }
        }

        public static Options defaults() {
            return new Options(10, 2, true);
        }
    }

    private final SqsClient sqs;
    private final String queueUrl;
    private final Function<SQSEvent, SQSBatchResponse> function;
    private final Options options;
    private final DeliveryFaults faults;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile String queueArn;
    private Thread thread;

    public QueuePoller(SqsClient sqs, String queueUrl, Function<SQSEvent, SQSBatchResponse> function, Options options) {
        this(sqs, queueUrl, function, options, DeliveryFaults.NONE);
    }

    /** A poller that makes {@code faults} on purpose after each invocation. */
    public QueuePoller(SqsClient sqs, String queueUrl, Function<SQSEvent, SQSBatchResponse> function, Options options,
                       DeliveryFaults faults) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.function = function;
        this.options = options;
        this.faults = faults;
    }

    /** Receives one batch without waiting, invokes the function if there was anything, and settles the batch. */
    public BatchOutcome drainOnce() {
        return pollOnce(0);
    }

    /**
     * Polls until the queue holds no visible, in-flight or delayed message, at most {@code
     * maxRounds} receives. While messages are in flight it long-polls, so the server — not a
     * sleep here — waits for them to become visible again.
     *
     * @return every batch's outcome, summed
     * @throws IllegalStateException if the queue is still busy after {@code maxRounds}
     */
    public BatchOutcome pollUntilIdle(int maxRounds) {
        BatchOutcome total = BatchOutcome.NONE;
        for (int round = 0; round < maxRounds; round++) {
            BatchOutcome batch = pollOnce(0);
            if (batch.received() == 0) {
                if (messagesLeft() == 0) {
                    return total;
                }
                batch = pollOnce(1);
            }
            total = total.plus(batch);
        }
        throw new IllegalStateException("queue " + queueUrl + " still had " + messagesLeft()
                + " messages after " + maxRounds + " rounds");
    }

    /** Starts polling on a daemon thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        thread = new Thread(this::pollForever, "poller-" + queueUrl.substring(queueUrl.lastIndexOf('/') + 1));
        thread.setDaemon(true);
        thread.start();
    }

    private void pollForever() {
        while (stopped.getCount() > 0) {
            try {
                pollOnce(options.waitTimeSeconds());
            } catch (SdkException unreachable) {
                System.err.println("poller for " + queueUrl + ": " + unreachable.getMessage());
                awaitStop(1);
            }
        }
    }

    private BatchOutcome pollOnce(int waitTimeSeconds) {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                .maxNumberOfMessages(options.batchSize())
                .waitTimeSeconds(waitTimeSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
        if (messages.isEmpty()) {
            return BatchOutcome.NONE;
        }
        BatchOutcome outcome = invoke(messages);
        settle(messages, outcome);
        return outcome;
    }

    private BatchOutcome invoke(List<Message> messages) {
        SQSEvent event = SqsEvents.event(messages, queueArn());
        try {
            return BatchOutcome.of(messages, function.apply(event), options.reportBatchItemFailures());
        } catch (RuntimeException failure) {
            // A function that throws fails the whole batch; every message comes back.
            System.err.println("function failed on a batch from " + queueUrl + ": " + failure);
            return BatchOutcome.allFailed(messages);
        }
    }

    /** Deletes the messages that succeeded, unless the faults say otherwise; failed ones are left to come back. */
    private void settle(List<Message> messages, BatchOutcome outcome) {
        List<Message> succeeded = messages.stream()
                .filter(m -> !outcome.failedMessageIds().contains(m.messageId())).toList();
        if (succeeded.isEmpty() || faults.failsAfterHandling(messages)) {
            return;
        }
        List<Message> again = succeeded.stream().filter(faults::redelivers).toList();
        List<Message> done = succeeded.stream().filter(m -> !again.contains(m)).toList();
        if (!again.isEmpty()) {
            sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(again.stream()
                    .map(m -> ChangeMessageVisibilityBatchRequestEntry.builder()
                            .id(m.messageId()).receiptHandle(m.receiptHandle()).visibilityTimeout(0).build())
                    .toList()));
        }
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(done.stream()
                    .map(m -> DeleteMessageBatchRequestEntry.builder()
                            .id(m.messageId()).receiptHandle(m.receiptHandle()).build())
                    .toList()));
        }
    }

    private int messagesLeft() {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }

    private String queueArn() {
        if (queueArn == null) {
            queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
        }
        return queueArn;
    }

    private void awaitStop(int seconds) {
        try {
            stopped.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the background thread, letting the batch in hand finish; waits for it. */
    @Override
    public void close() {
        stopped.countDown();
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            try {
                running.join(TimeUnit.SECONDS.toMillis(options.waitTimeSeconds() + 30L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
