package io.crmflow.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The deployment's HTTP API as the tool uses it: JSON in and out, the bearer token (which names
 * the tenant) on every request, refusals turned into {@link ApiException}s that keep the problem document's pointers.
 * Thread-safe.
 */
public final class ApiClient {
    /** The most a listing gives per page (the API's own maximum): fewer round trips on export. */
    private static final int PAGE = 200;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final URI endpoint;
    private final Credentials credentials;
    private final HttpClient http;

    /**
     * How requests say who makes them.
     *
     * @param token sent as {@code Authorization: Bearer …}: the deployment takes the tenant and the role from it
     * @param user  sent as {@code x-crmflow-user}: the person a change is made for (a journey's owner); null for none
     */
    public record Credentials(String token, String user) {
    }

    /** The deployment could not be reached at all. */
    public static final class UnreachableException extends RuntimeException {
        UnreachableException(URI endpoint, Exception cause) {
            super("cannot reach " + endpoint + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage()), cause);
        }
    }

    public ApiClient(URI endpoint, Credentials credentials) {
        this.endpoint = URI.create(endpoint.toString().replaceAll("/+$", "") + "/");
        this.credentials = credentials;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    public URI endpoint() {
        return endpoint;
    }

    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    public JsonNode put(String path, JsonNode body) {
        return send("PUT", path, body);
    }

    public JsonNode post(String path, JsonNode body) {
        return send("POST", path, body);
    }

    /** Every item of a listing, following each page's {@code nextCursor} to the last page. */
    public List<JsonNode> items(String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String page = path + "?limit=" + PAGE
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode answer = get(page);
            answer.path("items").forEach(items::add);
            JsonNode next = answer.get("nextCursor");
            cursor = next != null && next.isTextual() ? next.asText() : null;
        } while (cursor != null);
        return items;
    }

    /** A path segment as the API's routes take it: ids may hold ':' (stage workflows), which is kept. */
    public static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("%3A", ":");
    }

    private JsonNode send(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path.startsWith("/") ? path.substring(1)
                        : path)).timeout(TIMEOUT).header("accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (credentials.token() != null) {
            request.header("authorization", "Bearer " + credentials.token());
        }
        if (credentials.user() != null) {
            request.header("x-crmflow-user", credentials.user());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UnreachableException(endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException(endpoint, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw refusal(method, path, response);
        }
        return response.body() == null || response.body().isBlank() ? Json.mapper().nullNode() : Json.tree(response.body());
    }

    private static ApiException refusal(String method, String path, HttpResponse<String> response) {
        String detail = method + " " + path + " answered " + response.statusCode();
        List<ApiException.Error> errors = new ArrayList<>();
        try {
            JsonNode problem = Json.tree(response.body());
            if (problem.hasNonNull("detail")) {
                detail = problem.get("detail").asText() + " (" + detail + ")";
            } else if (problem.hasNonNull("message")) {
                detail = problem.get("message").asText() + " (" + detail + ")";
            }
            problem.path("errors").forEach(e -> errors.add(new ApiException.Error(e.path("pointer").asText("/"),
                    e.path("detail").asText())));
        } catch (RuntimeException notJson) {
            // the detail says what was asked and how it was answered
        }
        return new ApiException(response.statusCode(), detail, errors);
    }
}
