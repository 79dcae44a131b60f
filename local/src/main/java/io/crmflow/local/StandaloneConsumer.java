package io.crmflow.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.crmflow.aws.AwsClients;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;

/**
 * What a process of its own needs to consume one of a running stack's queues with that queue's
 * function, as one more Lambda instance would: the function's handler and resolved environment,
 * and where the stack's services listen. Plain data, so a parent can hand it to a child JVM as
 * JSON; the child then builds its own clients and handler and polls over HTTP, and can be
 * killed without taking the stack down. Immutable.
 *
 * @param function                the function's logical id in the template
 * @param handler                 its {@code Handler} string
 * @param environment             its environment as the stack resolved it
 * @param endpoints               where the stack's services listen
 * @param queueUrl                the queue its event source mapping reads
 * @param batchSize               messages per invocation
 * @param reportBatchItemFailures whether the mapping honours batch item failures
 */
public record StandaloneConsumer(String function, String handler, Map<String, String> environment,
                                 AwsClients.Endpoints endpoints, String region, String queueUrl, int batchSize,
                                 boolean reportBatchItemFailures) {

    public StandaloneConsumer {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(queueUrl, "queueUrl");
        environment = Map.copyOf(environment);
    }

    /**
     * The clients this process reaches the stack with.
     *
     * @param tableObservers see every call the function makes to the table
     */
    public AwsClients clients(List<ExecutionInterceptor> tableObservers) {
        return AwsClients.create(endpoints, Region.of(region), tableObservers);
    }

    /**
     * The function's handler, built on {@code clients} as the stack builds its own.
     *
     * @param out where the handler writes its logs and metrics
     */
    @SuppressWarnings("unchecked")
    public RequestHandler<SQSEvent, SQSBatchResponse> handler(AwsClients clients, Clock clock, PrintStream out) {
        return (RequestHandler<SQSEvent, SQSBatchResponse>)
                LocalFunctions.instantiate(handler, LocalFunctions.wiring(environment, clients, clock, out));
    }

    /**
     * A poller of the queue handing each batch to {@code function} — the handler, or something
     * around it — not started.
     */
    public QueuePoller poller(AwsClients clients, Function<SQSEvent, SQSBatchResponse> function, int waitTimeSeconds,
                              DeliveryFaults faults) {
        return new QueuePoller(clients.sqs(), queueUrl, function,
                new QueuePoller.Options(batchSize, waitTimeSeconds, reportBatchItemFailures), faults);
    }

    /** The Lambda context of one invocation of the function, starting now on {@code clock}. */
    public LocalContext context(Clock clock) {
        return LocalContext.forInvocation(function, region, EmbeddedSqs.ACCOUNT_ID, 1024, Duration.ofSeconds(30),
                clock);
    }
}
