package io.crmflow.functions.api;

import io.crmflow.json.Json;

/** An HTTP answer: status, content type and a JSON body (or none). */
record ApiResponse(int status, String contentType, String body) {
    static ApiResponse json(int status, Object value) {
        return new ApiResponse(status, "application/json", Json.write(value));
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, null, null);
    }
}
