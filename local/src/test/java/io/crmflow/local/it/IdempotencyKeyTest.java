package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.crmflow.engine.Engine;
import io.crmflow.engine.StageWorkflows;
import io.crmflow.journey.JourneyExamples;
import io.crmflow.local.LocalStack;
import io.crmflow.model.RecordRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * R-RUN-6 through the real API function: every POST route the router has — read from the
 * router, so a new one is covered or this test says which to add — answers a repeat with the
 * same key and request exactly as the first time, without doing it again (the effect is counted
 * in the table or on the queue), and refuses the key with another request.
 */
@DisplayName("R-RUN-6 Idempotency-Key on every POST: a repeat is replayed, never run twice; the key reused is a 422")
class IdempotencyKeyTest {
    private static final String KEY = "idempotency-key";
    private static final String REPLAYED = "idempotent-replayed";
    private static final String MANUAL = """
            {"name": "By hand", "objectType": "contact", "firstActionId": "set",
             "actions": [{"type": "set_property", "id": "set", "property": "jobtitle", "value": "Seen"}]}""";
    private static final String CUSTOMERS_OFF = """
            {"name": "Customers", "objectType": "contact", "enabled": false,
             "trigger": {"criteria": {"groups": [{"conditions": [
                 {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["customer"]}]}]}},
             "actions": []}""";
    private static final String SALES = """
            {"label": "Sales", "stages": [
              {"id": "appointmentscheduled", "label": "Appointment scheduled", "open": true},
              {"id": "contractsent", "label": "Contract sent", "open": true}]}""";
    private static final String CONTRACT_SENT = "/pipelines/deal/sales/stages/contractsent";

    private final LocalStack stack = SharedStack.forOneTest();
    private final Engine engine = stack.engine("ApiFunction");

    /**
     * One POST route, set up in a tenant of its own: the request, another request for the same
     * route, and a count of what the request does, which one send raises by one.
     */
    private record Case(Api caller, String path, String body, String otherPath, String otherBody, IntSupplier effects) {
    }

    @TestFactory
    Stream<DynamicTest> everyPostRoute_repeatIsReplayedNotRun_otherRequestWithTheKeyIs422() {
        List<String> posts = RegisteredRoute.of(stack).stream().filter(r -> r.method().equals("POST"))
                .map(RegisteredRoute::template).toList();
        assertThat(posts).as("the router's POST routes").hasSizeGreaterThanOrEqualTo(14);
        return posts.stream().map(template -> DynamicTest.dynamicTest("POST " + template, () -> repeatIsReplayed(template)));
    }

    private void repeatIsReplayed(String template) {
        Case c = caseFor(template);
        Map<String, String> key = Map.of(KEY, UUID.randomUUID().toString());
        int before = c.effects().getAsInt();

        Api.Answer first = c.caller().call("POST", c.path(), c.body(), key);
        assertThat(first.status()).as(first.body()).isBetween(200, 299);
        assertThat(first.header(REPLAYED)).isNull();
        assertThat(c.effects().getAsInt()).as("the first send did it").isEqualTo(before + 1);

        Api.Answer again = c.caller().call("POST", c.path(), c.body(), key);
        assertThat(again.status()).isEqualTo(first.status());
        assertThat(again.contentType()).isEqualTo(first.contentType());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header(REPLAYED)).isEqualTo("true");

        Api.Answer other = c.caller().call("POST", c.otherPath(), c.otherBody(), key);
        assertThat(other.status()).as(other.body()).isEqualTo(422);
        assertThat(other.contentType()).isEqualTo("application/problem+json");
        assertThat(other.pointers()).containsExactly("/headers/idempotency-key");
        assertThat(other.json().get("detail").asText()).contains("already used for another request");

        assertThat(c.effects().getAsInt()).as("neither the repeat nor the other request did anything").isEqualTo(before + 1);
    }

    @Test
    @DisplayName("R-RUN-6 two sends of one key at once: one runs, the other is answered or told to wait; one record")
    void concurrentSends_oneKey_makeOneRecord() throws Exception {
        Assumptions.assumeTrue(SharedStack.embedded(), "the emulator does not make conditional writes atomic");
        String tenant = SharedStack.uniqueTenant();
        Api api = Api.forNewTenant(stack, tenant);
        Map<String, String> key = Map.of(KEY, UUID.randomUUID().toString());
        String body = "{\"properties\": {\"firstname\": \"Ada\"}}";

        List<Api.Answer> answers = together(4, () -> api.call("POST", "/records/contact", body, key));

        assertThat(records(tenant, "contact")).isEqualTo(1);
        List<Api.Answer> ran = answers.stream().filter(a -> a.status() == 201 && a.header(REPLAYED) == null).toList();
        assertThat(ran).hasSize(1);
        for (Api.Answer a : answers) {
            if (a.status() == 409) {
                assertThat(a.json().get("detail").asText()).contains("still being processed");
                assertThat(a.header("retry-after")).isNotNull();
            } else {
                assertThat(a.status()).as(a.body()).isEqualTo(201);
                assertThat(a.body()).isEqualTo(ran.get(0).body());
            }
        }
    }

    @Test
    @DisplayName("R-RUN-6 a refused request does not use its key up: the corrected request may send it")
    void refusedRequest_leavesTheKeyFree() {
        String tenant = SharedStack.uniqueTenant();
        Api api = Api.forNewTenant(stack, tenant);
        Map<String, String> key = Map.of(KEY, "retry-me");

        assertThat(api.call("POST", "/records/contact", "{\"propertys\": {}}", key).status()).isEqualTo(400);
        Api.Answer corrected = api.call("POST", "/records/contact", "{\"properties\": {}}", key).expect(201);

        assertThat(corrected.header(REPLAYED)).isNull();
        assertThat(records(tenant, "contact")).isEqualTo(1);
    }

    @Test
    @DisplayName("R-RUN-6 a key that is empty, too long or not printable ASCII is a 400 pointing at the header")
    void badKeys_are400AtTheHeader() {
        String tenant = SharedStack.uniqueTenant();
        Api api = Api.forNewTenant(stack, tenant);
        String body = "{\"properties\": {}}";

        for (String bad : List.of("", "k".repeat(256), "clé")) {
            Api.Answer refused = api.call("POST", "/records/contact", body, Map.of(KEY, bad));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.pointers()).containsExactly("/headers/idempotency-key");
        }
        assertThat(records(tenant, "contact")).isZero();
        api.call("POST", "/records/contact", body, Map.of(KEY, "k".repeat(255))).expect(201);
    }

    @Test
    @DisplayName("R-RUN-6 a key means nothing outside POST, and keys are the tenant's own")
    void keys_onlyOnPost_andPerTenant() {
        Api one = Api.forNewTenant(stack, SharedStack.uniqueTenant());
        Api two = Api.forNewTenant(stack, SharedStack.uniqueTenant());
        Map<String, String> key = Map.of(KEY, "shared-key");
        String body = "{\"properties\": {}}";

        one.call("POST", "/records/contact", body, key).expect(201);
        assertThat(two.call("POST", "/records/contact", body, key).expect(201).header(REPLAYED)).isNull();
        one.call("PUT", "/lists/vip", "{\"name\": \"VIP\", \"objectType\": \"contact\", \"kind\": \"static\"}", key)
                .expect(200);
        assertThat(one.call("PUT", "/lists/vip", "{\"name\": \"VIPs\", \"objectType\": \"contact\", \"kind\":"
                + " \"static\"}", key).expect(200).json().get("name").asText()).isEqualTo("VIPs");
    }

    private Case caseFor(String template) {
        String tenant = SharedStack.uniqueTenant();
        Api api = Api.forNewTenant(stack, tenant);
        switch (template) {
            case "/tenants" -> {
                String id = SharedStack.uniqueTenant();
                return new Case(new Api(stack, id), "/tenants", "{\"id\": \"" + id + "\"}", "/tenants",
                        "{\"id\": \"" + id + "\", \"name\": \"Another name\"}", () -> tenants(id));
            }
            case "/records/{type}" -> {
                return new Case(api, "/records/contact", "{\"properties\": {\"firstname\": \"Ada\"}}", "/records/contact",
                        "{\"properties\": {\"firstname\": \"Bob\"}}", () -> records(tenant, "contact"));
            }
            case "/records/{type}/{id}/associations" -> {
                api.post("/records/contact", "{\"id\": \"c-1\", \"properties\": {}}").expect(201);
                api.post("/records/company", "{\"id\": \"co-1\", \"properties\": {\"name\": \"Acme\"}}").expect(201);
                return new Case(api, "/records/contact/c-1/associations", "{\"objectType\": \"company\", \"id\": \"co-1\"}",
                        "/records/contact/c-1/associations", "{\"objectType\": \"company\", \"id\": \"co-2\"}",
                        () -> engine.ports().records().view(tenant, new RecordRef("contact", "c-1")).orElseThrow()
                                .associations().size());
            }
            case "/events" -> {
                api.post("/records/contact", "{\"id\": \"c-1\", \"properties\": {}}").expect(201);
                stack.drain();
                String activity = "{\"record\": {\"objectType\": \"contact\", \"id\": \"c-1\"}, \"activity\": {\"type\":"
                        + " \"email_replied\", \"actor\": {\"kind\": \"RECORD\", \"id\": \"c-1\"}, \"attributes\": {%s}}}";
                return new Case(api, "/events", activity.formatted(""), "/events",
                        activity.formatted("\"subject\": \"Re: hello\""), this::queuedEvents);
            }
            case "/workflow-templates/{id}/workflows" -> {
                String first = api.get("/workflow-templates").json().at("/items/0/id").asText();
                return new Case(api, "/workflow-templates/" + first + "/workflows", "{\"name\": \"From a template\"}",
                        "/workflow-templates/" + first + "/workflows", "{\"name\": \"Another\"}", () -> workflows(tenant));
            }
            case "/workflows" -> {
                return new Case(api, "/workflows", MANUAL, "/workflows", MANUAL.replace("By hand", "Other"),
                        () -> workflows(tenant));
            }
            case "/workflows/{id}/activation" -> {
                api.put("/workflows/customers", CUSTOMERS_OFF).expect(200);
                api.post("/records/contact", "{\"id\": \"c-1\", \"properties\": {\"lifecyclestage\": \"customer\"}}")
                        .expect(201);
                return new Case(api, "/workflows/customers/activation", "{\"enrollExisting\": true}",
                        "/workflows/customers/activation", "{\"enrollExisting\": false}", () -> backfillRuns(api));
            }
            case "/workflows/{id}/enrollments" -> {
                api.put("/workflows/by-hand", MANUAL).expect(200);
                api.post("/records/contact", "{\"id\": \"c-1\", \"properties\": {}}").expect(201);
                api.post("/records/contact", "{\"id\": \"c-2\", \"properties\": {}}").expect(201);
                return new Case(api, "/workflows/by-hand/enrollments", "{\"objectType\": \"contact\", \"id\": \"c-1\"}",
                        "/workflows/by-hand/enrollments", "{\"objectType\": \"contact\", \"id\": \"c-2\"}",
                        () -> engine.ports().enrollments().enrollmentsOf(tenant, "by-hand", null, 200).items().size());
            }
            case "/pipelines/{type}/{pipelineId}/stages/{stageId}/actions" -> {
                api.put("/pipelines/deal/sales", SALES).expect(200);
                return new Case(api, CONTRACT_SENT + "/actions", task("call"), CONTRACT_SENT + "/actions", task("chase"),
                        () -> stageActions(tenant));
            }
            case "/pipelines/{type}/{pipelineId}/stages/{stageId}/actions/{actionId}/comments" -> {
                api.put("/pipelines/deal/sales", SALES).expect(200);
                api.post(CONTRACT_SENT + "/actions", task("call")).expect(201);
                return new Case(api.as("u1"), CONTRACT_SENT + "/actions/call/comments", "{\"text\": \"Due in two days?\"}",
                        CONTRACT_SENT + "/actions/call/comments", "{\"text\": \"Or three?\"}",
                        () -> engine.ports().definitions().actionComments(tenant, stageWorkflow()).size());
            }
            case "/workflows/{id}/actions/{actionId}/comments" -> {
                api.put("/workflows/by-hand", MANUAL).expect(200);
                return new Case(api.as("u1"), "/workflows/by-hand/actions/set/comments", "{\"text\": \"Why this title?\"}",
                        "/workflows/by-hand/actions/set/comments", "{\"text\": \"Another\"}",
                        () -> engine.ports().definitions().actionComments(tenant, "by-hand").size());
            }
            case "/journeys" -> {
                journeySetup(api);
                return new Case(api.as("ana"), "/journeys", JourneyExamples.NURTURE, "/journeys",
                        JourneyExamples.NURTURE.replace("Nurture subscribers", "Nurture others"),
                        () -> engine.ports().journeys().journeys(tenant, null, 200).items().size());
            }
            case "/journeys/{id}/publish" -> {
                journeySetup(api);
                api.as("ana").post("/journeys", Journeys.journey("j1")).expect(201);
                String answers = "{\"enrollExisting\": false, \"createStageReports\": %s}";
                return new Case(api, "/journeys/j1/publish", answers.formatted("false"), "/journeys/j1/publish",
                        answers.formatted("true"), () -> journeyVersions(tenant));
            }
            case "/journeys/{id}/versions/{n}/restore" -> {
                journeySetup(api);
                api.as("ana").post("/journeys", Journeys.journey("j1")).expect(201);
                api.post("/journeys/j1/publish", "{\"enrollExisting\": false, \"createStageReports\": false}").expect(200);
                return new Case(api, "/journeys/j1/versions/1/restore", null, "/journeys/j1/versions/1/restore", "{}",
                        () -> journeyVersions(tenant));
            }
            default -> {
                return fail("POST " + template + " has no case here: give it a valid request and a count of what it"
                        + " does, so its Idempotency-Key is tested");
            }
        }
    }

    private static String task(String id) {
        return "{\"type\": \"create_task\", \"id\": \"" + id + "\", \"subject\": \"Call\"}";
    }

    private static String stageWorkflow() {
        return StageWorkflows.idFor("deal", "sales", "contractsent");
    }

    /** The users and lists the example journey names. */
    private static void journeySetup(Api api) {
        for (String user : List.of("ana", "bob")) {
            api.put("/users/" + user, "{\"email\": \"" + user + "@example.com\"}").expect(200);
        }
        JourneyExamples.lists().forEach(list -> api.put("/lists/" + list.id(),
                "{\"name\": \"" + list.name() + "\", \"objectType\": \"contact\", \"kind\": \"static\"}").expect(200));
    }

    private int tenants(String... ids) {
        return (int) Stream.of(ids).filter(id -> engine.ports().definitions().tenant(id).isPresent()).count();
    }

    private int records(String tenant, String type) {
        return engine.ports().records().recordsOfType(tenant, type, null, 200).items().size();
    }

    private int workflows(String tenant) {
        return engine.ports().definitions().workflows(tenant, null, 200).items().size();
    }

    private int stageActions(String tenant) {
        return engine.ports().definitions().workflow(tenant, stageWorkflow()).map(w -> w.actions().size()).orElse(0);
    }

    private int journeyVersions(String tenant) {
        return engine.ports().journeys().journeyVersions(tenant, "j1", null, 200).items().size();
    }

    /** The backfill runs an activation started, each run to its end. */
    private int backfillRuns(Api api) {
        stack.drain();
        var run = api.get("/workflows/customers/activation").expect(200).json().get("run");
        return run == null || run.isNull() ? 0 : run.asInt();
    }

    /** Events waiting for the trigger function: an activity goes to the bus and nowhere in the table. */
    private int queuedEvents() {
        String queue = stack.resources().queueUrl("TriggerQueue");
        return Integer.parseInt(stack.clients().sqs().getQueueAttributes(b -> b.queueUrl(queue)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private static <T> List<T> together(int threads, java.util.concurrent.Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
