package io.crmflow.bench.cost;

import io.crmflow.local.LocalStack;
import io.crmflow.local.RequestCounts;
import java.util.Set;

/** The services a request is put down to, by the name the SDK gives the client that made it. */
enum Service {
    DYNAMODB("DynamoDB"),
    SQS("SQS"),
    EVENTBRIDGE("EventBridge"),
    SES("SES"),
    OTHER("others");

    /** SQS operations only the local stand-ins make, outside any function. */
    private static final Set<String> LOCAL_LOOKUPS = Set.of("GetQueueUrl", "GetQueueAttributes");
    private final String label;

    Service(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Service of(RequestCounts.Tally tally) {
        return switch (tally.key().service()) {
            case "DynamoDb" -> DYNAMODB;
            case "Sqs" -> SQS;
            case "EventBridge" -> EVENTBRIDGE;
            case "SesV2" -> SES;
            default -> OTHER;
        };
    }

    /**
     * Whether AWS would see, and bill, this request: not a queue's URL or length looked up (the
     * EventBridge stand-in's and the local drain's own doing; Lambda's pollers and EventBridge's
     * targets hold the queue's address and ask no such thing), nor a receive that found nothing —
     * an idle queue's polling, which costs the same with or without traffic and is reckoned by the
     * month.
     */
    static boolean madeOnAws(RequestCounts.Tally tally) {
        String caller = tally.key().caller();
        boolean standIn = caller.equals(RequestCounts.NO_FUNCTION) || caller.equals(LocalStack.EVENT_RULES);
        return tally.key().outcome() != RequestCounts.Outcome.EMPTY
                && !(standIn && LOCAL_LOOKUPS.contains(tally.key().operation()));
    }
}
