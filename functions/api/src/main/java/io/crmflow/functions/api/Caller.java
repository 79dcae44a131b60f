package io.crmflow.functions.api;

import java.util.Map;

/**
 * Who sent a request, as the token the API's authorizer verified says: the tenant it acts in
 * and its role. The tenant is never read from the path or the body, so a caller cannot name
 * another tenant's data.
 *
 * @param subject the token's {@code sub}: who, for the logs; never an email address
 */
record Caller(String tenant, Role role, String subject) {
    /** The claim naming the tenant: a Cognito custom attribute, or any OIDC provider's claim of that name. */
    static final String TENANT_CLAIM = "custom:tenant";
    static final String ROLE_CLAIM = "custom:role";

    /**
     * The caller the claims describe; refused (401) when a claim is missing or says nothing we
     * know, since a token without a tenant or a role grants nothing.
     */
    static Caller fromClaims(Map<String, String> claims) {
        if (claims == null || claims.isEmpty()) {
            throw new UnauthenticatedException("send a bearer token in the Authorization header");
        }
        String tenant = claims.get(TENANT_CLAIM);
        if (tenant == null || tenant.isBlank()) {
            throw new UnauthenticatedException("the token has no " + TENANT_CLAIM + " claim naming its tenant");
        }
        Role role = Role.fromClaim(claims.get(ROLE_CLAIM)).orElseThrow(() -> new UnauthenticatedException(
                "the token's " + ROLE_CLAIM + " claim must be admin or agent"));
        return new Caller(tenant, role, claims.get("sub"));
    }
}
