package io.crmflow.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the deployment's HTTP API JWT authorizer does, for the local stack's development tokens:
 * a request without a valid bearer token is answered 401 before the function sees it; a valid
 * one reaches the function with its claims in {@code requestContext.authorizer.jwt.claims}, every
 * value a string, as API Gateway passes them. Time is the wall clock's, as API Gateway's is,
 * whatever clock the stack's functions run on.
 */
final class LocalJwtAuthorizer {
    private static final Clock WALL_CLOCK = Clock.systemUTC();

    private LocalJwtAuthorizer() {
    }

    /** The request with its verified claims, or empty when API Gateway would answer 401. */
    static Optional<APIGatewayV2HTTPEvent> authorize(APIGatewayV2HTTPEvent event) {
        String header = event.getHeaders() == null ? null : event.getHeaders().get("authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return verify(header.substring(7).trim()).map(claims -> {
            var context = event.getRequestContext() != null ? event.getRequestContext()
                    : new APIGatewayV2HTTPEvent.RequestContext();
            context.setAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                    .build());
            event.setRequestContext(context);
            return event;
        });
    }

    /** API Gateway's own answer to a request its authorizer refuses. */
    static APIGatewayV2HTTPResponse unauthorized() {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(401)
                .withHeaders(Map.of("content-type", "application/json", "www-authenticate", "Bearer"))
                .withBody("{\"message\":\"Unauthorized\"}").build();
    }

    private static Optional<Map<String, String>> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(DevTokens.KEY))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date now = Date.from(WALL_CLOCK.instant());
            if (!DevTokens.ISSUER.equals(claims.getIssuer()) || claims.getAudience() == null
                    || !claims.getAudience().contains(DevTokens.AUDIENCE)
                    || claims.getExpirationTime() == null || !claims.getExpirationTime().after(now)) {
                return Optional.empty();
            }
            Map<String, String> strings = new LinkedHashMap<>();
            claims.getClaims().forEach((name, value) -> strings.put(name, value instanceof Date date
                    ? Long.toString(date.toInstant().getEpochSecond()) : String.valueOf(value)));
            return Optional.of(strings);
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }
}
