package io.crmflow.local;

import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.time.Clock;

/**
 * A local EventBridge: a loopback HTTP server speaking the service's JSON 1.1 protocol
 * ({@code X-Amz-Target: AWSEvents.<Operation>}) for the operations an SDK {@code
 * EventBridgeClient} needs here — event buses, rules, SQS targets and PutEvents. Each event is
 * wrapped in the envelope EventBridge builds, matched with AWS Event Ruler against the bus's
 * enabled rules, and sent to each matching rule's queues through the given {@link SqsClient}.
 * Rules live in memory. Requests are not authenticated.
 *
 * <p>Thread-safe. {@link #start} binds a free port; {@link #close()} stops serving; the SQS
 * client stays the caller's to close.
 */
public final class EventBridgeStandIn implements AutoCloseable {

    private static final String TARGET_PREFIX = "AWSEvents.";

    private final HttpExchanges.Server server;

    private EventBridgeStandIn(EventBridgeOperations operations) {
        this.server = HttpExchanges.loopbackServer("eventbridge-stand-in");
        server.http().createContext("/", AwsJsonProtocol.handler(TARGET_PREFIX, "InternalException", operations::invoke));
        server.http().start();
    }

    /**
     * Starts serving on a free loopback port.
     *
     * @param sqs       where matched events are delivered
     * @param region    the region put in ARNs and event envelopes
     * @param accountId the account put in ARNs and event envelopes
     * @param clock     the time of events whose entry gives none
     */
    public static EventBridgeStandIn start(SqsClient sqs, String region, String accountId, Clock clock) {
        EventBusRegistry registry = new EventBusRegistry(region, accountId);
        return new EventBridgeStandIn(new EventBridgeOperations(registry,
                new EventEnvelopes(region, accountId, clock), new SqsTargetDelivery(sqs)));
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @Override
    public void close() {
        server.stop();
    }
}
