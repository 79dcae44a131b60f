package io.crmflow.functions.api;

import java.util.Map;

/**
 * An HTTP request as the routes see it: no Lambda types, header names in lower case.
 *
 * @param claims the verified token's claims, as the API's JWT authorizer passes them; empty when none
 */
record ApiRequest(String method, String path, Map<String, String> headers, Map<String, String> query, String body,
                  Map<String, String> claims) {
    String header(String name) {
        return headers.get(name);
    }

    String queryParam(String name) {
        return query.get(name);
    }

    /** Who sent the request; refused (401) without a token that names a tenant and a role. */
    Caller caller() {
        return Caller.fromClaims(claims);
    }
}
