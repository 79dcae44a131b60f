package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Through the real API, trigger, step and timer handlers: a workflow is switched off while
 * three customers wait in it, an action is deleted in each mode, and it is switched on again.
 */
@DisplayName("R-WF-9 a live workflow turned off and on, with an action deleted 'only' and one 'and all below'")
class LiveWorkflowEditingTest {
    /** By first name: Ann waits before x1, Bob before x2, anyone else before z; all end at "end". */
    private static final String WORKFLOW = """
            {"name": "Live editing", "objectType": "contact",
             "trigger": {"criteria": {"groups": [{"conditions": [
                 {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["customer"]}]}]}},
             "firstActionId": "route",
             "actions": [
               {"type": "value_branch", "id": "route", "property": "firstname", "next": "wait3",
                "cases": [{"value": "Ann", "next": "wait1"}, {"value": "Bob", "next": "wait2"}]},
               {"type": "delay", "id": "wait1", "duration": "P1D", "next": "x1"},
               {"type": "set_property", "id": "x1", "property": "jobtitle", "value": "x1", "next": "y1"},
               {"type": "set_property", "id": "y1", "property": "phone", "value": "y1", "next": "end"},
               {"type": "delay", "id": "wait2", "duration": "P1D", "next": "x2"},
               {"type": "set_property", "id": "x2", "property": "jobtitle", "value": "x2", "next": "y2"},
               {"type": "set_property", "id": "y2", "property": "phone", "value": "y2", "next": "end"},
               {"type": "delay", "id": "wait3", "duration": "P1D", "next": "z"},
               {"type": "set_property", "id": "z", "property": "jobtitle", "value": "z", "next": "end"},
               {"type": "set_property", "id": "end", "property": "lastname", "value": "end"}
             ]}""";

    private final WorkflowScenario s = new WorkflowScenario();
    private final Api api = s.api;

    private void customer(String id, String firstname) {
        s.contact(id, Map.of("firstname", firstname));
        s.stage(id, "customer");
    }

    private String status(String id) {
        return s.status("live", id);
    }

    /** The property's value, or "" when the record has none. */
    private String property(String id, String name) {
        return s.property("contact", id, name);
    }

    private List<JsonNode> history(String id) {
        return s.history(WorkflowScenario.ofContact("live", id));
    }

    @Test
    void offHoldsEveryone_deletingMovesOrCompletesThoseAtTheDeletedActions_onAgainEachGoesWhereItShould() {
        s.save("live", WORKFLOW);
        customer("ann", "Ann");
        customer("bob", "Bob");
        customer("cid", "Cid");
        for (String id : List.of("ann", "bob", "cid")) {
            assertThat(status(id)).as(id).isEqualTo("WAITING");
        }

        assertThat(api.patch("/workflows/live", "{\"enabled\": false}").json().get("enabled").asBoolean()).isFalse();
        customer("dee", "Dee");
        s.advance(Duration.ofDays(1).plusHours(1));

        assertThat(s.enrollment("live", "dee")).as("off: nobody enrolls").isNull();
        for (String id : List.of("ann", "bob", "cid")) {
            assertThat(status(id)).as(id + " is held, not failed").isEqualTo("WAITING");
            assertThat(property(id, "jobtitle")).as(id + ": a wait that ended while off runs nothing").isEmpty();
        }

        // Only x1: Ann, waiting for it, goes on to y1.
        JsonNode afterOnly = api.delete("/workflows/live/actions/x1?mode=only").json();
        assertThat(afterOnly.get("enabled").asBoolean()).isFalse();
        assertThat(afterOnly.at("/removedActions/x1").asText()).isEqualTo("y1");
        // x2 and all below it: y2 goes too, "end" stays (also reached from y1 and z); Bob completes.
        JsonNode afterBelow = api.delete("/workflows/live/actions/x2?mode=below").json();
        assertThat(StreamSupport.stream(afterBelow.get("actions").spliterator(), false).map(a -> a.get("id").asText()))
                .containsExactly("route", "wait1", "y1", "wait2", "wait3", "z", "end");
        assertThat(afterBelow.at("/actions/3/next").isMissingNode()).as("wait2 now ends the workflow").isTrue();
        assertThat(afterBelow.get("removedActions").toString()).isEqualTo("{\"x1\":\"y1\",\"x2\":null,\"y2\":null}");
        assertThat(afterBelow.get("version").asLong()).isEqualTo(4);

        var noMode = api.delete("/workflows/live/actions/z");
        assertThat(noMode.expect(400).pointers()).containsExactly("/query/mode");
        assertThat(api.delete("/workflows/live/actions/x1?mode=only").json().get("detail").asText())
                .contains("deleted already");
        assertThat(api.delete("/workflows/live/actions/nope?mode=below").status()).isEqualTo(404);

        assertThat(api.patch("/workflows/live", "{\"enabled\": true}").json().get("enabled").asBoolean()).isTrue();
        s.advance(Duration.ofMinutes(15));

        for (String id : List.of("ann", "bob", "cid")) {
            assertThat(status(id)).as(id).isEqualTo("COMPLETED");
        }
        assertThat(List.of(property("ann", "jobtitle"), property("ann", "phone"), property("ann", "lastname")))
                .as("Ann skipped the deleted x1 and ran the rest").containsExactly("", "y1", "end");
        assertThat(history("ann")).anySatisfy(line -> assertThat(line.get("detail").asText())
                .isEqualTo("action 'x1' was deleted from the workflow; going on to 'y1'"));
        assertThat(history("ann")).filteredOn(line -> "y1".equals(line.path("actionId").asText())).hasSize(1);

        assertThat(List.of(property("bob", "jobtitle"), property("bob", "phone"), property("bob", "lastname")))
                .as("Bob ran nothing more").containsOnly("");
        assertThat(history("bob").get(0).get("detail").asText())
                .isEqualTo("completed because action 'x2' was deleted from the workflow");

        assertThat(List.of(property("cid", "jobtitle"), property("cid", "lastname"))).containsExactly("z", "end");
        assertThat(s.enrollment("live", "dee")).isNull();
        JsonNode metrics = api.get("/workflows/live/metrics").json();
        assertThat(metrics.get("enrolled").asLong()).isEqualTo(3);
        assertThat(metrics.get("completed").asLong()).isEqualTo(3);
        assertThat(metrics.get("failed").asLong()).isZero();
    }
}
