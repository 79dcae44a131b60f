package io.crmflow.functions.api;

import java.util.Map;

/** An HTTP request as the routes see it: no Lambda types, header names in lower case. */
record ApiRequest(String method, String path, Map<String, String> headers, Map<String, String> query, String body) {
    String header(String name) {
        return headers.get(name);
    }

    String queryParam(String name) {
        return query.get(name);
    }
}
