package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.engine.Enrollment;
import io.crmflow.json.Json;
import io.crmflow.local.LocalContext;
import io.crmflow.local.LocalStack;
import io.crmflow.local.SentMail;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.RecordRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One tenant of its own on a local stack ({@link SharedStack#forOneTest}), driven as a person
 * would drive it: through the API, then the queues drained so every handler has done its part.
 * Time moves only when a test moves the shared clock, and the timer runs at once after each move.
 */
final class WorkflowScenario {
    /** The history line of a send carries the id the mail service gave the email. */
    private static final Pattern SENT = Pattern.compile("email sent \\(message id (.+)\\)$");

    final LocalStack stack = SharedStack.forOneTest();
    final String tenant = SharedStack.uniqueTenant();
    final Api api = Api.forNewTenant(stack, tenant);

    /** Addresses are unique per tenant: the mailbox is shared by the whole suite. */
    String email(String contactId) {
        return contactId + "+" + tenant + "@example.com";
    }

    Instant now() {
        return SharedStack.CLOCK.instant();
    }

    JsonNode save(String workflowId, String definition) {
        Api.Answer saved = api.put("/workflows/" + workflowId, definition);
        assertThat(saved.status()).as("saving %s: %s", workflowId, saved.body()).isEqualTo(200);
        return saved.json();
    }

    /** Webhooks need a signing secret, and a target on this machine needs the tenant's leave. */
    void allowWebhooksToThisMachine() {
        Api.Answer set = api.patch("/settings/webhooks",
                "{\"signingSecret\": \"whsec-" + "0123456789abcdef".repeat(2) + "\", \"allowPrivateTargets\": true}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    void staticList(String listId) {
        Api.Answer saved = api.put("/lists/" + listId, "{\"name\":\"" + listId + "\",\"objectType\":\"contact\",\"kind\":\"static\"}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    /** A contact with an address of its own and {@code properties}; the events it raises are handled. */
    void contact(String id, Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        all.putIfAbsent("email", email(id));
        Api.Answer created = api.post("/records/contact", Json.write(Map.of("id", id, "properties", all)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        stack.drain();
    }

    /** A record of any type; its event is handled at the next drain. */
    void record(String type, String id, Map<String, String> properties) {
        Api.Answer created = api.post("/records/" + type, Json.write(Map.of("id", id, "properties", properties)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    void update(String type, String id, Map<String, String> properties) {
        Api.Answer updated = api.patch("/records/" + type + "/" + id, Json.write(Map.of("properties", properties)));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        stack.drain();
    }

    void update(String contactId, Map<String, String> properties) {
        update("contact", contactId, properties);
    }

    void stage(String contactId, String lifecycleStage) {
        update(contactId, Map.of("lifecyclestage", lifecycleStage));
    }

    void join(String listId, String contactId) {
        assertThat(api.put("/lists/" + listId + "/members/contact/" + contactId, null).status()).isEqualTo(204);
        stack.drain();
    }

    void leave(String listId, String contactId) {
        assertThat(api.delete("/lists/" + listId + "/members/contact/" + contactId).status()).isEqualTo(204);
        stack.drain();
    }

    /** Logs an activity the contact did itself, e.g. {@code email_replied}. */
    void activity(String contactId, String type, Map<String, String> attributes) {
        Api.Answer logged = api.post("/events", Json.write(Map.of(
                "record", Map.of("objectType", "contact", "id", contactId),
                "activity", Map.of("type", type, "actor", Map.of("kind", "RECORD", "id", contactId),
                        "attributes", attributes))));
        assertThat(logged.status()).as(logged.body()).isEqualTo(202);
        stack.drain();
    }

    /** Enrolls the contacts by hand, all before their steps run. */
    void enroll(String workflowId, String... contactIds) {
        for (String id : contactIds) {
            Api.Answer enrolled = api.post("/workflows/" + workflowId + "/enrollments",
                    "{\"objectType\":\"contact\",\"id\":\"" + id + "\"}");
            assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        }
        stack.drain();
    }

    /**
     * Hands the trigger function two events, {@code event.apply(0)} and {@code event.apply(1)} (two
     * of them, or the same one twice), on two threads at once; a failed message is handed again,
     * as SQS would redeliver it. Then lets the steps the enrollments started run.
     */
    void raceTriggerHandlers(IntFunction<CrmEvent> event) throws Exception {
        RequestHandler<SQSEvent, SQSBatchResponse> trigger = stack.handler("TriggerFunction");
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<SQSBatchResponse>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                SQSEvent message = sqsEvent(BusEnvelopes.of(event.apply(i)), "m-" + i);
                runs.add(threads.submit(() -> {
                    together.await();
                    SQSBatchResponse answer = trigger.handleRequest(message, triggerContext());
                    for (int retry = 0; retry < 5 && !answer.getBatchItemFailures().isEmpty(); retry++) {
                        answer = trigger.handleRequest(message, triggerContext());
                    }
                    return answer;
                }));
            }
            for (Future<SQSBatchResponse> run : runs) {
                assertThat(run.get().getBatchItemFailures()).as("handled, at the latest when redelivered").isEmpty();
            }
        } finally {
            threads.shutdownNow();
        }
        stack.drain();
    }

    /** Puts {@code event} on the trigger queue as the bus rule does: for delivering one again, as SQS may. */
    void deliver(CrmEvent event) {
        String triggerQueue = stack.resources().queueUrl("TriggerQueue");
        stack.clients().sqs().sendMessage(b -> b.queueUrl(triggerQueue).messageBody(BusEnvelopes.of(event)));
        stack.drain();
    }

    private static LocalContext triggerContext() {
        return LocalContext.forInvocation("TriggerFunction", LocalStack.REGION, "000000000000", 1024,
                Duration.ofSeconds(30), SharedStack.CLOCK);
    }

    private static SQSEvent sqsEvent(String body, String messageId) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(messageId);
        message.setBody(body);
        message.setEventSource("aws:sqs");
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }

    /** The id of a contact's enrollment in a workflow. */
    static String ofContact(String workflowId, String contactId) {
        return Enrollment.idFor(workflowId, new RecordRef("contact", contactId));
    }

    /** The first enrollment of a contact in a workflow, or null when it never entered. */
    JsonNode enrollment(String workflowId, String contactId) {
        Api.Answer found = api.get("/enrollments/" + ofContact(workflowId, contactId));
        if (found.status() == 404) {
            return null;
        }
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json();
    }

    String status(String workflowId, String contactId) {
        JsonNode e = enrollment(workflowId, contactId);
        return e == null ? "NOT ENROLLED" : e.get("status").asText();
    }

    Instant dueAt(String workflowId, String contactId) {
        return Instant.parse(enrollment(workflowId, contactId).get("dueAt").asText());
    }

    /** Every line of an enrollment's history, as the API pages it (newest first). */
    List<JsonNode> history(String enrollmentId) {
        return api.items("/enrollments/" + enrollmentId + "/history?limit=50");
    }

    String historyText(String workflowId, String contactId) {
        return history(ofContact(workflowId, contactId)).toString();
    }

    JsonNode details(String workflowId) {
        Api.Answer details = api.get("/workflows/" + workflowId + "/details");
        assertThat(details.status()).as(details.body()).isEqualTo(200);
        return details.json();
    }

    long enrollmentCount(String workflowId) {
        return api.get("/workflows/" + workflowId + "/enrollments?limit=200").json().get("items").size();
    }

    String property(String type, String id, String property) {
        return api.get("/records/" + type + "/" + id).json().path("properties").path(property).asText("");
    }

    /**
     * What SES answered for each email the enrollment sent, newest first: the history records
     * the message id of every send. Cheap on every backend, unlike reading the mailbox back,
     * which against moto dumps the emulator's whole state.
     */
    List<String> sent(String workflowId, String contactId) {
        if (enrollment(workflowId, contactId) == null) {
            return List.of();
        }
        return history(ofContact(workflowId, contactId)).stream()
                .map(line -> SENT.matcher(line.path("detail").asText()))
                .filter(Matcher::find).map(m -> m.group(1)).toList();
    }

    /** The mail the mail service accepted for each contact, read once: for checking what mail says. */
    Map<String, List<SentMail>> mailbox(String... contactIds) {
        List<SentMail> all = stack.mailbox().sent();
        Map<String, List<SentMail>> byContact = new HashMap<>();
        for (String id : contactIds) {
            byContact.put(id, all.stream().filter(m -> m.to().contains(email(id))).toList());
        }
        return byContact;
    }

    /** Moves the shared clock on, then lets the timer and the handlers do what became due. */
    void advance(Duration by) {
        SharedStack.CLOCK.advance(by);
        stack.tick();
        stack.drain();
    }

    void advanceTo(Instant moment) {
        assertThat(moment).as("the clock only moves forward").isAfterOrEqualTo(now());
        advance(Duration.between(now(), moment));
    }
}
