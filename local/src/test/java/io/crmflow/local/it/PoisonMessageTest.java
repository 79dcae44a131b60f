package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.engine.StepMessage;
import io.crmflow.json.Json;
import io.crmflow.local.LocalStack;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Messages that can never succeed, put straight on the work queues (or on the bus): the real
 * handlers retry each once, then park it in the queue's dead-letter queue with the body
 * unchanged and the reason attached, and it never holds back the messages beside it.
 */
@DisplayName("R-RUN-3, R-RUN-5: a poison message is retried once, dead-lettered with its reason, and blocks nothing")
class PoisonMessageTest {
    private final LocalStack stack = SharedStack.get();
    private final String tenant = SharedStack.uniqueTenant();
    private final DeadLetterQueue triggerDeadLetters = new DeadLetterQueue(stack, "TriggerDeadLetterQueue");
    private final DeadLetterQueue stepDeadLetters = new DeadLetterQueue(stack, "StepDeadLetterQueue");

    private void send(String queueLogicalId, String body) {
        String url = stack.resources().queueUrl(queueLogicalId);
        stack.clients().sqs().sendMessage(b -> b.queueUrl(url).messageBody(body));
    }

    private CrmEvent.RecordCreated created(String recordId) {
        return new CrmEvent.RecordCreated("evt-" + tenant + "-" + recordId, tenant, new RecordRef("contact", recordId),
                SharedStack.CLOCK.instant(), Origin.api());
    }

    private static void assertParkedAfterTwoAttempts(DeadLetterQueue.DeadLetter parked, String body) {
        assertThat(parked.body()).as("the body is kept as it was sent").isEqualTo(body);
        assertThat(parked.attempts()).as("an invalid message is retried once").isEqualTo("2");
        assertThat(parked.sourceMessageId()).isNotBlank();
    }

    @Test
    void triggerQueue_bodyNotJson_isDeadLetteredAfterTwoAttemptsWithItsReason() {
        String body = "lifecyclestage=customer for contact c-1 of " + tenant + " (not JSON)";
        send("TriggerQueue", body);

        stack.drain();

        DeadLetterQueue.DeadLetter parked = triggerDeadLetters.takeOne(tenant);
        assertParkedAfterTwoAttempts(parked, body);
        assertThat(parked.reason()).startsWith("JsonInputException: ").contains("Unrecognized token 'lifecyclestage'");
    }

    @Test
    void triggerQueue_eventForUnknownTenant_isDeadLetteredAfterTwoAttemptsWithItsReason() {
        String body = BusEnvelopes.of(created("c-1"));
        send("TriggerQueue", body);

        stack.drain();

        DeadLetterQueue.DeadLetter parked = triggerDeadLetters.takeOne(tenant);
        assertParkedAfterTwoAttempts(parked, body);
        assertThat(parked.reason()).startsWith("InvalidMessageException: ")
                .contains("names tenant '" + tenant + "', which does not exist");
    }

    @Test
    void triggerQueue_eventForRecordThatDoesNotExist_isDeadLetteredAfterTwoAttemptsWithItsReason() {
        Api.forNewTenant(stack, tenant);
        String body = BusEnvelopes.of(created("ghost"));
        send("TriggerQueue", body);

        stack.drain();

        DeadLetterQueue.DeadLetter parked = triggerDeadLetters.takeOne(tenant);
        assertParkedAfterTwoAttempts(parked, body);
        assertThat(parked.reason()).startsWith("InvalidMessageException: ")
                .contains("is about record contact/ghost, which does not exist");
    }

    @Test
    void stepQueue_messageForEnrollmentThatDoesNotExist_isDeadLetteredAfterTwoAttemptsWithItsReason() {
        Api.forNewTenant(stack, tenant);
        String body = Json.write(new StepMessage(tenant, WorkflowScenario.ofContact("welcome", "ghost"), 1));
        send("StepQueue", body);

        stack.drain();

        DeadLetterQueue.DeadLetter parked = stepDeadLetters.takeOne(tenant);
        assertParkedAfterTwoAttempts(parked, body);
        assertThat(parked.reason()).startsWith("InvalidMessageException: ")
                .contains("enrollment 'welcome~contact~ghost' of tenant '" + tenant + "', which does not exist");
    }

    @Test
    void stepQueue_messageMissingFields_isDeadLetteredAfterTwoAttemptsWithItsReason() {
        String body = "{\"tenantId\": \"" + tenant + "\"}";
        send("StepQueue", body);

        stack.drain();

        DeadLetterQueue.DeadLetter parked = stepDeadLetters.takeOne(tenant);
        assertParkedAfterTwoAttempts(parked, body);
        assertThat(parked.reason()).isEqualTo("JsonInputException at /seq: a value is required here");
    }

    @Test
    void triggerQueue_poisonMessageInTheSameBatch_doesNotHoldBackAValidEvent() {
        Api api = Api.forNewTenant(stack, tenant);
        assertThat(api.post("/records/contact", "{\"id\": \"c-1\", \"properties\": {\"lifecyclestage\": \"customer\"}}")
                .status()).isEqualTo(201);
        stack.drain();
        // Saved after the contact's own event was handled, so only the event sent below can enroll it.
        assertThat(api.put("/workflows/welcome", """
                {"name": "Welcome", "objectType": "contact",
                 "trigger": {"criteria": {"groups": [{"conditions": [
                     {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["customer"]}]}]}},
                 "actions": []}""").status()).isEqualTo(200);
        assertThat(api.get("/enrollments/" + WorkflowScenario.ofContact("welcome", "c-1")).status()).isEqualTo(404);

        String poison = "{\"detail-type\": \"crm.record.created\", \"detail\": \"" + tenant + "\"}";
        String url = stack.resources().queueUrl("TriggerQueue");
        stack.clients().sqs().sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("poison").messageBody(poison).build(),
                SendMessageBatchRequestEntry.builder().id("valid").messageBody(BusEnvelopes.of(created("c-1"))).build()));
        stack.drain();

        JsonNode enrollment = api.get("/enrollments/" + WorkflowScenario.ofContact("welcome", "c-1")).json();
        assertThat(enrollment.get("workflowId").asText()).isEqualTo("welcome");
        DeadLetterQueue.DeadLetter parked = triggerDeadLetters.takeOne(tenant);
        assertParkedAfterTwoAttempts(parked, poison);
        assertThat(parked.reason()).contains("detail must be a JSON object");
    }

    @Test
    void bus_eventThatCannotBeDecoded_endsInTriggerDeadLetterQueueWithItsReason() {
        Api.forNewTenant(stack, tenant);
        String detail = "{\"tenantId\": \"" + tenant + "\", \"record\": {\"objectType\": \"contact\", \"id\": \"c-1\"}}";

        var put = stack.clients().eventBridge().putEvents(b -> b.entries(e -> e.eventBusName(stack.resources().eventBusName())
                .source("crmflow").detailType("crm.record.created").detail(detail)));
        assertThat(put.failedEntryCount()).isZero();
        stack.drain();

        DeadLetterQueue.DeadLetter parked = triggerDeadLetters.takeOne(tenant);
        JsonNode envelope = Json.tree(parked.body());
        assertThat(envelope.get("detail-type").asText()).isEqualTo("crm.record.created");
        assertThat(envelope.get("detail")).isEqualTo(Json.tree(detail));
        assertThat(parked.attempts()).isEqualTo("2");
        assertThat(parked.reason()).startsWith("JsonInputException at /detail: ").contains("event id");
    }
}
