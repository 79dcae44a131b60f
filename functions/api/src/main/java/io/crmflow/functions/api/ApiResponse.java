package io.crmflow.functions.api;

import io.crmflow.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP answer: status, content type and a JSON body (or none), and any header beyond the
 * content type (names in lower case).
 */
record ApiResponse(int status, String contentType, String body, Map<String, String> extraHeaders) {
    ApiResponse {
        extraHeaders = Map.copyOf(extraHeaders);
    }

    ApiResponse(int status, String contentType, String body) {
        this(status, contentType, body, Map.of());
    }

    static ApiResponse json(int status, Object value) {
        return new ApiResponse(status, "application/json", Json.write(value));
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, null, null);
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put(name, value);
        return new ApiResponse(status, contentType, body, headers);
    }

    /** Every header the answer carries, its content type among them when it has a body. */
    Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        return headers;
    }
}
