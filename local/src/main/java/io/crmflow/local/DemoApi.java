package io.crmflow.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.json.Json;
import java.util.HashMap;
import java.util.Map;

/** The demo tenant's API as the demo parts call it: a failed call stops the demo with the answer. */
final class DemoApi {
    static final String TENANT = "demo";
    private final LocalStack stack;
    private final String token = DevTokens.issue(TENANT, "admin");

    DemoApi(LocalStack stack) {
        this.stack = stack;
    }

    /** A call the API makes on its own account (an import, another system). */
    JsonNode call(String method, String path, String body) {
        return call(method, path, body, null);
    }

    /** A call made by hand by {@code user} (null: the API's own). */
    JsonNode call(String method, String path, String body, String user) {
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json",
                "authorization", "Bearer " + token));
        if (user != null) {
            headers.put("x-crmflow-user", user);
        }
        APIGatewayV2HTTPResponse response = stack.call(method, path, headers, body);
        if (response.getStatusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.getStatusCode() + ": "
                    + response.getBody());
        }
        return response.getBody() == null ? Json.mapper().createObjectNode() : Json.tree(response.getBody());
    }
}
