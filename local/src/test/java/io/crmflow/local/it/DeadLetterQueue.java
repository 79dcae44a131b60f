package io.crmflow.local.it;

import io.crmflow.functions.common.SqsDeadLetters;
import io.crmflow.local.LocalStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Reads one dead-letter queue of the shared stack for one test: takes the messages whose body
 * holds the test's marker (its tenant id) and deletes them, so later tests start clean. Other
 * tests' messages are left alone; they come back after the queue's visibility timeout.
 */
final class DeadLetterQueue {
    /** Long polls of one second each: enough for a message that is already there, bounded when one is missing. */
    private static final int EMPTY_POLLS = 10;
    private final LocalStack stack;
    private final String queueUrl;

    /** A message as the handler parked it: the original body and the attributes it added. */
    record DeadLetter(String body, String reason, String attempts, String sourceMessageId) {
    }

    DeadLetterQueue(LocalStack stack, String queueLogicalId) {
        this.stack = stack;
        this.queueUrl = stack.resources().queueUrl(queueLogicalId);
    }

    /** Takes {@code count} messages whose body contains {@code marker}, or fails saying how many it found. */
    List<DeadLetter> take(String marker, int count) {
        List<DeadLetter> found = new ArrayList<>();
        int emptyPolls = 0;
        while (found.size() < count && emptyPolls < EMPTY_POLLS) {
            List<Message> mine = receive().stream().filter(m -> m.body().contains(marker)).toList();
            emptyPolls = mine.isEmpty() ? emptyPolls + 1 : 0;
            for (Message m : mine) {
                found.add(new DeadLetter(m.body(), text(m, SqsDeadLetters.REASON), text(m, SqsDeadLetters.ATTEMPTS),
                        text(m, SqsDeadLetters.SOURCE_MESSAGE_ID)));
                stack.clients().sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        if (found.size() != count) {
            throw new AssertionError("expected " + count + " dead letters holding '" + marker + "', found " + found);
        }
        return found;
    }

    DeadLetter takeOne(String marker) {
        return take(marker, 1).get(0);
    }

    /**
     * Fails if a message holding {@code marker} is parked here. Call it after draining: a handler
     * parks a message itself, before the drain returns, so there is nothing to wait for.
     */
    void assertNoneHolding(String marker) {
        List<Message> seen;
        do {
            seen = receive();
            List<String> mine = seen.stream().map(Message::body).filter(body -> body.contains(marker)).toList();
            if (!mine.isEmpty()) {
                throw new AssertionError("expected no dead letters holding '" + marker + "', found " + mine);
            }
        } while (!seen.isEmpty());
    }

    private List<Message> receive() {
        return stack.clients().sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(1).messageAttributeNames("All")).messages();
    }

    private static String text(Message m, String attribute) {
        Map<String, MessageAttributeValue> attributes = m.messageAttributes();
        MessageAttributeValue value = attributes == null ? null : attributes.get(attribute);
        return value == null ? null : value.stringValue();
    }
}
