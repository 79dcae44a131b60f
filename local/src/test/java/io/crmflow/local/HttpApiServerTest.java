package io.crmflow.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R-RUN-6 HttpApiServer turns HTTP requests into API Gateway v2 events and back")
class HttpApiServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicReference<APIGatewayV2HTTPEvent> received = new AtomicReference<>();
    private HttpApiServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpApiServer serve(Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function) {
        server = HttpApiServer.start(event -> {
            received.set(event);
            return function.apply(event);
        }, "000000000000");
        return server;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void request_becomesAVersion2EventAndTheResponseIsWrittenBack() throws Exception {
        serve(event -> APIGatewayV2HTTPResponse.builder().withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "application/json", "X-Trace", "t-1"))
                .withBody("{\"created\":true}").build());

        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.endpoint()
                        + "/tenants/t1/records?type=contact&tag=a&tag=b&q=x%20y"))
                .header("X-Custom", "Value").header("Cookie", "session=abc; theme=dark")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ada\"}")));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"created\":true}");
        assertThat(response.headers().firstValue("x-trace")).contains("t-1");
        assertThat(response.headers().firstValue("content-type")).contains("application/json");

        APIGatewayV2HTTPEvent event = received.get();
        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("ANY /{proxy+}");
        assertThat(event.getRawPath()).isEqualTo("/tenants/t1/records");
        assertThat(event.getRawQueryString()).isEqualTo("type=contact&tag=a&tag=b&q=x%20y");
        assertThat(event.getQueryStringParameters()).containsEntry("type", "contact").containsEntry("tag", "a,b")
                .containsEntry("q", "x y");
        assertThat(event.getPathParameters()).containsEntry("proxy", "tenants/t1/records");
        assertThat(event.getHeaders()).containsEntry("x-custom", "Value").doesNotContainKey("cookie");
        assertThat(event.getCookies()).containsExactly("session=abc", "theme=dark");
        assertThat(event.getBody()).isEqualTo("{\"name\":\"Ada\"}");
        assertThat(event.getIsBase64Encoded()).isFalse();
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
        assertThat(event.getRequestContext().getHttp().getPath()).isEqualTo("/tenants/t1/records");
        assertThat(event.getRequestContext().getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(event.getRequestContext().getStage()).isEqualTo("$default");
        assertThat(event.getRequestContext().getRequestId()).isNotBlank();
    }

    @Test
    void getWithoutBodyOrQuery_hasNullBodyAndEmptyRawQuery() throws Exception {
        serve(event -> APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("ok").build());

        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/health")));

        assertThat(response.body()).isEqualTo("ok");
        assertThat(received.get().getBody()).isNull();
        assertThat(received.get().getRawQueryString()).isEmpty();
        assertThat(received.get().getQueryStringParameters()).isNull();
    }

    @Test
    void throwingFunction_isA500LikeApiGateway() throws Exception {
        serve(event -> {
            throw new IllegalStateException("bug");
        });

        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/x"))
                .DELETE());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    @Test
    void base64Response_isDecodedAndCookiesBecomeSetCookie() throws Exception {
        serve(event -> APIGatewayV2HTTPResponse.builder().withStatusCode(200).withIsBase64Encoded(true)
                .withBody("aGVsbG8=").withCookies(java.util.List.of("a=1", "b=2"))
                .withHeaders(Map.of("Content-Type", "text/plain")).build());

        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/bin")));

        assertThat(response.body()).isEqualTo("hello");
        assertThat(response.headers().allValues("set-cookie")).containsExactlyInAnyOrder("a=1", "b=2");
    }
}
