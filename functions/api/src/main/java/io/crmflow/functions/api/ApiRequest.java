package io.crmflow.functions.api;

import java.util.Map;

/**
 * An HTTP request as the routes see it: no Lambda types, header names in lower case.
 *
 * @param caller who sent it, as the verified token says; null only in tests of what needs no caller
 */
record ApiRequest(String method, String path, Map<String, String> headers, Map<String, String> query, String body,
                  Caller caller) {
    String header(String name) {
        return headers.get(name);
    }

    String queryParam(String name) {
        return query.get(name);
    }

    /**
     * The tenant the request acts in: the caller's. Every route but the one creating it runs only
     * once the router has found that it exists ({@link Routes#router()}), so routes need not look again.
     */
    String tenant() {
        return caller.tenant();
    }
}
