package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.json.Json;
import io.crmflow.local.DevTokens;
import io.crmflow.local.LocalStack;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls the API function as API Gateway would, for one tenant: with a development token naming
 * the tenant and a role (admin unless asked otherwise).
 */
final class Api {
    private final LocalStack stack;
    private final String tenant;
    /** The bearer token sent; null sends none. */
    private final String token;
    /** The user a call acts for, by hand ({@code x-crmflow-user}); null for the API's own calls. */
    private final String user;

    /** An admin of {@code tenant}; a null tenant sends no token at all. */
    Api(LocalStack stack, String tenant) {
        this(stack, tenant, tenant == null ? null : DevTokens.issue(tenant, "admin"), null);
    }

    private Api(LocalStack stack, String tenant, String token, String user) {
        this.stack = stack;
        this.tenant = tenant;
        this.token = token;
        this.user = user;
    }

    /** The same tenant's API, each call made by hand by {@code userId}. */
    Api as(String userId) {
        return new Api(stack, tenant, token, userId);
    }

    /** The same tenant's API for a caller with the agent role. */
    Api asAgent() {
        return new Api(stack, tenant, DevTokens.issue(tenant, "agent"), user);
    }

    /** The same tenant's API, sending {@code token} as it is (or none, when null). */
    Api withToken(String token) {
        return new Api(stack, tenant, token, user);
    }

    /** @param headers the answer's headers, by lower-case name */
    record Answer(int status, String contentType, String body, Map<String, String> headers) {
        JsonNode json() {
            return Json.tree(body);
        }

        /** A header of the answer by its lower-case name, or null. */
        String header(String name) {
            return headers.get(name);
        }

        /** This answer, once it is known to have {@code expected} status (the body says why not). */
        Answer expect(int expected) {
            assertThat(status).as(body).isEqualTo(expected);
            return this;
        }

        /** Where each problem of a refusal is, in order. */
        List<String> pointers() {
            JsonNode errors = json().get("errors");
            assertThat(errors).as("errors of %s", body).isNotNull();
            List<String> out = new ArrayList<>();
            errors.forEach(e -> out.add(e.get("pointer").asText()));
            return out;
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

    /**
     * Every page of a listing, from the first, following each {@code nextCursor} (a cursor is
     * opaque, so it is encoded); {@code path} may carry a query string, such as a limit.
     */
    List<JsonNode> pages(String path) {
        List<JsonNode> pages = new ArrayList<>();
        String cursor = null;
        do {
            String next = cursor == null ? path
                    : path + (path.contains("?") ? "&" : "?") + "cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            JsonNode page = get(next).expect(200).json();
            pages.add(page);
            cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return pages;
    }

    /** The items of every page of a listing, in the order the pages give them. */
    List<JsonNode> items(String path) {
        List<JsonNode> items = new ArrayList<>();
        pages(path).forEach(page -> page.get("items").forEach(items::add));
        return items;
    }

    /** {@code path} may carry a query string. */
    Answer call(String method, String path, String body) {
        return call(method, path, body, Map.of());
    }

    /** As {@link #call(String, String, String)}, with headers of the request's own besides (an Idempotency-Key). */
    Answer call(String method, String path, String body, Map<String, String> requestHeaders) {
        Map<String, String> headers = new HashMap<>(requestHeaders);
        headers.put("content-type", "application/json");
        if (token != null) {
            headers.put("authorization", "Bearer " + token);
        }
        if (user != null) {
            headers.put("x-crmflow-user", user);
        }
        APIGatewayV2HTTPResponse response = stack.call(method, path, headers, body);
        Map<String, String> answered = response.getHeaders() == null ? Map.of() : response.getHeaders();
        return new Answer(response.getStatusCode(), answered.get("content-type"), response.getBody(), answered);
    }

    /** Creates the tenant this client speaks for. */
    static Api forNewTenant(LocalStack stack, String tenant) {
        Answer created = new Api(stack, tenant).post("/tenants",
                "{\"id\":\"" + tenant + "\",\"name\":\"Test\",\"timezone\":\"Europe/Paris\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("tenant not created: " + created);
        }
        return new Api(stack, tenant);
    }
}
