package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmflow.journey.JourneyExamples;
import io.crmflow.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One journey of a tenant of its own on the local stack ({@link WorkflowScenario}), driven as a
 * person would drive it: created and published through {@code /journeys}, contacts that join its
 * lists and whose journey property changes through the records API, and read back through what
 * the journey shows of them — each contact's enrollment and log, its figures and its views.
 * Every call that makes the handlers work drains the queues before it returns.
 */
final class LiveJourney {
    static final String PROPERTY = "lifecyclestage";
    final WorkflowScenario s = Journeys.scenario();
    final Api api = s.api;
    final String id;

    /** A tenant with the users and lists the example journey names, and journey {@code id} published from {@code definition}. */
    LiveJourney(String id, JsonNode definition) {
        this.id = id;
        ObjectNode created = definition.deepCopy();
        created.put("id", id);
        api.as("ana").post("/journeys", created.toString()).expect(201);
        publish(false);
    }

    /** The example journey of docs/journeys.md, as JSON to edit. */
    static ObjectNode example() {
        return (ObjectNode) Json.tree(JourneyExamples.NURTURE);
    }

    /** The stage {@code stageId} of a definition. */
    static ObjectNode stage(JsonNode definition, String stageId) {
        for (JsonNode stage : definition.get("stages")) {
            if (stage.get("id").asText().equals(stageId)) {
                return (ObjectNode) stage;
            }
        }
        throw new IllegalArgumentException("no stage " + stageId + " in " + definition);
    }

    /** Replaces a stage's flow with {@code actions}, each written as JSON. */
    static ObjectNode withActions(JsonNode definition, String stageId, String... actions) {
        ObjectNode edited = definition.deepCopy();
        ArrayNode flow = stage(edited, stageId).putArray("actions");
        for (String action : actions) {
            flow.add(Json.tree(action));
        }
        return edited;
    }

    static ObjectNode withoutStage(JsonNode definition, String stageId) {
        ObjectNode edited = definition.deepCopy();
        ArrayNode stages = (ArrayNode) edited.get("stages");
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).get("id").asText().equals(stageId)) {
                stages.remove(i);
                return edited;
            }
        }
        throw new IllegalArgumentException("no stage " + stageId);
    }

    /** The journey as {@code GET /journeys/{id}} shows it. */
    JsonNode view() {
        return api.get("/journeys/" + id).expect(200).json();
    }

    /** Publishes the draft as it is; contacts inside go where R-JRN-11 sends them at their next step. */
    JsonNode publish(boolean enrollExisting) {
        JsonNode published = api.as("ana").post("/journeys/" + id + "/publish", "{\"enrollExisting\": " + enrollExisting
                + ", \"createStageReports\": false}").expect(200).json();
        s.stack.drain();
        return published;
    }

    /** Saves {@code definition} as the draft, from the version read now. */
    void saveDraft(JsonNode definition) {
        ObjectNode draft = definition.deepCopy();
        draft.remove("id");
        draft.put("baseVersion", view().at("/journey/version").asLong());
        api.as("ana").put("/journeys/" + id + "/draft", draft.toString()).expect(200);
    }

    /** The published version, as JSON to edit. */
    ObjectNode published() {
        return (ObjectNode) view().get("published").deepCopy();
    }

    /** A contact, with an address of its own and {@code properties}; not on any list yet. */
    void contact(String contactId, Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        all.putIfAbsent("firstname", contactId);
        s.contact(contactId, all);
    }

    /** A contact on the eligibility list, with {@code value} (null: empty) as its journey property. */
    void eligible(String contactId, String value) {
        contact(contactId, value == null ? Map.of() : Map.of(PROPERTY, value));
        s.join("newsletter", contactId);
    }

    /** Changes the contact's journey property, as a person editing the contact would. */
    void set(String contactId, String value) {
        s.update(contactId, Map.of(PROPERTY, value));
    }

    /** The contact's enrollment in the journey, from its per-contact log. */
    JsonNode enrollment(String contactId) {
        return api.get("/journeys/" + id + "/contacts/" + contactId).expect(200).json().get("enrollment");
    }

    String status(String contactId) {
        return enrollment(contactId).get("status").asText();
    }

    /** The contact's enrollment and action log, every page, oldest line first. */
    List<JsonNode> log(String contactId) {
        List<JsonNode> lines = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/journeys/" + id + "/contacts/" + contactId + "?limit=200"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = api.get(path).expect(200).json().get("log");
            page.get("items").forEach(lines::add);
            cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        lines.sort(Comparator.comparingLong(line -> line.get("index").asLong()));
        return lines;
    }

    /** Each line of the contact's log as {@code actionId: detail}, oldest first; no action id reads as "-". */
    List<String> logText(String contactId) {
        return log(contactId).stream().map(line -> line.path("actionId").asText("-") + ": "
                + line.path("detail").asText()).toList();
    }

    /** Each of {@code starts} begins one of {@code lines}, in that order, other lines between them. */
    static void assertLinesStartInOrder(List<String> lines, String... starts) {
        int at = 0;
        for (String start : starts) {
            while (at < lines.size() && !lines.get(at).startsWith(start)) {
                at++;
            }
            assertThat(at).as("a line starting '%s', after the one before, in %s", start, lines).isLessThan(lines.size());
            at++;
        }
    }

    /** The subjects of the tasks the contact is associated with. */
    List<String> tasks(String contactId) {
        List<String> subjects = new ArrayList<>();
        for (JsonNode a : api.get("/records/contact/" + contactId + "/associations").expect(200).json().get("items")) {
            if (a.at("/to/objectType").asText().equals("task")) {
                subjects.add(api.get("/records/task/" + a.at("/to/id").asText()).expect(200).json()
                        .at("/properties/hs_task_subject").asText());
            }
        }
        return subjects;
    }

    /** The subjects of the in-app notifications {@code userId} was left, newest first. */
    List<String> notifications(String userId) {
        return api.items("/users/" + userId + "/notifications?limit=200").stream()
                .map(n -> n.get("subject").asText()).toList();
    }

    JsonNode metrics() {
        return api.get("/journeys/" + id + "/metrics").expect(200).json();
    }

    JsonNode views() {
        return api.get("/journeys/" + id + "/views").expect(200).json();
    }

    /** The figures of one stage in {@code metrics}. */
    static JsonNode stageFigures(JsonNode metrics, String stageId) {
        for (JsonNode stage : metrics.get("stages")) {
            if (stage.get("stageId").asText().equals(stageId)) {
                return stage;
            }
        }
        throw new AssertionError("no stage " + stageId + " in " + metrics);
    }

    /** A stage's paths in {@code metrics} as {@code to=count/percent}, in the order given. */
    static List<String> paths(JsonNode metrics, String stageId) {
        List<String> out = new ArrayList<>();
        stageFigures(metrics, stageId).get("paths").forEach(p -> out.add(p.get("to").asText() + "="
                + p.get("count").asLong() + "/" + p.path("percent").asText("-")));
        return out;
    }

    /** Where the contact's enrollment is: its status and its cursor, the action it is at or goes on to after a wait. */
    static void assertThatStatus(LiveJourney j, String contactId, String status, String cursor) {
        JsonNode e = j.enrollment(contactId);
        assertThat(e.get("status").asText() + " at " + e.path("cursor").asText("-")).as(contactId)
                .isEqualTo(status + " at " + cursor);
    }
}
