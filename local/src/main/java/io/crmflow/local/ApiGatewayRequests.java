package io.crmflow.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Builds the HTTP API (payload 2.0) event API Gateway would hand the function for a request. */
final class ApiGatewayRequests {
    private ApiGatewayRequests() {
    }

    /** @param path may carry a query string, split into parameters as API Gateway does */
    static APIGatewayV2HTTPEvent event(String method, String path, Map<String, String> headers, String body) {
        int question = path.indexOf('?');
        String rawPath = question < 0 ? path : path.substring(0, question);
        String rawQuery = question < 0 ? "" : path.substring(question + 1);
        Map<String, String> lowerCased = new HashMap<>();
        headers.forEach((name, value) -> lowerCased.put(name.toLowerCase(Locale.ROOT), value));
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey(HttpApiEvents.ROUTE_KEY).withRawPath(rawPath).withHeaders(lowerCased)
                .withRawQueryString(rawQuery).withQueryStringParameters(rawQuery.isEmpty() ? null : query(rawQuery))
                .withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(rawPath).build())
                        .build())
                .build();
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? "" : pair.substring(equals + 1));
        }
        return parameters;
    }
}
