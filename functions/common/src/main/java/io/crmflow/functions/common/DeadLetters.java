package io.crmflow.functions.common;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;

/** Where a message goes when it will not be retried any more, with the reason it failed. */
public interface DeadLetters {

    void send(SQSMessage message, String reason);

    /** Used where no dead-letter queue is configured: the queue's redrive policy catches the message instead. */
    DeadLetters NONE = (message, reason) -> {
        throw new IllegalStateException("no dead-letter queue is configured");
    };
}
