package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;

/**
 * A local SSM Parameter Store: a loopback HTTP server speaking the service's JSON 1.1 protocol
 * ({@code X-Amz-Target: AmazonSSM.<Operation>}) for the operations an SDK {@code SsmClient}
 * needs here — {@code PutParameter}, {@code GetParameter}, {@code DeleteParameter} (see
 * {@link ParameterStoreOperations}). Parameters live in memory and nothing is really encrypted;
 * requests are not authenticated. Against an emulator that speaks SSM itself (LocalStack, moto),
 * the local stack uses that instead.
 *
 * <p>Thread-safe. {@link #start} binds a free port; {@link #close()} stops serving and forgets
 * every parameter.
 */
public final class SsmStandIn implements AutoCloseable {

    private static final String TARGET_PREFIX = "AmazonSSM.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final HttpExchanges.Server server;
    private final ParameterStoreOperations operations;

    private SsmStandIn(ParameterStoreOperations operations) {
        this.operations = operations;
        this.server = HttpExchanges.loopbackServer("ssm-stand-in");
        server.http().createContext("/", this::handle);
        server.http().start();
    }

    /**
     * Starts serving on a free loopback port.
     *
     * @param region    the region put in parameters' ARNs
     * @param accountId the account put in parameters' ARNs
     * @param clock     the time a version is written at
     */
    public static SsmStandIn start(String region, String accountId, Clock clock) {
        return new SsmStandIn(new ParameterStoreOperations(region, accountId, clock));
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
            JsonNode request = body.length == 0 ? HttpExchanges.JSON.createObjectNode() : HttpExchanges.JSON.readTree(body);
            HttpExchanges.sendJson(exchange, 200, CONTENT_TYPE,
                    operations.invoke(target.substring(TARGET_PREFIX.length()), request));
        } catch (AwsServiceError error) {
            sendError(exchange, error.status(), error.code(), error.getMessage());
        } catch (IOException malformed) {
            sendError(exchange, 400, "SerializationException", "The request body is not valid JSON.");
        } catch (RuntimeException bug) {
            sendError(exchange, 500, "InternalServerError", String.valueOf(bug));
        } finally {
            // Closed here rather than by try-with-resources, which would close it before the catch blocks answer.
            exchange.close();
        }
    }

    private static void sendError(HttpExchange exchange, int status, String code, String message) throws IOException {
        // The JSON protocols carry the error code in "__type"; the SDK maps it to its exception class.
        HttpExchanges.sendJson(exchange, status, CONTENT_TYPE,
                HttpExchanges.JSON.createObjectNode().put("__type", code).put("message", message));
    }

    @Override
    public void close() {
        server.stop();
    }
}
