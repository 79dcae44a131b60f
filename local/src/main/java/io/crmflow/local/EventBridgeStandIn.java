package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
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
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final HttpExchanges.Server server;
    private final EventBridgeOperations operations;

    private EventBridgeStandIn(EventBridgeOperations operations) {
        this.operations = operations;
        this.server = HttpExchanges.loopbackServer("eventbridge-stand-in");
        server.http().createContext("/", this::handle);
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

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(TARGET_PREFIX)) {
                throw new AwsServiceError("UnknownOperationException",
                        "Expected a POST with an X-Amz-Target of " + TARGET_PREFIX + "<Operation>.");
            }
            byte[] body = HttpExchanges.body(exchange);
            JsonNode request = body.length == 0 ? EventBridgeOperations.object() : HttpExchanges.JSON.readTree(body);
            JsonNode response = operations.invoke(target.substring(TARGET_PREFIX.length()), request);
            HttpExchanges.sendJson(exchange, 200, CONTENT_TYPE, response);
        } catch (AwsServiceError error) {
            sendError(exchange, error.status(), error.code(), error.getMessage());
        } catch (IOException malformed) {
            sendError(exchange, 400, "SerializationException", "The request body is not valid JSON.");
        } catch (RuntimeException bug) {
            sendError(exchange, 500, "InternalException", String.valueOf(bug));
        } finally {
            // Closed here rather than by try-with-resources, which would close it before the catch blocks answer.
            exchange.close();
        }
    }

    private static void sendError(HttpExchange exchange, int status, String code, String message) throws IOException {
        // The JSON protocols carry the error code in "__type"; the SDK maps it to its exception class.
        HttpExchanges.sendJson(exchange, status, CONTENT_TYPE,
                EventBridgeOperations.object().put("__type", code).put("message", message));
    }

    @Override
    public void close() {
        server.stop();
    }
}
