package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmflow.journey.JourneyExamples;
import io.crmflow.json.Json;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-JRN-1, 3, 4, 6, 9, 10 and 12 through the API handler on the local stack: a journey's
 * definition, its limits and refusals, drafts, publishing and versions. Contacts do not travel
 * through journeys yet; that is the runtime's part.
 */
class JourneyDefinitionRequirementsTest {

    /** A tenant with the users and lists the example journey names. */
    private static WorkflowScenario scenario() {
        var s = new WorkflowScenario();
        for (String user : List.of("ana", "bob")) {
            s.api.put("/users/" + user, "{\"email\": \"" + s.email(user) + "\"}").expect(200);
        }
        JourneyExamples.lists().forEach(list -> s.staticList(list.id()));
        return s;
    }

    /** The example journey with one piece of its JSON replaced. */
    private static String journey(String id, String from, String to) {
        assertThat(JourneyExamples.NURTURE).contains(from);
        return JourneyExamples.NURTURE.replaceFirst("^\\{", "{\"id\": \"" + id + "\", ").replace(from, to);
    }

    private static String journey(String id) {
        return journey(id, "{", "{");
    }

    /** One field of each element of an array, not of what is nested in them. */
    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(element -> out.add(element.get(field).asText()));
        return out;
    }

    private static Api.Answer create(WorkflowScenario s, String user, String body) {
        return s.api.as(user).post("/journeys", body);
    }

    /** The draft as read, as an editor sends it back: with the version it started from. */
    private static String draftOf(JsonNode view, String from, String to) {
        ObjectNode draft = view.get("draft").deepCopy();
        draft.put("baseVersion", view.at("/journey/version").asLong());
        return draft.toString().replace(from, to);
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

    @Test
    @DisplayName("R-JRN-4 up to 10 stages, each with 1 to 50 actions, refused at save with where")
    void R_JRN_4_stageAndActionLimits() {
        var s = scenario();
        ObjectNode eleven = (ObjectNode) Json.tree(journey("j1"));
        var stages = eleven.putArray("stages");
        for (int i = 0; i < 11; i++) {
            ObjectNode stage = stages.addObject().put("id", "s" + i).put("name", "S" + i);
            stage.putArray("actions").addObject().put("type", "wait").put("id", "w" + i).put("duration", "P1D");
        }
        assertThat(create(s, "ana", eleven.toString()).expect(400).pointers()).containsExactly("/stages");

        ObjectNode crowded = (ObjectNode) Json.tree(journey("j1"));
        var actions = ((ObjectNode) crowded.at("/stages/0")).putArray("actions");
        for (int i = 0; i < 51; i++) {
            actions.addObject().put("type", "wait").put("id", "w" + i).put("duration", "P1D");
        }
        ((ObjectNode) crowded.at("/stages/1")).putArray("actions");
        assertThat(create(s, "ana", crowded.toString()).expect(400).pointers())
                .containsExactly("/stages/0/actions", "/stages/1/actions");
        assertThat(s.api.get("/journeys").json().get("items")).as("nothing written").isEmpty();
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
