package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.local.LocalStack;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Bad input through the real API function, as API Gateway would hand it over: every refusal
 * is a 4xx problem document that says what is wrong and where, and a refused write leaves no
 * record, no event and no enrollment behind.
 */
@DisplayName("R-RUN-6, R-OBJ-2: bad API input gets a 4xx saying what and where, and nothing is half-written")
class ApiBadInputTest {
    private static final String PROBLEM = "application/problem+json";

    private final LocalStack stack = SharedStack.get();
    private final String tenant = SharedStack.uniqueTenant();

    /** A custom type with one property of each kind a wrong value can be refused for. */
    private static final String SUBSCRIPTION = """
            {"properties": [
              {"name": "name", "type": "string"},
              {"name": "seats", "type": "number"},
              {"name": "active", "type": "bool"},
              {"name": "plan", "type": "enumeration", "options": ["basic", "gold"]}]}""";

    /** Enrolls every subscription named Acme; no actions, so an enrollment completes at once. */
    private static final String ACME_SUBSCRIPTIONS = """
            {"name": "Acme subscriptions", "objectType": "subscription",
             "trigger": {"criteria": {"groups": [{"conditions": [
                 {"type": "property", "property": "name", "operator": "eq", "values": ["Acme"]}]}]}},
             "actions": []}""";

    private static void assertProblem(Api.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo(PROBLEM);
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
    }

    @Test
    void createRecord_malformedJson_is400WithPointerAndNothingWritten() {
        Api api = Api.forNewTenant(stack, tenant);

        Api.Answer answer = api.post("/records/contact", "{\"id\": \"c-1\", \"properties\": {");

        assertProblem(answer, 400);
        // The parser stopped inside the properties object: that is where the body went wrong.
        assertThat(answer.pointers()).containsExactly("/properties");
        assertThat(answer.json().at("/errors/0/detail").asText()).contains("end-of-input");
        assertThat(api.get("/records/contact/c-1").status()).isEqualTo(404);
    }

    @Test
    void createRecord_unknownFieldInBody_is400NamingTheField() {
        Api api = Api.forNewTenant(stack, tenant);

        Api.Answer answer = api.post("/records/contact", "{\"id\": \"c-1\", \"propertys\": {\"firstname\": \"Ada\"}}");

        assertProblem(answer, 400);
        assertThat(answer.pointers()).containsExactly("/propertys");
        assertThat(answer.json().at("/errors/0/detail").asText()).contains("propertys")
                .contains("expected one of [associations, id, properties]").doesNotContain("class", "io.crmflow");
        assertThat(api.get("/records/contact/c-1").status()).isEqualTo(404);
    }

    @Test
    void anyRoute_bodyIsJsonNull_is400NotA500() {
        Api api = Api.forNewTenant(stack, tenant);
        assertProblem(api.post("/records/contact", "null"), 400);
        assertProblem(new Api(stack, tenant + "-new").post("/tenants", "null"), 400);
        assertProblem(api.put("/workflows/w", "null"), 400);
    }

    @Test
    void saveWorkflow_actionsWithoutIdOrProperty_andNullAction_are400WithPointers() {
        Api api = Api.forNewTenant(stack, tenant);
        Api.Answer noId = api.put("/workflows/w", """
                {"objectType": "contact", "firstActionId": "a",
                 "actions": [{"type": "set_property", "property": "jobtitle", "value": "x"},
                             {"type": "set_property", "id": "b", "value": "x"}]}""");
        assertProblem(noId, 400);
        assertThat(noId.pointers()).contains("/actions/0/id", "/actions/1/property");

        Api.Answer nullAction = api.put("/workflows/w", "{\"objectType\": \"contact\", \"actions\": [null]}");
        assertProblem(nullAction, 400);
        assertThat(api.get("/workflows/w").status()).isEqualTo(404);
    }

    @Test
    void saveWorkflow_changingItsObjectType_is400AtObjectType() {
        Api api = Api.forNewTenant(stack, tenant);
        assertThat(api.put("/workflows/w", "{\"objectType\": \"contact\"}").status()).isEqualTo(200);

        Api.Answer answer = api.put("/workflows/w", "{\"objectType\": \"deal\"}");

        assertProblem(answer, 400);
        assertThat(answer.pointers()).containsExactly("/objectType");
        assertThat(api.get("/workflows/w").json().get("objectType").asText()).isEqualTo("contact");
    }

    @Test
    void anyRoute_unknownTenant_is404() {
        Api nobody = new Api(stack, tenant);

        assertProblem(nobody.get("/workflows"), 404);
        Api.Answer create = nobody.post("/records/contact", "{\"id\": \"c-1\", \"properties\": {}}");
        assertProblem(create, 404);
        assertThat(create.json().get("detail").asText()).contains("tenant '" + tenant + "' does not exist");
    }

    @Test
    void createRecord_unknownObjectType_is404() {
        Api api = Api.forNewTenant(stack, tenant);

        Api.Answer answer = api.post("/records/spaceship", "{\"id\": \"s-1\", \"properties\": {}}");

        assertProblem(answer, 404);
        assertThat(answer.json().get("detail").asText()).contains("object type 'spaceship' does not exist");
    }

    @Test
    void createRecord_propertiesOfWrongType_is400WithEveryPointerAndNothingWritten() {
        Api api = Api.forNewTenant(stack, tenant);
        assertThat(api.put("/object-types/subscription", SUBSCRIPTION).status()).isEqualTo(200);
        assertThat(api.put("/workflows/acme", ACME_SUBSCRIPTIONS).status()).isEqualTo(200);

        Api.Answer answer = api.post("/records/subscription", """
                {"id": "s-1", "properties": {"name": "Acme", "seats": "abc", "active": "maybe",
                 "plan": "platinum", "colour": "red"}}""");
        stack.drain();

        assertProblem(answer, 400);
        assertThat(answer.pointers()).containsExactly(
                "/properties/active", "/properties/colour", "/properties/plan", "/properties/seats");
        assertThat(answer.json().get("errors").toString())
                .contains("'abc' is not a valid number", "'maybe' is not a valid bool",
                        "'platinum' is not one of [basic, gold]", "property 'colour' does not exist");
        assertThat(api.get("/records/subscription/s-1").status()).isEqualTo(404);
        assertThat(api.get("/enrollments/acme~subscription~s-1").status())
                .as("no event of the refused write reached the trigger handler").isEqualTo(404);

        // The same record with valid values is enrolled, so the refused one would have been.
        assertThat(api.post("/records/subscription", """
                {"id": "s-2", "properties": {"name": "Acme", "seats": "12", "active": "true", "plan": "gold"}}""")
                .status()).isEqualTo(201);
        stack.drain();
        assertThat(api.get("/enrollments/acme~subscription~s-2").status()).isEqualTo(200);
    }

    @Test
    void updateRecord_propertiesOfWrongType_is400WithEveryPointerAndRecordUnchanged() {
        Api api = Api.forNewTenant(stack, tenant);
        assertThat(api.post("/records/contact", "{\"id\": \"c-1\", \"properties\": {\"lifecyclestage\": \"lead\"}}")
                .status()).isEqualTo(201);
        long version = api.get("/records/contact/c-1").json().get("version").asLong();

        Api.Answer answer = api.patch("/records/contact/c-1", """
                {"properties": {"firstname": "Ada", "lifecyclestage": "vip", "hs_marketable_status": "maybe"}}""");

        assertProblem(answer, 400);
        assertThat(answer.pointers()).containsExactly("/properties/hs_marketable_status", "/properties/lifecyclestage");
        JsonNode record = api.get("/records/contact/c-1").json();
        assertThat(record.get("version").asLong()).isEqualTo(version);
        assertThat(record.at("/properties/lifecyclestage").asText()).isEqualTo("lead");
        assertThat(record.at("/properties/firstname").isMissingNode()).as("the valid part was not written either").isTrue();
    }

    @Test
    void saveWorkflow_invalidDefinition_is400WithEveryPointerAndNothingSaved() {
        Api api = Api.forNewTenant(stack, tenant);

        Api.Answer answer = api.put("/workflows/broken", """
                {"name": "Broken", "objectType": "contact",
                 "trigger": {"criteria": {"groups": [{"conditions": [
                     {"type": "property", "property": "favouritecolour", "operator": "eq", "values": ["red"]}]}]}},
                 "firstActionId": "set",
                 "actions": [
                   {"type": "set_property", "id": "set", "property": "jobtitle", "value": "Customer", "next": "wait"},
                   {"type": "delay", "id": "wait", "duration": "PT0S", "next": "nowhere"}]}""");

        assertProblem(answer, 400);
        assertThat(answer.pointers()).containsExactlyInAnyOrder(
                "/trigger/criteria/groups/0/conditions/0/property", "/actions/1/duration", "/actions/1/next");
        assertThat(answer.json().get("errors").toString())
                .contains("favouritecolour", "longer than zero", "there is no action 'nowhere'");
        assertThat(api.get("/workflows/broken").status()).isEqualTo(404);
    }

    @Test
    void createRecord_duplicateId_is409AndTheFirstIsKept() {
        Api api = Api.forNewTenant(stack, tenant);
        assertThat(api.post("/records/contact", "{\"id\": \"c-1\", \"properties\": {\"firstname\": \"Ada\"}}")
                .status()).isEqualTo(201);

        Api.Answer again = api.post("/records/contact", "{\"id\": \"c-1\", \"properties\": {\"firstname\": \"Grace\"}}");

        assertProblem(again, 409);
        assertThat(again.json().get("detail").asText()).contains("contact 'c-1' already exists");
        assertThat(api.get("/records/contact/c-1").json().at("/properties/firstname").asText()).isEqualTo("Ada");
    }

    @Test
    void unknownRoute_is404_andWrongMethod_is405() {
        Api api = Api.forNewTenant(stack, tenant);

        assertProblem(api.get("/no/such/route"), 404);
        Api.Answer wrongMethod = api.delete("/records/contact/c-1");
        assertProblem(wrongMethod, 405);
        assertThat(wrongMethod.json().get("detail").asText()).contains("DELETE");
    }

    @Test
    void listWorkflows_limitOutOfRange_is400PointingAtLimit() {
        Api api = Api.forNewTenant(stack, tenant);

        for (String limit : List.of("0", "201", "ten")) {
            Api.Answer answer = api.get("/workflows?limit=" + limit);
            assertProblem(answer, 400);
            assertThat(answer.pointers()).as("limit=%s", limit).containsExactly("/query/limit");
        }
        assertThat(api.get("/workflows?limit=1").status()).isEqualTo(200);
    }

    @Test
    void switchingAWorkflow_withoutEnabled_is400AtEnabled_andLeavesItOn() {
        Api api = Api.forNewTenant(stack, tenant);
        assertThat(api.put("/workflows/w", "{\"objectType\": \"contact\"}").status()).isEqualTo(200);

        Api.Answer answer = api.patch("/workflows/w", "{}");

        assertProblem(answer, 400);
        assertThat(answer.pointers()).containsExactly("/enabled");
        assertThat(api.get("/workflows/w").json().get("enabled").asBoolean()).isTrue();
        assertThat(api.patch("/workflows/w", "{\"enabled\": false}").status()).isEqualTo(200);
        assertThat(api.get("/workflows/w").json().get("enabled").asBoolean()).isFalse();
    }

    @Test
    void switchingAStageWorkflow_withoutEnabled_is400AtEnabled_andLeavesItOn() {
        Api api = Api.forNewTenant(stack, tenant);
        String stage = "/pipelines/deal/sales/stages/won";
        assertThat(api.put("/pipelines/deal/sales", "{\"stages\": [{\"id\": \"won\", \"label\": \"Won\","
                + " \"open\": false}]}").status()).isEqualTo(200);
        assertThat(api.put(stage + "/actions", "{\"actions\": [{\"type\": \"create_task\", \"id\": \"t\","
                + " \"subject\": \"Call\"}]}").status()).isEqualTo(200);

        Api.Answer answer = api.patch(stage, "{}");

        assertProblem(answer, 400);
        assertThat(answer.pointers()).containsExactly("/enabled");
        assertThat(api.get("/workflows/stage:deal:sales:won").json().get("enabled").asBoolean()).isTrue();
    }

    @Test
    void stageActions_withANullAction_is400AtItsIndex_notA500_andNothingSaved() {
        Api api = Api.forNewTenant(stack, tenant);
        assertThat(api.put("/pipelines/deal/sales", "{\"stages\": [{\"id\": \"won\", \"label\": \"Won\","
                + " \"open\": false}]}").status()).isEqualTo(200);

        Api.Answer answer = api.put("/pipelines/deal/sales/stages/won/actions", "{\"actions\": [null]}");

        assertProblem(answer, 400);
        assertThat(answer.pointers()).containsExactly("/actions/0");
        assertThat(api.get("/workflows/stage:deal:sales:won").status()).isEqualTo(404);
    }

    @Test
    void createRecord_associatedWithARecordThatDoesNotExist_orWithTooMany_is400AndNothingWritten() {
        Api api = Api.forNewTenant(stack, tenant);
        assertThat(api.post("/records/contact", "{\"id\": \"ada\"}").status()).isEqualTo(201);

        Api.Answer missing = api.post("/records/ticket", """
                {"id": "t1", "associations": [{"objectType": "contact", "id": "ada"}, null,
                                              {"objectType": "contact", "id": "nobody"}]}""");
        String many = java.util.stream.IntStream.range(0, 41)
                .mapToObj(i -> "{\"objectType\": \"contact\", \"id\": \"c" + i + "\"}")
                .collect(java.util.stream.Collectors.joining(", ", "{\"id\": \"t1\", \"associations\": [", "]}"));
        Api.Answer tooMany = api.post("/records/ticket", many);

        assertProblem(missing, 400);
        assertThat(missing.pointers()).containsExactly("/associations/1", "/associations/2");
        assertThat(missing.body()).contains("contact 'nobody' does not exist");
        assertProblem(tooMany, 400);
        assertThat(tooMany.pointers()).containsExactly("/associations");
        assertThat(api.get("/records/ticket/t1").status()).isEqualTo(404);
        assertThat(api.get("/records/contact/ada/associations").json().get("items")).isEmpty();
    }
}
