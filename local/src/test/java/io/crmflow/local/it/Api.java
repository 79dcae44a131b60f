package io.crmflow.local.it;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.json.Json;
import io.crmflow.local.LocalStack;
import java.util.HashMap;
import java.util.Map;

/** Calls the API function as API Gateway would, for one tenant. */
final class Api {
    private final LocalStack stack;
    private final String tenant;
    /** The user a call acts for, by hand ({@code x-crmflow-user}); null for the API's own calls. */
    private final String user;

    Api(LocalStack stack, String tenant) {
        this(stack, tenant, null);
    }

    private Api(LocalStack stack, String tenant, String user) {
        this.stack = stack;
        this.tenant = tenant;
        this.user = user;
    }

    /** The same tenant's API, each call made by hand by {@code userId}. */
    Api as(String userId) {
        return new Api(stack, tenant, userId);
    }

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            return Json.tree(body);
        }
    }

    Answer post(String path, String body) {
        return call("POST", path, body);
    }

    Answer put(String path, String body) {
        return call("PUT", path, body);
    }

    Answer patch(String path, String body) {
        return call("PATCH", path, body);
    }

    Answer get(String path) {
        return call("GET", path, null);
    }

    Answer delete(String path) {
        return call("DELETE", path, null);
    }

    /** {@code path} may carry a query string. */
    Answer call(String method, String path, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        if (tenant != null) {
            headers.put("x-crmflow-tenant", tenant);
        }
        if (user != null) {
            headers.put("x-crmflow-user", user);
        }
        APIGatewayV2HTTPResponse response = stack.call(method, path, headers, body);
        String type = response.getHeaders() == null ? null : response.getHeaders().get("content-type");
        return new Answer(response.getStatusCode(), type, response.getBody());
    }

    /** Creates the tenant this client speaks for. */
    static Api forNewTenant(LocalStack stack, String tenant) {
        Answer created = new Api(stack, null).post("/tenants",
                "{\"id\":\"" + tenant + "\",\"name\":\"Test\",\"timezone\":\"Europe/Paris\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("tenant not created: " + created);
        }
        return new Api(stack, tenant);
    }
}
