package io.crmflow.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

/**
 * Development tokens for the local stack: JWTs with the claims a deployment's identity provider
 * puts in its tokens ({@code custom:tenant}, {@code custom:role}), signed with a key that is only
 * ever used here. The local stack's authorizer ({@link LocalJwtAuthorizer}) accepts nothing else.
 */
public final class DevTokens {
    static final String ISSUER = "crmflow-local";
    static final String AUDIENCE = "crmflow";
    /** Public on purpose: a development key guards nothing but the developer's own machine. */
    static final byte[] KEY = "crmflow local development signing key; never deployed".getBytes(StandardCharsets.UTF_8);
    static final Set<String> ROLES = Set.of("admin", "agent");
    private static final Duration LIFETIME = Duration.ofHours(12);

    private DevTokens() {
    }

    /** The development signing key, for tests that sign tokens of their own (expired, with other claims). */
    public static byte[] developmentKey() {
        return KEY.clone();
    }

    /** A token for {@code tenant} with {@code role} ({@code admin} or {@code agent}), valid for 12 hours. */
    public static String issue(String tenant, String role) {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("name the tenant the token is for");
        }
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("role must be admin or agent, not '" + role + "'");
        }
        // The wall clock's time, as the authorizer checks expiry against it (LocalJwtAuthorizer).
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject(role + "@" + tenant)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("custom:tenant", tenant).claim("custom:role", role)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(KEY));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
        return jwt.serialize();
    }
}
