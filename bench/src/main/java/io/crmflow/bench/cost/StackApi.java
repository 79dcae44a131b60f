package io.crmflow.bench.cost;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.json.Json;
import io.crmflow.local.DevTokens;
import io.crmflow.local.LocalStack;
import java.util.Map;

/**
 * Calls the local stack's API function as API Gateway would, as an admin of one tenant: how the
 * instrument sets up and checks its run, through the same handler a client reaches.
 */
final class StackApi {
    private final LocalStack stack;
    private final Map<String, String> headers;

    private StackApi(LocalStack stack, String tenant) {
        this.stack = stack;
        this.headers = Map.of("content-type", "application/json",
                "authorization", "Bearer " + DevTokens.issue(tenant, "admin"));
    }

    /** Creates the tenant, and the API client that speaks for it. */
    static StackApi forNewTenant(LocalStack stack, String tenant) {
        StackApi api = new StackApi(stack, tenant);
        api.call("POST", "/tenants", "{\"id\":\"" + tenant + "\",\"name\":\"Bench\",\"timezone\":\"UTC\"}", 201);
        return api;
    }

    /** The answer's body as JSON, once its status is {@code expected}; else fails saying what came back. */
    JsonNode call(String method, String path, String body, int expected) {
        APIGatewayV2HTTPResponse answer = stack.call(method, path, headers, body);
        if (answer.getStatusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.getStatusCode() + ", not "
                    + expected + ": " + answer.getBody());
        }
        return answer.getBody() == null || answer.getBody().isEmpty() ? Json.tree("{}") : Json.tree(answer.getBody());
    }
}
