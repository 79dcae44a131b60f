package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.local.LocalStack;
import io.crmflow.local.TableWrites;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Requests {@link ApiFuzzTest} found answered with a 5xx or leaving a write behind, each kept as
 * the smallest request that showed it, answered now as bad input with nothing written.
 */
@DisplayName("R-RUN-6 what the API fuzz found: refused as input, never a 5xx, nothing written")
class ApiFuzzRegressionsTest {
    private final LocalStack stack = SharedStack.get();
    private final Api api = Api.forNewTenant(stack, SharedStack.uniqueTenant());

    @Test
    @DisplayName("a record whose association makes an item larger than the table holds is a 400, and nothing is written")
    void createRecord_itemTooLargeForTheTable_is400AndWritesNothing() {
        api.post("/records/company", "{\"id\": \"co-1\", \"properties\": {}}").expect(201);
        String label = "h".repeat(418_000);

        Api.Answer answer;
        try (TableWrites.Recording writes = stack.tableWrites().record()) {
            answer = api.post("/records/contact", "{\"id\": \"c-1\", \"properties\": {}, \"associations\":"
                    + " [{\"objectType\": \"company\", \"id\": \"co-1\", \"label\": \"" + label + "\"}]}");
            assertThat(writes.writes()).isEmpty();
        }

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("detail").asText()).contains("400 KB");
        assertThat(api.get("/records/contact/c-1").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("a workflow naming another by an id too long for any key is a 400 at that id, not a 500")
    void saveWorkflow_namingAWorkflowByAnIdTooLongForAKey_is400AtThatId() {
        String tooLong = "h".repeat(19_000);

        Api.Answer answer = api.put("/workflows/w1", "{\"name\": \"Hand over\", \"objectType\": \"contact\","
                + " \"firstActionId\": \"stop\", \"actions\": [{\"type\": \"unenroll_from_workflows\", \"id\": \"stop\","
                + " \"workflowIds\": [\"" + tooLong + "\"]}]}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.pointers()).containsExactly("/actions/0/workflowIds/0");
        assertThat(api.get("/workflows/w1").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("a cursor from a journey's versions handed to one stage's versions is a 400, not a 500")
    void stageVersions_withACursorFromTheJourneysVersions_is400() {
        var s = Journeys.scenario();
        s.api.as("ana").post("/journeys", Journeys.journey("j1")).expect(201);
        s.api.post("/journeys/j1/publish", "{\"enrollExisting\": false, \"createStageReports\": false}").expect(200);
        String cursor = s.api.get("/journeys/j1/versions?limit=1").expect(200).json().get("nextCursor").asText();

        Api.Answer answer = s.api.get("/journeys/j1/stages/subscribed/versions?cursor=" + cursor);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.pointers()).containsExactly("/query/cursor");
    }

    @Test
    @DisplayName("an activity whose actor id or attributes would not fit on the event bus is a 400 at each, and is not sent")
    void logActivity_tooLargeForTheBus_is400AtEachPlace_andNothingIsSent() {
        api.post("/records/contact", "{\"id\": \"c-1\", \"properties\": {}}").expect(201);
        stack.drain();
        int queued = triggerQueueLength();

        Api.Answer answer = api.post("/events", "{\"record\": {\"objectType\": \"contact\", \"id\": \"c-1\"},"
                + " \"activity\": {\"type\": \"email_replied\", \"actor\": {\"kind\": \"RECORD\", \"id\": \""
                + "h".repeat(491_000) + "\"}, \"attributes\": {\"body\": \"" + "b".repeat(70_000) + "\"}}}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.pointers()).containsExactly("/activity/actor/id", "/activity/attributes");
        assertThat(triggerQueueLength()).as("no event reached the bus").isEqualTo(queued);
    }

    @Test
    @DisplayName("a property holding half of a surrogate pair is a 400 at that property, not a 500, and nothing is written")
    void saveRecord_withALoneSurrogate_is400AtTheField_andWritesNothing() {
        Api.Answer answer;
        try (TableWrites.Recording writes = stack.tableWrites().record()) {
            answer = api.post("/records/contact", "{\"id\": \"c-1\", \"properties\": {\"firstname\": \"\\ud800\"}}");
            assertThat(writes.writes()).isEmpty();
        }

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.pointers()).containsExactly("/properties/firstname");
        assertThat(api.get("/records/contact/c-1").status()).isEqualTo(404);
    }

    private int triggerQueueLength() {
        String queue = stack.resources().queueUrl("TriggerQueue");
        var length = software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES;
        return Integer.parseInt(stack.clients().sqs().getQueueAttributes(b -> b.queueUrl(queue).attributeNames(length))
                .attributes().get(length));
    }
}
