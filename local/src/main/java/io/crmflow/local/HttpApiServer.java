package io.crmflow.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An HTTP API (API Gateway v2, payload format 2.0) on a loopback port: each request becomes an
 * {@link APIGatewayV2HTTPEvent} for the catch-all route {@code ANY /{proxy+}}, and the function's
 * {@link APIGatewayV2HTTPResponse} is written back. As API Gateway does, a function that throws
 * or answers nothing gives a 500 {@code {"message":"Internal Server Error"}}.
 *
 * <p>Thread-safe if the function is: requests run concurrently on a small pool. {@link #start}
 * binds a free port (or the one given); {@link #close()} stops serving.
 */
public final class HttpApiServer implements AutoCloseable {

    private static final byte[] INTERNAL_ERROR = "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8);

    private final HttpExchanges.Server server;
    private final Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function;
    private final HttpApiEvents events;

    private HttpApiServer(Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function, HttpApiEvents events,
                          int port) {
        this.function = function;
        this.events = events;
        this.server = HttpExchanges.loopbackServer("http-api", port);
        server.http().createContext("/", this::handle);
        server.http().start();
    }

    /**
     * Starts serving on a free loopback port.
     *
     * @param accountId put in each event's request context, as API Gateway does
     */
    public static HttpApiServer start(Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function,
                                      String accountId) {
        return start(function, accountId, 0);
    }

    /** Starts serving on the given loopback port (0: a free one). */
    public static HttpApiServer start(Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function,
                                      String accountId, int port) {
        return new HttpApiServer(function, new HttpApiEvents(accountId), port);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            APIGatewayV2HTTPResponse response = invoke(events.event(exchange, HttpExchanges.body(exchange)));
            if (response == null) {
                HttpExchanges.send(exchange, 500, "application/json", INTERNAL_ERROR);
            } else {
                write(exchange, response);
            }
        } finally {
            exchange.close();
        }
    }

    private APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        try {
            return function.apply(event);
        } catch (RuntimeException failure) {
            System.err.println("HTTP API function failed on " + event.getRouteKey() + " " + event.getRawPath() + ": "
                    + failure);
            return null;
        }
    }

    private static void write(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> exchange.getResponseHeaders().put(name, List.copyOf(values)));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie));
        }
        String body = response.getBody() == null ? "" : response.getBody();
        byte[] bytes = response.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        // A function that sets no status code means 200, as API Gateway reads it.
        int status = response.getStatusCode() == 0 ? 200 : response.getStatusCode();
        String contentType = firstHeader(response.getHeaders(), "content-type");
        HttpExchanges.send(exchange, status, contentType == null ? "application/json" : contentType, bytes);
    }

    private static String firstHeader(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    @Override
    public void close() {
        server.stop();
    }
}
