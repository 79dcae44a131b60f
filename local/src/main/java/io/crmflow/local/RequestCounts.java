package io.crmflow.local;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;

/**
 * Counts every request the stack's SDK clients make — DynamoDB, SQS, EventBridge, SES —
 * by who made it (the function running on the thread, {@link Invocations}), service, operation
 * and outcome, with what each request carries and, for DynamoDB, the capacity it consumed:
 * the quantities AWS bills. While a recording is open every DynamoDB request asks for its
 * consumed capacity ({@link ConsumedCapacityRequests}); nothing else about a request changes.
 *
 * <p>A failed request is counted (the services bill most of them), but what it consumed is not
 * known. Parameter Store's calls are made by a client of crmflow's own, not the SDK's, and are
 * not seen. Thread-safe; costs nothing while nobody records.
 */
public final class RequestCounts implements ExecutionInterceptor {
    /** Who made a request outside any function: a queue poller, a test's or tool's own calls. */
    public static final String NO_FUNCTION = "(no function)";

    public enum Outcome {
        SUCCEEDED,
        /** A receive that found no message: what an idle queue's poller costs. */
        EMPTY,
        FAILED
    }

    public record Key(String caller, String service, String operation, Outcome outcome) {
    }

    /**
     * @param items        what the requests carried, summed: messages sent, received or deleted,
     *                     events put, an email's recipients, items of a DynamoDB transaction or
     *                     batch; 1 for any other request
     * @param largestBody  the largest request body, in bytes (SQS and EventBridge bill by 64 KB)
     * @param readUnits    DynamoDB read capacity consumed, table and indexes
     * @param writeUnits   DynamoDB write capacity consumed, table and indexes
     */
    public record Tally(Key key, long requests, long items, long largestBody, double readUnits, double writeUnits) {
    }

    /** The requests made while it is open. Close it to stop recording. */
    public final class Recording implements AutoCloseable {
        private final Map<Key, Accumulator> byKey = new ConcurrentHashMap<>();

        public List<Tally> tallies() {
            return byKey.entrySet().stream().map(e -> e.getValue().tally(e.getKey())).toList();
        }

        @Override
        public void close() {
            recordings.remove(this);
        }
    }

    private final List<Recording> recordings = new CopyOnWriteArrayList<>();
    private final Supplier<Optional<String>> caller;

    /** @param caller who is making the request on this thread; empty for {@link #NO_FUNCTION} */
    public RequestCounts(Supplier<Optional<String>> caller) {
        this.caller = caller;
    }

    public Recording record() {
        Recording recording = new Recording();
        recordings.add(recording);
        return recording;
    }

    /**
     * The same counts, for a client whose every request is made by {@code fixedCaller}: the
     * EventBridge stand-in's delivery to its rules' queues, which happens on its own threads.
     */
    public ExecutionInterceptor madeBy(String fixedCaller) {
        RequestCounts outer = this;
        return new ExecutionInterceptor() {
            @Override
            public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
                return outer.modifyRequest(context, attributes);
            }

            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                outer.count(fixedCaller, attributes, context.request(), context.response(), body(context));
            }

            @Override
            public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
                outer.count(fixedCaller, attributes, context.request(), null, 0);
            }
        };
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        return recordings.isEmpty() ? context.request() : ConsumedCapacityRequests.askingForIt(context.request());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        count(currentCaller(), attributes, context.request(), context.response(), body(context));
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        count(currentCaller(), attributes, context.request(), null, 0);
    }

    private String currentCaller() {
        return caller.get().orElse(NO_FUNCTION);
    }

    private void count(String who, ExecutionAttributes attributes, SdkRequest request, SdkResponse response,
                       long bodyBytes) {
        if (recordings.isEmpty()) {
            return;
        }
        Outcome outcome = response == null ? Outcome.FAILED
                : response instanceof ReceiveMessageResponse received && items(request, received) == 0
                ? Outcome.EMPTY : Outcome.SUCCEEDED;
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Key key = new Key(who, attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME), operation, outcome);
        long items = items(request, response);
        double[] units = response == null ? new double[2] : ConsumedCapacityRequests.units(operation, response);
        for (Recording recording : recordings) {
            recording.byKey.computeIfAbsent(key, k -> new Accumulator()).add(items, bodyBytes, units);
        }
    }

    private static long body(Context.AfterExecution context) {
        return context.requestBody().flatMap(RequestBody::optionalContentLength).orElse(0L);
    }

    private static long items(SdkRequest request, SdkResponse response) {
        if (response instanceof ReceiveMessageResponse received) {
            return received.hasMessages() ? received.messages().size() : 0;
        } else if (request instanceof SendMessageBatchRequest batch) {
            return batch.entries().size();
        } else if (request instanceof DeleteMessageBatchRequest batch) {
            return batch.entries().size();
        } else if (request instanceof PutEventsRequest put) {
            return put.entries().size();
        } else if (request instanceof SendEmailRequest email) {
            var to = email.destination();
            return to == null ? 0 : to.toAddresses().size() + to.ccAddresses().size() + to.bccAddresses().size();
        }
        return ConsumedCapacityRequests.items(request);
    }

    /** One key's counts; adders, since many threads count at once. */
    private static final class Accumulator {
        private final LongAdder requests = new LongAdder();
        private final LongAdder items = new LongAdder();
        private final LongAccumulator largestBody = new LongAccumulator(Math::max, 0);
        private final DoubleAdder readUnits = new DoubleAdder();
        private final DoubleAdder writeUnits = new DoubleAdder();

        void add(long carried, long bodyBytes, double[] units) {
            requests.increment();
            items.add(carried);
            largestBody.accumulate(bodyBytes);
            readUnits.add(units[0]);
            writeUnits.add(units[1]);
        }

        Tally tally(Key key) {
            return new Tally(key, requests.sum(), items.sum(), largestBody.get(), readUnits.sum(), writeUnits.sum());
        }
    }
}
