package io.crmflow.functions.common;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SQS events as Lambda's event source mapping hands them to a handler, for the handlers' tests:
 * what matters to a handler is each message's id, body and receive count.
 */
public final class SqsDeliveries {
    private SqsDeliveries() {
    }

    /** A message received for the {@code receiveCount}-th time. */
    public static SQSMessage message(String id, String body, int receiveCount) {
        SQSMessage message = new SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        message.setAttributes(Map.of("ApproximateReceiveCount", Integer.toString(receiveCount)));
        return message;
    }

    /** One invocation's batch of these messages. */
    public static SQSEvent batch(SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }

    /** One batch of messages received for the first time, with these bodies and the ids msg-0, msg-1 … */
    public static SQSEvent firstDeliveries(List<String> bodies) {
        List<SQSMessage> messages = new ArrayList<>();
        for (String body : bodies) {
            messages.add(message("msg-" + messages.size(), body, 1));
        }
        return batch(messages.toArray(SQSMessage[]::new));
    }
}
