package io.crmflow.functions.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.Engine;
import io.crmflow.engine.EngineSettings;
import io.crmflow.engine.Ports;
import io.crmflow.model.Tenant;
import io.crmflow.store.DefinitionStore;
import io.crmflow.store.memory.InMemoryStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every route goes through before it runs — the caller's role, the tenant's existence, a
 * POST's Idempotency-Key — on an in-memory engine whose definition store counts the reads of
 * tenants: the tenant item is read once per request, however many of those steps need it.
 */
class SharedFiltersTest {
    private static final String WORKFLOW_BODY = "{\"name\": \"Welcome\", \"objectType\": \"contact\","
            + " \"actions\": []}";
    private final AtomicInteger tenantReads = new AtomicInteger();
    private Router router;

    @BeforeEach
    void tenantWithAWorkflow() {
        InMemoryStore store = new InMemoryStore();
        AtomicInteger ids = new AtomicInteger();
        Ports ports = new Ports(store, countingTenantReads(store), store, store, store, store, events -> { },
                steps -> { }, email -> "", () -> "id-" + ids.incrementAndGet(), store, store);
        Engine engine = Engine.create(ports, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), EngineSettings.DEFAULTS);
        engine.definitions().createTenant(new Tenant("acme", "Acme", ZoneOffset.UTC));
        engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "welcome", "Welcome", "contact", 0, true,
                EnrollmentTrigger.MANUAL, null, List.of(), null));
        router = new Routes(engine).router();
        tenantReads.set(0);
    }

    /** The store as it is, but for counting {@link DefinitionStore#tenant} calls. */
    private DefinitionStore countingTenantReads(DefinitionStore store) {
        return (DefinitionStore) Proxy.newProxyInstance(DefinitionStore.class.getClassLoader(),
                new Class<?>[] {DefinitionStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("tenant")) {
                        tenantReads.incrementAndGet();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private ApiResponse send(String method, String path, Role role, String body, Map<String, String> headers) {
        return router.route(new ApiRequest(method, path, headers, Map.of(), body,
                new Caller("acme", role, "user-1")));
    }

    private int tenantReadsOf(String method, String path, String body, Map<String, String> headers) {
        tenantReads.set(0);
        ApiResponse response = send(method, path, Role.ADMIN, body, headers);
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
        return tenantReads.get();
    }

    @Test
    @DisplayName("R-RUN-6 an Idempotency-Key costs no second read of the tenant")
    void postWithIdempotencyKey_readsTheTenantNoMoreThanWithout() {
        int without = tenantReadsOf("POST", "/workflows", WORKFLOW_BODY, Map.of());
        int with = tenantReadsOf("POST", "/workflows", WORKFLOW_BODY, Map.of(IdempotentPosts.HEADER, "key-1"));

        assertThat(with).isEqualTo(without);
    }

    @Test
    @DisplayName("R-RUN-6 a route that reads the workflow before its enrollments reads the tenant once")
    void workflowsEnrollments_readsTheTenantOnce() {
        assertThat(tenantReadsOf("GET", "/workflows/welcome/enrollments", null, Map.of())).isEqualTo(1);
        assertThat(tenantReadsOf("GET", "/workflows/welcome/metrics", null, Map.of())).isEqualTo(1);
    }

    @Test
    @DisplayName("R-RUN-6 a caller whose role may not use a route is refused before anything is read")
    void agentOnAnAdminRoute_isRefused_withoutReadingTheTenant() {
        var refused = catchThrowableOfType(
                () -> send("POST", "/workflows", Role.AGENT, WORKFLOW_BODY,
                Map.of(IdempotentPosts.HEADER, "key-2")), ForbiddenException.class);

        assertThat(refused).hasMessageContaining("needs the admin role");
        assertThat(tenantReads.get()).isZero();
    }
}
