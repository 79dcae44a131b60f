package io.crmflow.local.it;

import static io.crmflow.local.it.Journeys.draftOf;
import static io.crmflow.local.it.Journeys.journey;
import static io.crmflow.local.it.Journeys.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmflow.journey.JourneyExamples;
import io.crmflow.json.Json;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-JRN-1..7, 9, 10 and 12 through the API handler on the local stack: a journey's
 * definition, its limits and refusals, drafts, publishing and versions. How contacts travel
 * through a published journey is {@link JourneyRuntimeRequirementsTest}'s, so R-JRN-2, 5 and 7
 * are proven here only as far as the definition goes.
 */
class JourneyDefinitionRequirementsTest {

    /** One field of each element of an array (the element itself for a null field), not of what is nested. */
    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(element -> out.add((field == null ? element : element.get(field)).asText()));
        return out;
    }

    private static Api.Answer create(WorkflowScenario s, String user, String body) {
        return s.api.as(user).post("/journeys", body);
    }

    @Test
    @DisplayName("R-JRN-1 a journey is centred on an enumeration property of contacts, each stage mapped to one of its values")
    void R_JRN_1_centredOnAContactEnumeration_stagesMappedToItsValues() {
        var s = scenario();
        Api.Answer created = create(s, "ana", journey("j1"));
        created.expect(201);
        JsonNode view = created.json();
        assertThat(view.at("/journey/owner").asText()).isEqualTo("ana");
        assertThat(view.at("/draft/property").asText()).isEqualTo("lifecyclestage");
        assertThat(texts(view.at("/draft/stages"), "value"))
                .containsExactly("subscriber", "lead", "marketingqualifiedlead", "opportunity");
        assertThat(view.at("/draft/stages/0/actions/0/type").asText()).isEqualTo("send_assets");

        assertThat(create(s, "ana", journey("j2", "subscribers\", \"property\": \"lifecyclestage\"",
                "subscribers\", \"property\": \"email\"")).expect(400).pointers()).containsExactly("/property");
        Api.Answer unknownValue = create(s, "ana", journey("j2", "\"value\": \"lead\", \"actions\"",
                "\"value\": \"prospect\", \"actions\""));
        assertThat(unknownValue.expect(400).pointers()).containsExactly("/stages/1/value");
        assertThat(unknownValue.body()).contains("not an option of property 'lifecyclestage'");
        assertThat(s.api.get("/journeys").json().get("items")).as("nothing half-written").hasSize(1);
    }

    @Test
    @DisplayName("R-JRN-3 two journeys may not use the same eligibility lists and the same property")
    void R_JRN_3_sameListsAndPropertyRefused() {
        var s = scenario();
        create(s, "ana", journey("j1")).expect(201);

        Api.Answer same = create(s, "bob", journey("j2"));
        assertThat(same.expect(400).pointers()).containsExactly("/eligibilityLists");
        assertThat(same.body()).contains("journey 'j1'");
        create(s, "bob", journey("j2", "[\"newsletter\"]", "[\"newsletter\", \"webinar\"]")).expect(201);
        assertThat(create(s, "bob", journey("j3", "[\"newsletter\"]", "[\"webinar\", \"newsletter\"]")).expect(400).pointers())
                .as("lists are a set").containsExactly("/eligibilityLists");

        JsonNode j1 = s.api.get("/journeys/j1").json();
        s.api.put("/journeys/j1/draft", draftOf(j1, "[\"newsletter\"]", "[\"webinar\"]")).expect(200);
        create(s, "bob", journey("j3")).expect(201);
    }

    /** The example journey with {@code count} stages of one wait each, their values left to choose. */
    private static String withStages(String id, int count) {
        ObjectNode journey = (ObjectNode) Json.tree(journey(id));
        var stages = journey.putArray("stages");
        for (int i = 0; i < count; i++) {
            ObjectNode stage = stages.addObject().put("id", "s" + i).put("name", "S" + i);
            stage.putArray("actions").addObject().put("type", "wait").put("id", "w" + i).put("duration", "P1D");
        }
        return journey.toString();
    }

    /** A journey (or a draft) as JSON with its start stage's actions replaced by {@code count} waits. */
    private static String withStartActions(JsonNode journey, int count) {
        ObjectNode crowded = journey.deepCopy();
        var actions = ((ObjectNode) crowded.at("/stages/0")).putArray("actions");
        for (int i = 0; i < count; i++) {
            actions.addObject().put("type", "wait").put("id", "start" + i).put("duration", "P1D");
        }
        return crowded.toString();
    }

    @Test
    @DisplayName("R-JRN-4 up to 10 stages, each with 1 to 50 actions: one more refused at save with where, the limits kept")
    void R_JRN_4_stageAndActionLimits() {
        var s = scenario();
        assertThat(create(s, "ana", withStages("j1", 11)).expect(400).pointers()).containsExactly("/stages");
        ObjectNode crowded = (ObjectNode) Json.tree(withStartActions(Json.tree(journey("j1")), 51));
        ((ObjectNode) crowded.at("/stages/1")).putArray("actions");
        assertThat(create(s, "ana", crowded.toString()).expect(400).pointers())
                .containsExactly("/stages/0/actions", "/stages/1/actions");
        assertThat(s.api.get("/journeys").json().get("items")).as("nothing written").isEmpty();

        JsonNode ten = create(s, "ana", withStages("j1", 10)).expect(201).json();
        assertThat(ten.at("/draft/stages")).hasSize(10);
        ObjectNode draft = (ObjectNode) Json.tree(draftOf(ten, "{", "{"));
        JsonNode fifty = s.api.put("/journeys/j1/draft", withStartActions(draft, 50)).expect(200).json();
        assertThat(fifty.at("/draft/stages/0/actions")).hasSize(50);
    }

    @Test
    @DisplayName("R-JRN-2 (the definition; enrolling is the runtime's) one to five contact lists make contacts eligible")
    void R_JRN_2_oneToFiveEligibilityLists() {
        var s = scenario();
        List.of("l1", "l2", "l3").forEach(s::staticList);
        s.api.put("/lists/deals", "{\"name\": \"Deals\", \"objectType\": \"deal\", \"kind\": \"static\"}").expect(200);

        assertThat(create(s, "ana", journey("j1", "[\"newsletter\"]", "[]")).expect(400).pointers())
                .containsExactly("/eligibilityLists");
        assertThat(create(s, "ana", journey("j1", "[\"newsletter\"]",
                "[\"newsletter\", \"webinar\", \"l1\", \"l2\", \"l3\", \"unsubscribed\"]")).expect(400).pointers())
                .as("six").containsExactly("/eligibilityLists");
        assertThat(create(s, "ana", journey("j1", "[\"newsletter\"]", "[\"newsletter\", \"deals\", \"nope\"]"))
                .expect(400).pointers()).as("contact lists that exist").containsExactly("/eligibilityLists/1", "/eligibilityLists/2");

        JsonNode five = create(s, "ana", journey("j1", "[\"newsletter\"]",
                "[\"newsletter\", \"webinar\", \"l1\", \"l2\", \"l3\"]")).expect(201).json();
        assertThat(texts(five.at("/draft/eligibilityLists"), null)).containsExactly("newsletter", "webinar", "l1", "l2", "l3");
    }

    @Test
    @DisplayName("R-JRN-5 (the definition; running them is the runtime's) each action is checked when saved: a go-to "
            + "leads back to an earlier stage, assets have something to send within their limits")
    void R_JRN_5_actionRulesCheckedWhenSaved() {
        var s = scenario();
        assertThat(create(s, "ana", journey("j1", "\"stageId\": \"qualified\"", "\"stageId\": \"opportunity\""))
                .expect(400).pointers()).as("not an earlier stage").containsExactly("/stages/3/actions/1/stageId");
        assertThat(create(s, "ana", journey("j1", "\"stageId\": \"qualified\"", "\"stageId\": \"nowhere\""))
                .expect(400).pointers()).containsExactly("/stages/3/actions/1/stageId");

        ObjectNode nothingToSend = (ObjectNode) Json.tree(journey("j1"));
        ((ObjectNode) nothingToSend.at("/stages/0/actions/0")).remove(List.of("email", "sms", "whatsapp"));
        assertThat(create(s, "ana", nothingToSend.toString()).expect(400).pointers())
                .as("send_assets needs at least one asset").containsExactly("/stages/0/actions/0");
        assertThat(create(s, "ana", journey("j1", "\"sms\": {\"body\": \"Welcome aboard!\"}",
                "\"sms\": {\"body\": \"" + "x".repeat(1601) + "\"}")).expect(400).pointers())
                .containsExactly("/stages/0/actions/0/sms/body");
        assertThat(s.api.get("/journeys").json().get("items")).as("nothing written").isEmpty();

        JsonNode saved = create(s, "ana", journey("j1")).expect(201).json();
        assertThat(saved.at("/draft/stages/3/actions/1/type").asText()).isEqualTo("go_to_stage");
        assertThat(saved.at("/draft/stages/3/actions/1/stageId").asText()).isEqualTo("qualified");
    }

    @Test
    @DisplayName("R-JRN-7 (the definition; leaving is the runtime's) unenrollment options are saved and read back; "
            + "suppression lists must be contact lists that exist")
    void R_JRN_7_unenrollmentOptionsSavedAndReadBack() {
        var s = scenario();
        s.api.put("/lists/deals", "{\"name\": \"Deals\", \"objectType\": \"deal\", \"kind\": \"static\"}").expect(200);
        assertThat(create(s, "ana", journey("j1", "\"suppressionLists\": [\"unsubscribed\"]",
                "\"suppressionLists\": [\"unsubscribed\", \"deals\", \"nope\"]")).expect(400).pointers())
                .containsExactly("/unenrollment/suppressionLists/1", "/unenrollment/suppressionLists/2");

        JsonNode created = create(s, "ana", journey("j1")).expect(201).json();
        assertThat(created.at("/draft/unenrollment/suppressionLists/0").asText()).isEqualTo("unsubscribed");
        assertThat(created.at("/draft/unenrollment/whenRemovedFromEligibilityLists").asBoolean()).isFalse();
        assertThat(created.at("/draft/unenrollment/whenEndMatchedEarly").asBoolean()).isTrue();

        s.api.put("/journeys/j1/draft", draftOf(created, "\"whenRemovedFromEligibilityLists\":false",
                "\"whenRemovedFromEligibilityLists\":true").replace("\"whenEndMatchedEarly\":true",
                "\"whenEndMatchedEarly\":false")).expect(200);
        JsonNode read = s.api.get("/journeys/j1").expect(200).json().at("/draft/unenrollment");
        assertThat(read.get("whenRemovedFromEligibilityLists").asBoolean()).isTrue();
        assertThat(read.get("whenEndMatchedEarly").asBoolean()).isFalse();
        assertThat(read.at("/suppressionLists/0").asText()).isEqualTo("unsubscribed");
    }

    @Test
    @DisplayName("R-JRN-6 exactly one goal end, any number of unsuccessful ones, each its own value, lists static")
    void R_JRN_6_endsRefusedWhenWrong() {
        var s = scenario();
        assertThat(create(s, "ana", journey("j1", "\"kind\": \"unsuccessful\"", "\"kind\": \"goal\"")).expect(400).pointers())
                .containsExactly("/ends");
        assertThat(create(s, "ana", journey("j1", "\"kind\": \"goal\"", "\"kind\": \"unsuccessful\"")).expect(400).pointers())
                .containsExactly("/ends");
        assertThat(create(s, "ana", journey("j1", "\"kind\": \"unsuccessful\", \"value\": \"other\"",
                "\"kind\": \"unsuccessful\", \"value\": \"lead\"")).expect(400).pointers()).containsExactly("/ends/1/value");
        assertThat(create(s, "ana", journey("j1", "\"addToList\": \"customers\"", "\"addToList\": \"nope\"")).expect(400).pointers())
                .containsExactly("/ends/0/addToList");
        Api.Answer twoUnsuccessful = create(s, "ana", journey("j1", "\"kind\": \"unsuccessful\", \"value\": \"other\"}",
                "\"kind\": \"unsuccessful\", \"value\": \"other\"},"
                        + " {\"id\": \"gone\", \"name\": \"Gone\", \"kind\": \"unsuccessful\", \"value\": \"evangelist\","
                        + " \"addToList\": \"unsubscribed\"}"));
        twoUnsuccessful.expect(201);
        assertThat(texts(twoUnsuccessful.json().at("/draft/ends"), "kind"))
                .containsExactly("goal", "unsuccessful", "unsuccessful");
    }

    @Test
    @DisplayName("R-JRN-9 a user owns at most 10 journeys; creating one names its owner")
    void R_JRN_9_atMostTenJourneysPerUser() {
        var s = scenario();
        for (int i = 0; i < 11; i++) {
            s.staticList("l" + i);
        }
        for (int i = 0; i < 10; i++) {
            create(s, "ana", journey("j" + i, "[\"newsletter\"]", "[\"l" + i + "\"]")).expect(201);
        }
        Api.Answer eleventh = create(s, "ana", journey("j10", "[\"newsletter\"]", "[\"l10\"]"));
        assertThat(eleventh.expect(400).pointers()).containsExactly("/headers/x-crmflow-user");
        assertThat(eleventh.body()).contains("already owns 10 journeys");
        assertThat(s.api.post("/journeys", journey("j10", "[\"newsletter\"]", "[\"l10\"]")).expect(400).pointers())
                .containsExactly("/headers/x-crmflow-user");
        assertThat(create(s, "zoe", journey("j10", "[\"newsletter\"]", "[\"l10\"]")).expect(400).pointers())
                .containsExactly("/headers/x-crmflow-user");
        create(s, "bob", journey("j10", "[\"newsletter\"]", "[\"l10\"]")).expect(201);
    }

    @Test
    @DisplayName("R-JRN-10 editing a published journey changes only its draft until published; publishing records its answers")
    void R_JRN_10_draftVersusPublished_answersRecorded() {
        var s = scenario();
        create(s, "ana", journey("j1")).expect(201);
        assertThat(s.api.get("/journeys/j1").json().has("published")).as("a draft until published").isFalse();
        assertThat(s.api.post("/journeys/j1/publish", "{\"enrollExisting\": true}").expect(400).pointers())
                .containsExactly("/createStageReports");
        s.api.as("ana").post("/journeys/j1/publish",
                "{\"enrollExisting\": true, \"createStageReports\": false, \"draftVersion\": 1}").expect(200);

        JsonNode live = s.api.get("/journeys/j1").json();
        assertThat(live.at("/journey/publishedVersion").asLong()).isEqualTo(2);
        assertThat(live.at("/journey/lastPublication/enrollExisting").asBoolean()).isTrue();
        assertThat(live.at("/journey/lastPublication/createStageReports").asBoolean()).isFalse();
        assertThat(live.at("/journey/lastPublication/by").asText()).isEqualTo("ana");
        assertThat(live.get("unpublishedChanges").asBoolean()).isFalse();

        s.api.as("bob").put("/journeys/j1/draft", draftOf(live, "\"name\":\"Lead\"", "\"name\":\"Warm lead\"")).expect(200);
        JsonNode edited = s.api.get("/journeys/j1").json();
        assertThat(edited.at("/draft/stages/1/name").asText()).isEqualTo("Warm lead");
        assertThat(edited.at("/published/stages/1/name").asText()).as("nothing live changed").isEqualTo("Lead");
        assertThat(edited.at("/journey/publishedVersion").asLong()).isEqualTo(2);
        assertThat(edited.get("unpublishedChanges").asBoolean()).isTrue();
        Api.Answer stale = s.api.put("/journeys/j1/draft", draftOf(live, "\"name\":\"Lead\"", "\"name\":\"Cold lead\""));
        assertThat(stale.status()).as("saved from version 2 after version 3: %s", stale.body()).isEqualTo(409);
        assertThat(s.api.post("/journeys/j1/publish", "{\"enrollExisting\": false, \"createStageReports\": true,"
                + " \"draftVersion\": 2}").status()).as("not what was reviewed").isEqualTo(409);
        assertThat(s.api.get("/journeys/j1").json().at("/published/stages/1/name").asText()).isEqualTo("Lead");

        s.api.post("/journeys/j1/publish", "{\"enrollExisting\": false, \"createStageReports\": true}").expect(200);
        JsonNode republished = s.api.get("/journeys/j1").json();
        assertThat(republished.at("/published/stages/1/name").asText()).isEqualTo("Warm lead");
        assertThat(republished.at("/journey/lastPublication/createStageReports").asBoolean()).isTrue();
        assertThat(republished.at("/journey/lastPublication/by").isMissingNode()).as("the API, naming nobody").isTrue();
    }

    @Test
    @DisplayName("R-JRN-12 versions by date with what changed; a version viewed; one restored as the draft; a stage's history")
    void R_JRN_12_versionHistory_view_restore_stageHistory() {
        var s = scenario();
        create(s, "ana", journey("j1")).expect(201);
        s.api.post("/journeys/j1/publish", "{\"enrollExisting\": false, \"createStageReports\": false}").expect(200);
        SharedStack.CLOCK.advance(java.time.Duration.ofMinutes(5));
        JsonNode v2 = s.api.get("/journeys/j1").json();
        s.api.as("bob").put("/journeys/j1/draft", draftOf(v2, "\"value\":\"lead\"", "\"value\":\"salesqualifiedlead\"")
                .replace("\"duration\":\"PT48H\"", "\"duration\":\"PT72H\"")).expect(200);

        JsonNode history = s.api.get("/journeys/j1/versions").json().get("items");
        assertThat(texts(history, "number")).containsExactly("3", "2", "1");
        assertThat(texts(history, "kind")).containsExactly("saved", "published", "created");
        assertThat(history.get(0).get("by").asText()).isEqualTo("bob");
        assertThat(java.time.Instant.parse(history.get(0).get("at").asText()))
                .isAfter(java.time.Instant.parse(history.get(2).get("at").asText()));
        assertThat(Json.write(history.get(0).get("changes"))).contains(
                "{\"kind\":\"stage_remapped\",\"stage\":\"lead\",\"from\":\"lead\",\"to\":\"salesqualifiedlead\"}",
                "{\"kind\":\"action_changed\",\"stage\":\"subscribed\",\"action\":\"pause\"}");

        JsonNode first = s.api.get("/journeys/j1/versions/1").json();
        assertThat(first.at("/version/kind").asText()).isEqualTo("created");
        assertThat(first.at("/definition/stages/1/value").asText()).isEqualTo("lead");
        assertThat(s.api.get("/journeys/j1/versions/9").status()).isEqualTo(404);
        assertThat(s.api.get("/journeys/j1/versions/first").expect(400).pointers()).containsExactly("/path/n");

        JsonNode restored = s.api.as("ana").post("/journeys/j1/versions/1/restore", null).json();
        assertThat(restored.at("/draft/stages/1/value").asText()).isEqualTo("lead");
        assertThat(restored.at("/journey/version").asLong()).isEqualTo(4);
        assertThat(restored.at("/journey/publishedVersion").asLong()).as("still to be published").isEqualTo(2);
        JsonNode restore = s.api.get("/journeys/j1/versions?limit=1").json().at("/items/0");
        assertThat(restore.get("kind").asText()).isEqualTo("restored");
        assertThat(restore.get("restoredFrom").asLong()).isEqualTo(1);

        JsonNode lead = s.api.get("/journeys/j1/stages/lead/versions").json().get("items");
        assertThat(texts(lead, "number")).containsExactly("4", "3", "1");
        assertThat(lead.get(1).at("/changes/0/kind").asText()).isEqualTo("stage_remapped");
        assertThat(texts(s.api.get("/journeys/j1/stages/qualified/versions").json().get("items"), "number"))
                .containsExactly("1");
        assertThat(s.api.get("/journeys/j1/stages/nope/versions").status()).isEqualTo(404);
    }
}
