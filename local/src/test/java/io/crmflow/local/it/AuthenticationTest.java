package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.crmflow.json.Json;
import io.crmflow.local.DevTokens;
import io.crmflow.local.LocalContext;
import io.crmflow.local.LocalStack;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-RUN-6, who may call the API: every route needs a token; the tenant and the role come from
 * its claims, never from the request; an agent works records, an admin also shapes definitions.
 */
class AuthenticationTest {
    private final LocalStack stack = SharedStack.get();
    private final String tenant = SharedStack.uniqueTenant();

    @Test
    @DisplayName("R-RUN-6: a request without a token, or with one not signed by the issuer, is refused before the function")
    void noToken_orForgedOrExpiredToken_is401() throws Exception {
        Api admin = Api.forNewTenant(stack, tenant);
        String forged = sign(claims("admin", Instant.now().plusSeconds(600)),
                "a key that is not the issuer's, 32 bytes or more long");
        String expired = sign(claims("admin", Instant.now().minusSeconds(60)), null);

        for (String token : new String[] {null, "not-a-jwt", forged, expired}) {
            Api.Answer answer = admin.withToken(token).get("/workflows");
            assertThat(answer.status()).as("token %s", token).isEqualTo(401);
            assertThat(answer.body()).doesNotContain(tenant);
        }
        assertThat(admin.get("/workflows").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("R-RUN-6: the function itself refuses a request that reaches it without verified claims")
    void requestWithoutClaims_reachingTheFunction_is401Problem() {
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = stack.handler("ApiFunction");
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRawPath("/workflows")
                .withHeaders(Map.of("x-crmflow-tenant", tenant))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath("/workflows")
                                .build()).build()).build();

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, LocalContext.forInvocation("ApiFunction",
                LocalStack.REGION, "000000000000", 1024, Duration.ofSeconds(30), SharedStack.CLOCK));

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getHeaders().get("content-type")).isEqualTo("application/problem+json");
        assertThat(Json.tree(response.getBody()).get("detail").asText()).contains("bearer token");
    }

    @Test
    @DisplayName("R-RUN-6: a token whose role is neither admin nor agent grants nothing")
    void unknownRole_is401() throws Exception {
        Api admin = Api.forNewTenant(stack, tenant);
        String viewer = sign(claims("viewer", Instant.now().plusSeconds(600)), null);

        Api.Answer answer = admin.withToken(viewer).get("/workflows");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("detail").asText()).contains("custom:role", "admin or agent");
    }

    @Test
    @DisplayName("R-RUN-6: an agent works records and activity; changing definitions needs an admin, and writes nothing")
    void agent_worksRecords_butCannotChangeDefinitions() {
        Api admin = Api.forNewTenant(stack, tenant);
        Api agent = admin.asAgent();

        agent.post("/records/contact", "{\"id\": \"c-1\", \"properties\": {\"firstname\": \"Ada\"}}").expect(201);
        agent.patch("/records/contact/c-1", "{\"properties\": {\"jobtitle\": \"Engineer\"}}").expect(200);
        agent.post("/events", "{\"record\": {\"objectType\": \"contact\", \"id\": \"c-1\"},"
                + " \"activity\": {\"type\": \"email_opened\", \"actor\": {\"kind\": \"RECORD\", \"id\": \"c-1\"}}}").expect(202);
        agent.get("/workflows").expect(200);

        Api.Answer workflow = agent.put("/workflows/w", "{\"objectType\": \"contact\"}");
        Api.Answer pipeline = agent.put("/pipelines/deal/sales", "{\"stages\": [{\"id\": \"won\", \"label\": \"Won\", \"open\": false}]}");
        Api.Answer secret = agent.get("/settings/webhooks");

        for (Api.Answer refused : new Api.Answer[] {workflow, pipeline, secret}) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.contentType()).isEqualTo("application/problem+json");
            assertThat(refused.json().get("detail").asText()).contains("needs the admin role");
        }
        assertThat(admin.get("/workflows/w").status()).isEqualTo(404);
        assertThat(admin.items("/pipelines/deal")).noneMatch(p -> p.get("id").asText().equals("sales"));
    }

    @Test
    @DisplayName("R-RUN-6: a tenant is created from its token; a body naming another tenant is refused")
    void createTenant_takesItsIdFromTheToken() {
        Api caller = new Api(stack, tenant);

        Api.Answer other = caller.post("/tenants", "{\"id\": \"someone-else\", \"name\": \"X\"}");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.pointers()).containsExactly("/id");

        Api.Answer created = caller.post("/tenants", "{\"name\": \"Mine\", \"timezone\": \"Europe/Paris\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("id").asText()).isEqualTo(tenant);
        assertThat(new Api(stack, "someone-else").get("/workflows").status()).isEqualTo(404);
    }

    /**
     * The claims of a development token for this test's tenant, with {@code role} and expiring at
     * {@code expires} (on the wall clock, which the authorizer reads).
     */
    private JWTClaimsSet claims(String role, Instant expires) {
        return new JWTClaimsSet.Builder().issuer("crmflow-local").audience("crmflow").expirationTime(Date.from(expires))
                .claim("custom:tenant", tenant).claim("custom:role", role).build();
    }

    /** A token with {@code claims}, signed with {@code key} (null: the local issuer's development key). */
    private static String sign(JWTClaimsSet claims, String key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(key == null ? DevTokens.developmentKey() : key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
