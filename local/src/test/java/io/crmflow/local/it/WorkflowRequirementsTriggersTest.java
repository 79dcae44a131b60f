package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.Origin;
import io.crmflow.model.PropertyChange;
import io.crmflow.model.RecordRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-WF-1..3 through the API and the real handlers: what a workflow is based on, and who enters it when. */
class WorkflowRequirementsTriggersTest {
    /** Customers wait a day; the name and whether they may re-enroll vary. */
    private static final String CUSTOMERS = """
            {"name": "%s", "objectType": "contact",
             "trigger": {"reenroll": %s, "criteria": {"groups": [{"conditions": [
               {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["customer"]}]}]}},
             "firstActionId": "wait", "actions": [{"type": "delay", "id": "wait", "duration": "P1D"}]}""";

    @Test
    @DisplayName("R-WF-1 a workflow is based on one object type, built-in or custom, enrolls records of that type only, "
            + "and is made from scratch or from a template")
    void R_WF_1_aWorkflowIsBasedOnOneObjectType() {
        var s = new WorkflowScenario();
        assertThat(s.api.put("/object-types/pet", """
                {"properties": [{"name": "species", "type": "string"}, {"name": "status", "type": "string"}]}""")
                .status()).isEqualTo(200);
        // Created from scratch without an id: the API names it.
        Api.Answer created = s.api.post("/workflows", """
                {"name": "Cats get adopted", "objectType": "pet",
                 "trigger": {"criteria": {"groups": [{"conditions": [
                   {"type": "property", "property": "species", "operator": "eq", "values": ["cat"]}]}]}},
                 "firstActionId": "adopt",
                 "actions": [{"type": "set_property", "id": "adopt", "property": "status", "value": "adopted"}]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String pets = created.json().get("id").asText();
        s.save("big-deals", """
                {"name": "Big deals", "objectType": "deal",
                 "trigger": {"criteria": {"groups": [{"conditions": [
                   {"type": "property", "property": "amount", "operator": "gt", "values": ["1000"]}]}]}},
                 "firstActionId": "flag",
                 "actions": [{"type": "set_property", "id": "flag", "property": "dealtype", "value": "big"}]}""");

        s.record("pet", "tom", Map.of("species", "cat"));
        s.record("pet", "rex", Map.of("species", "dog"));
        s.record("deal", "d-1", Map.of("amount", "5000"));
        s.record("deal", "d-2", Map.of("amount", "10"));
        s.stack.drain();

        assertThat(s.property("pet", "tom", "status")).isEqualTo("adopted");
        assertThat(s.property("pet", "rex", "status")).isEmpty();
        assertThat(s.property("deal", "d-1", "dealtype")).isEqualTo("big");
        assertThat(s.property("deal", "d-2", "dealtype")).isEmpty();
        assertThat(s.api.get("/enrollments/" + pets + "~pet~tom").json().get("status").asText()).isEqualTo("COMPLETED");
        // A contact is not a deal: the deal workflow neither takes one by hand nor reads contact properties.
        s.contact("ada", Map.of());
        assertThat(s.api.post("/workflows/big-deals/enrollments", "{\"objectType\":\"contact\",\"id\":\"ada\"}").status())
                .isEqualTo(400);
        Api.Answer wrongProperty = s.api.put("/workflows/deal-by-stage", """
                {"name": "Deals by contact stage", "objectType": "deal",
                 "trigger": {"criteria": {"groups": [{"conditions": [
                   {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["lead"]}]}]}},
                 "actions": []}""");
        assertThat(wrongProperty.status()).isEqualTo(400);
        assertThat(wrongProperty.body()).contains("/trigger/criteria/groups/0/conditions/0");
        Api.Answer noSuchType = s.api.put("/workflows/quokkas", "{\"name\":\"Quokkas\",\"objectType\":\"quokka\",\"actions\":[]}");
        assertThat(noSuchType.status()).isEqualTo(400);
        assertThat(noSuchType.body()).contains("/objectType");

        // From a template: made switched off, for a person to review, then switched on.
        assertThat(s.api.get("/workflow-templates").json().get("items").toString()).contains("\"deal-won-follow-up\"");
        Api.Answer fromTemplate = s.api.post("/workflow-templates/deal-won-follow-up/workflows", "{\"id\": \"won\"}");
        assertThat(fromTemplate.status()).as(fromTemplate.body()).isEqualTo(201);
        assertThat(fromTemplate.json().get("objectType").asText()).isEqualTo("deal");
        assertThat(fromTemplate.json().get("enabled").asBoolean()).isFalse();
        assertThat(s.api.patch("/workflows/won", "{\"enabled\": true}").status()).isEqualTo(200);
        s.update("deal", "d-2", Map.of("dealstage", "closedwon"));
        assertThat(s.property("deal", "d-2", "dealtype")).isEqualTo("onboarding");
        assertThat(s.api.get("/enrollments/won~deal~d-2").json().get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    @DisplayName("R-WF-2 filter-based, event-based and manual enrollment (criteria are an OR of AND-groups, R-FLT-1)")
    void R_WF_2_filterEventAndManualTriggers() {
        var s = new WorkflowScenario();
        s.staticList("vip");
        s.save("criteria", """
                {"name": "Customers, or CEOs with a phone", "objectType": "contact",
                 "trigger": {"criteria": {"groups": [
                   {"conditions": [{"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["customer"]}]},
                   {"conditions": [{"type": "property", "property": "jobtitle", "operator": "contains", "values": ["CEO"]},
                                   {"type": "property", "property": "phone", "operator": "is_known"}]}]}},
                 "actions": []}""");
        s.save("upgraded", """
                {"name": "Lead became opportunity", "objectType": "contact",
                 "trigger": {"events": [{"type": "property_changed", "property": "lifecyclestage",
                                         "to": ["opportunity"], "from": ["lead"]}]},
                 "firstActionId": "note",
                 "actions": [{"type": "set_property", "id": "note", "property": "lastname", "value": "Upgraded"}]}""");
        s.save("after-upgrade", """
                {"name": "After the upgrade workflow", "objectType": "contact",
                 "trigger": {"events": [{"type": "completed_workflow", "workflowId": "upgraded"}]}, "actions": []}""");
        s.save("demo-form", """
                {"name": "Asked for a demo", "objectType": "contact",
                 "trigger": {"events": [{"type": "activity", "activity": "form_submitted", "attributes": {"form": "demo"}}]},
                 "actions": []}""");
        s.save("vip-joined", """
                {"name": "Joined VIP", "objectType": "contact",
                 "trigger": {"events": [{"type": "list_joined", "listId": "vip"}]}, "actions": []}""");
        s.save("vip-left", """
                {"name": "Left VIP", "objectType": "contact",
                 "trigger": {"events": [{"type": "list_left", "listId": "vip"}]}, "actions": []}""");
        s.save("new", """
                {"name": "New subscribers", "objectType": "contact",
                 "trigger": {"events": [{"type": "record_created"}], "criteria": {"groups": [{"conditions": [
                   {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["subscriber"]}]}]}},
                 "actions": []}""");
        s.save("by-hand", "{\"name\": \"Hand-picked\", \"objectType\": \"contact\", \"actions\": []}");

        s.contact("cust", Map.of("lifecyclestage", "customer"));
        s.contact("ceo", Map.of("jobtitle", "CEO", "phone", "+33 1 23"));
        s.contact("ceo-no-phone", Map.of("jobtitle", "CEO"));
        s.contact("ada", Map.of("lifecyclestage", "subscriber"));
        assertThat(s.status("criteria", "cust")).isEqualTo("COMPLETED");
        assertThat(s.status("criteria", "ceo")).isEqualTo("COMPLETED");
        assertThat(s.status("criteria", "ceo-no-phone")).isEqualTo("NOT ENROLLED");
        assertThat(s.status("new", "ada")).isEqualTo("COMPLETED");
        assertThat(s.status("new", "cust")).as("criteria refine an event trigger").isEqualTo("NOT ENROLLED");
        assertThat(s.historyText("new", "ada")).contains("the trigger event happened: crm.record.created");

        s.stage("ada", "opportunity"); // from subscriber: not the change the trigger names
        s.stage("ada", "lead");
        assertThat(s.status("upgraded", "ada")).isEqualTo("NOT ENROLLED");
        s.stage("ada", "opportunity");
        assertThat(s.status("upgraded", "ada")).isEqualTo("COMPLETED");
        assertThat(s.status("after-upgrade", "ada")).isEqualTo("COMPLETED");

        s.activity("ada", "form_submitted", Map.of("form", "newsletter"));
        assertThat(s.status("demo-form", "ada")).isEqualTo("NOT ENROLLED");
        s.activity("ada", "form_submitted", Map.of("form", "demo"));
        assertThat(s.status("demo-form", "ada")).isEqualTo("COMPLETED");

        s.join("vip", "ada");
        assertThat(s.status("vip-joined", "ada")).isEqualTo("COMPLETED");
        assertThat(s.status("vip-left", "ada")).isEqualTo("NOT ENROLLED");
        s.leave("vip", "ada");
        assertThat(s.status("vip-left", "ada")).isEqualTo("COMPLETED");

        assertThat(s.status("by-hand", "ada")).as("no trigger: nobody enters alone").isEqualTo("NOT ENROLLED");
        s.enroll("by-hand", "ada");
        assertThat(s.status("by-hand", "ada")).isEqualTo("COMPLETED");
        assertThat(s.historyText("by-hand", "ada")).contains("enrolled by hand through the API");
    }

    @Test
    @DisplayName("R-WF-3 enrolled only the first time by default; re-enrollment opt-in, on newly meeting the criteria; "
            + "never two live enrollments")
    void R_WF_3_onceByDefault_reenrollmentOptIn_neverTwiceAtOnce() {
        var s = new WorkflowScenario();
        s.save("once", CUSTOMERS.formatted("Once", false));
        s.save("again", CUSTOMERS.formatted("Every time", true));

        s.contact("ada", Map.of("lifecyclestage", "lead"));
        s.stage("ada", "customer");
        s.stage("ada", "lead");
        s.stage("ada", "customer"); // newly met again, while the first enrollments still wait
        assertThat(s.enrollmentCount("again")).as("never a second live enrollment").isEqualTo(1);

        s.advance(Duration.ofDays(1));
        assertThat(s.status("again", "ada")).isEqualTo("COMPLETED");
        s.update("ada", Map.of("firstname", "Ada"));
        assertThat(s.enrollmentCount("again")).as("still meeting the criteria is not newly meeting them").isEqualTo(1);
        s.stage("ada", "lead");
        s.stage("ada", "customer");
        assertThat(s.enrollmentCount("once")).isEqualTo(1);
        assertThat(s.enrollmentCount("again")).isEqualTo(2);
        assertThat(s.api.get("/enrollments/again~contact~ada~2").json().get("status").asText()).isEqualTo("WAITING");
    }

    @Test
    @DisplayName("R-WF-3 two events about one record reaching two trigger handlers at once enroll it once, "
            + "and re-enroll it once")
    void R_WF_3_twoEventsAtOnceOnTwoHandlers_enrollOnce() throws Exception {
        Assumptions.assumeTrue(SharedStack.embedded(),
                "the endpoint's conditional writes are not atomic under concurrent requests (moto's are not)");
        var s = new WorkflowScenario();
        s.contact("bob", Map.of("lifecyclestage", "customer"));
        // Saved after bob's own event was handled, so only the two events below can enroll him.
        s.save("race", CUSTOMERS.formatted("Race", true));
        RecordRef bob = new RecordRef("contact", "bob");
        s.raceTriggerHandlers(i -> new CrmEvent.RecordCreated("race-" + i + "-" + s.tenant, s.tenant, bob, s.now(),
                Origin.api()));
        assertThat(enrollmentIds(s, "race")).containsExactly("race~contact~bob");

        s.advance(Duration.ofDays(1)); // the first enrollment ends, so bob may enter again
        s.raceTriggerHandlers(i -> new CrmEvent.PropertiesChanged("again-" + i + "-" + s.tenant, s.tenant, bob, s.now(),
                Origin.api(), List.of(new PropertyChange("lifecyclestage", "lead", "customer"))));
        assertThat(enrollmentIds(s, "race")).containsExactlyInAnyOrder("race~contact~bob", "race~contact~bob~2");
        assertThat(s.details("race").at("/counts/enrolled").asLong()).isEqualTo(2);
    }

    private static List<String> enrollmentIds(WorkflowScenario s, String workflowId) {
        JsonNode items = s.api.get("/workflows/" + workflowId + "/enrollments").json().get("items");
        return StreamSupport.stream(items.spliterator(), false).map(e -> e.get("id").asText()).toList();
    }
}
