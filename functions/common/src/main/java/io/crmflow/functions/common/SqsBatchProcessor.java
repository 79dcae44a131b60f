package io.crmflow.functions.common;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.crmflow.engine.InvalidMessageException;
import io.crmflow.json.JsonInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Processes an SQS batch one message at a time and reports partial failures, as Powertools'
 * batch utility does (its Java module is not available to this build, so this is the small part
 * of it the handlers need). A failing message never blocks the rest of its batch: it is reported
 * as a batch item failure and redelivered. A message that cannot succeed (malformed, naming
 * something that does not exist) is retried once, then dead-lettered with its reason; any
 * other failure is retried up to {@code maxAttempts}, then dead-lettered. Thread-safe.
 */
public final class SqsBatchProcessor {
    /** A malformed message is tried twice: the second try rules out a passing read-after-write race. */
    static final int INVALID_MESSAGE_ATTEMPTS = 2;
    private final DeadLetters deadLetters;
    private final int maxAttempts;
    private final Metrics metrics;
    private final StructuredLog log;

    private final DeadLetterListener listener;
    private final MessageIds ids;

    public interface MessageHandler {
        void handle(SQSMessage message);
    }

    /** Told of each message after it was dead-lettered, e.g. to count the failure against what it was about. */
    public interface DeadLetterListener {
        void deadLettered(SQSMessage message, RuntimeException cause);

        DeadLetterListener NONE = (message, cause) -> {
        };
    }

    public SqsBatchProcessor(DeadLetters deadLetters, int maxAttempts, Metrics metrics, StructuredLog log) {
        this(deadLetters, maxAttempts, metrics, log, DeadLetterListener.NONE, MessageIds.MESSAGE);
    }

    /** @param ids what the log lines about a message name it by, besides its id */
    public SqsBatchProcessor(DeadLetters deadLetters, int maxAttempts, Metrics metrics, StructuredLog log,
                             DeadLetterListener listener, MessageIds ids) {
        this.deadLetters = deadLetters;
        this.maxAttempts = maxAttempts;
        this.metrics = metrics;
        this.log = log;
        this.listener = listener;
        this.ids = ids;
    }

    public SQSBatchResponse process(SQSEvent event, MessageHandler handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        int processed = 0;
        int deadLettered = 0;
        for (SQSMessage message : event.getRecords()) {
            try {
                handler.handle(message);
                processed++;
            } catch (RuntimeException e) {
                if (shouldDeadLetter(message, e) && deadLetter(message, e)) {
                    deadLettered++;
                } else {
                    log.warn("message failed; it will be retried", ids.of(message), e);
                    failures.add(SQSBatchResponse.BatchItemFailure.builder()
                            .withItemIdentifier(message.getMessageId()).build());
                }
            }
        }
        metrics.count("MessagesProcessed", processed);
        metrics.count("MessagesFailed", failures.size());
        metrics.count("MessagesDeadLettered", deadLettered);
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    private boolean shouldDeadLetter(SQSMessage message, RuntimeException e) {
        int attempt = receiveCount(message);
        return attempt >= maxAttempts || (isInvalid(e) && attempt >= INVALID_MESSAGE_ATTEMPTS);
    }

    private boolean deadLetter(SQSMessage message, RuntimeException e) {
        try {
            deadLetters.send(message, reason(e));
            log.error("message dead-lettered: " + reason(e), ids.of(message));
        } catch (RuntimeException sendFailure) {
            log.warn("could not dead-letter the message; the queue's redrive policy will", ids.of(message), sendFailure);
            return false;
        }
        try {
            listener.deadLettered(message, e);
        } catch (RuntimeException listenerFailure) {
            log.warn("the message was dead-lettered, but recording it failed", ids.of(message), listenerFailure);
        }
        return true;
    }

    static boolean isInvalid(RuntimeException e) {
        return e instanceof InvalidMessageException || e instanceof IllegalArgumentException;
    }

    /** A decoding failure says where in the body it is: Jackson's own message often names no field. */
    static String reason(RuntimeException e) {
        if (e instanceof JsonInputException json && !json.pointer().equals("/")) {
            return e.getClass().getSimpleName() + " at " + json.pointer() + ": " + e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static int receiveCount(SQSMessage message) {
        try {
            return Integer.parseInt(message.getAttributes().get("ApproximateReceiveCount"));
        } catch (RuntimeException missing) {
            return 1;
        }
    }
}
