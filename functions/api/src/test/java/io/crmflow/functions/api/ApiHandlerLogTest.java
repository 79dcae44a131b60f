package io.crmflow.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.engine.Engine;
import io.crmflow.engine.EngineSettings;
import io.crmflow.engine.Ports;
import io.crmflow.functions.common.DeadLetters;
import io.crmflow.functions.common.Wiring;
import io.crmflow.json.Json;
import io.crmflow.model.Tenant;
import io.crmflow.store.DefinitionStore;
import io.crmflow.store.memory.InMemoryStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The handler on an in-memory engine whose store fails when the workflows are listed, as an
 * unreachable table would: the caller gets a 500 problem, and the one log line names whose
 * request it was and what it asked, so it can be found.
 */
class ApiHandlerLogTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private ApiHandler handler() {
        InMemoryStore store = new InMemoryStore();
        DefinitionStore failing = (DefinitionStore) Proxy.newProxyInstance(DefinitionStore.class.getClassLoader(),
                new Class<?>[] {DefinitionStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("workflows")) {
                        throw new IllegalStateException("the table could not be reached");
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Ports ports = new Ports(store, failing, store, store, store, store, events -> { }, steps -> { },
                email -> "", () -> "id", store, store);
        Engine engine = Engine.create(ports, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), EngineSettings.DEFAULTS);
        engine.definitions().createTenant(new Tenant("acme", "Acme", ZoneOffset.UTC));
        return new ApiHandler(new Wiring(engine, null, DeadLetters.NONE, 4,
                new PrintStream(out, true, StandardCharsets.UTF_8)));
    }

    private static APIGatewayV2HTTPEvent get(String path) {
        var jwt = RequestContext.Authorizer.JWT.builder()
                .withClaims(Map.of(Caller.TENANT_CLAIM, "acme", Caller.ROLE_CLAIM, "agent", "sub", "user-1")).build();
        return APIGatewayV2HTTPEvent.builder().withRawPath(path)
                .withRequestContext(RequestContext.builder()
                        .withHttp(RequestContext.Http.builder().withMethod("GET").withPath(path).build())
                        .withAuthorizer(RequestContext.Authorizer.builder().withJwt(jwt).build()).build())
                .build();
    }

    @Test
    @DisplayName("R-RUN-6 a request that fails unexpectedly is answered 500 and logged with its tenant, caller and route")
    void unexpectedFailure_is500_andTheLogLineNamesTheRequest() {
        APIGatewayV2HTTPResponse response = handler().handleRequest(get("/workflows"), null);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getHeaders()).containsEntry("content-type", Problems.CONTENT_TYPE);
        var lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode line = Json.tree(lines.get(0));
        assertThat(line.get("level").asText()).isEqualTo("WARN");
        assertThat(line.get("tenantId").asText()).isEqualTo("acme");
        assertThat(line.get("subject").asText()).isEqualTo("user-1");
        assertThat(line.get("method").asText()).isEqualTo("GET");
        assertThat(line.get("path").asText()).isEqualTo("/workflows");
        assertThat(line.get("error").asText()).contains("the table could not be reached");
    }
}
