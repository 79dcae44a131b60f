package io.crmflow.local.it;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
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

    Api(LocalStack stack, String tenant) {
        this.stack = stack;
        this.tenant = tenant;
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

    /** {@code path} may carry a query string; it is split into parameters as API Gateway does. */
    Answer call(String method, String path, String body) {
        int question = path.indexOf('?');
        String rawPath = question < 0 ? path : path.substring(0, question);
        String rawQuery = question < 0 ? "" : path.substring(question + 1);
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        if (tenant != null) {
            headers.put("x-crmflow-tenant", tenant);
        }
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("ANY /{proxy+}").withRawPath(rawPath).withHeaders(headers)
                .withRawQueryString(rawQuery).withQueryStringParameters(rawQuery.isEmpty() ? null : query(rawQuery))
                .withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(rawPath).build())
                        .build())
                .build();
        APIGatewayV2HTTPResponse response = stack.call(event);
        String type = response.getHeaders() == null ? null : response.getHeaders().get("content-type");
        return new Answer(response.getStatusCode(), type, response.getBody());
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? "" : pair.substring(equals + 1));
        }
        return parameters;
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
