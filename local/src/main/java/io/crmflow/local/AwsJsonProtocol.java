package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;

/**
 * The AWS JSON 1.1 protocol as the stand-ins of services that speak it (EventBridge, SSM) serve
 * it: a POST naming its operation in {@code X-Amz-Target: <prefix><Operation>}, a JSON request,
 * a JSON answer; an error carries its code in {@code __type}, which the SDK maps to its exception
 * class. Stateless; the handler it makes is as thread-safe as the operations it is given.
 */
final class AwsJsonProtocol {

    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    /** A service's operations: the operation's name and its request in, the response out. */
    @FunctionalInterface
    interface Operations {
        /** @throws AwsServiceError to answer as the service answers a refused request */
        JsonNode invoke(String operation, JsonNode request);
    }

    private AwsJsonProtocol() {
    }

    /**
     * Serves {@code operations} on every path.
     *
     * @param targetPrefix      the service's target prefix, e.g. {@code AmazonSSM.}
     * @param internalErrorCode the code the service gives a failure of its own
     */
    static HttpHandler handler(String targetPrefix, String internalErrorCode, Operations operations) {
        return exchange -> handle(exchange, targetPrefix, internalErrorCode, operations);
    }

    private static void handle(HttpExchange exchange, String targetPrefix, String internalErrorCode,
                               Operations operations) throws IOException {
        try {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(targetPrefix)) {
                throw new AwsServiceError("UnknownOperationException",
                        "Expected a POST with an X-Amz-Target of " + targetPrefix + "<Operation>.");
            }
            byte[] body = HttpExchanges.body(exchange);
            JsonNode request = body.length == 0 ? HttpExchanges.JSON.createObjectNode() : HttpExchanges.JSON.readTree(body);
            HttpExchanges.sendJson(exchange, 200, CONTENT_TYPE,
                    operations.invoke(target.substring(targetPrefix.length()), request));
        } catch (AwsServiceError error) {
            sendError(exchange, error.status(), error.code(), error.getMessage());
        } catch (IOException malformed) {
            sendError(exchange, 400, "SerializationException", "The request body is not valid JSON.");
        } catch (RuntimeException bug) {
            sendError(exchange, 500, internalErrorCode, String.valueOf(bug));
        } finally {
            // Closed here rather than by try-with-resources, which would close it before the catch blocks answer.
            exchange.close();
        }
    }

    private static void sendError(HttpExchange exchange, int status, String code, String message) throws IOException {
        HttpExchanges.sendJson(exchange, status, CONTENT_TYPE,
                HttpExchanges.JSON.createObjectNode().put("__type", code).put("message", message));
    }
}
