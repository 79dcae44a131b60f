package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.json.Json;
import io.crmflow.model.Activity;
import io.crmflow.model.ActivityType;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-PIPE-3..5 through the API and the real handlers: a ticket's status set from the emails logged on it. */
class TicketEmailStatusRequirementsTest {
    private static final String CREATION_THREAD = "th-created";
    private static final String SUPPORT = """
            {"label": "Support", "stages": [
              {"id": "new", "label": "New", "open": true},
              {"id": "waiting-on-contact", "label": "Waiting on contact", "open": true},
              {"id": "waiting-on-us", "label": "Waiting on us", "open": true},
              {"id": "closed", "label": "Closed", "open": false}]}""";
    private static final String RULES = """
            {"emailSentToCustomer": {"enabled": %s, "status": "waiting-on-contact"},
             "customerReplied": {"enabled": %s, "status": "waiting-on-us"}}""";

    /** A tenant with the support pipeline, its rules, and ticket t1 created from an email in {@code status}. */
    private static WorkflowScenario supportDesk(boolean sentRuleOn, boolean replyRuleOn, String status) {
        var s = new WorkflowScenario();
        assertThat(s.api.put("/pipelines/ticket/support", SUPPORT).status()).isEqualTo(200);
        rules(s, sentRuleOn, replyRuleOn);
        s.record("ticket", "t1", Map.of("subject", "Printer on fire", "hs_pipeline", "support",
                "hs_pipeline_stage", status, "source_type", "EMAIL", "hs_created_from_thread", CREATION_THREAD));
        s.stack.drain();
        return s;
    }

    private static void rules(WorkflowScenario s, boolean sentRuleOn, boolean replyRuleOn) {
        Api.Answer saved = s.api.put("/pipelines/ticket/support/email-rules", RULES.formatted(sentRuleOn, replyRuleOn));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    /** Logs an email on ticket t1 (or another record) and lets every handler run; returns the event id. */
    private static String email(WorkflowScenario s, String on, String type, String actor, String... attributes) {
        Map<String, String> attrs = new HashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            attrs.put(attributes[i], attributes[i + 1]);
        }
        String[] record = on.split("/");
        // The stage history is in time order; changes at one instant would be in event-id order.
        SharedStack.CLOCK.advance(Duration.ofSeconds(1));
        Api.Answer logged = s.api.post("/events", Json.write(Map.of(
                "record", Map.of("objectType", record[0], "id", record[1]),
                "activity", Map.of("type", type, "actor", Map.of("kind", actor, "id", actor.equals("USER") ? "u1" : "c1"),
                        "attributes", attrs))));
        assertThat(logged.status()).as(logged.body()).isEqualTo(202);
        s.stack.drain();
        return logged.json().get("eventId").asText();
    }

    private static String status(WorkflowScenario s) {
        return s.property("ticket", "t1", "hs_pipeline_stage");
    }

    /** The ticket's status changes the support pipeline's email rules made, as "from>to", oldest first. */
    private static List<String> byRule(WorkflowScenario s) {
        JsonNode items = s.api.get("/records/ticket/t1/stage-history").json().get("items");
        return StreamSupport.stream(items.spliterator(), false)
                .filter(c -> c.at("/origin/kind").asText().equals("TICKET_EMAIL_RULE")
                        && c.at("/origin/id").asText().equals("support"))
                .map(c -> c.path("from").asText() + ">" + c.path("to").asText()).toList();
    }

    private static void byHand(WorkflowScenario s, String status) {
        s.update("ticket", "t1", Map.of("hs_pipeline_stage", status));
    }

    /** Hands the trigger queue the same activity event again, as the bus and SQS may. */
    private static void redeliver(WorkflowScenario s, String eventId, Map<String, String> attributes) {
        var event = new CrmEvent.ActivityLogged(eventId, s.tenant, new RecordRef("ticket", "t1"), s.now(), Origin.api(),
                new Activity(ActivityType.EMAIL_SENT, new Activity.Actor(Activity.ActorKind.USER, "u1"), attributes));
        String queue = s.stack.resources().queueUrl("TriggerQueue");
        s.stack.clients().sqs().sendMessage(b -> b.queueUrl(queue).messageBody(BusEnvelopes.of(event)));
        s.stack.drain();
    }

    @Test
    @DisplayName("R-PIPE-3 an email sent from the ticket sets status A, the customer's reply in the creation thread "
            + "status B, each rule only when on, once per event")
    void R_PIPE_3_emailSentSetsStatusA_replyInCreationThreadSetsStatusB_eachWhenOn_oncePerEvent() {
        var s = supportDesk(false, true, "new");

        email(s, "ticket/t1", "email_sent", "USER", "sentFrom", "ticket", "thread", CREATION_THREAD);
        assertThat(status(s)).as("the email-sent rule is off").isEqualTo("new");

        rules(s, true, true);
        String sent = email(s, "ticket/t1", "email_sent", "USER", "sentFrom", "ticket", "thread", CREATION_THREAD);
        assertThat(status(s)).isEqualTo("waiting-on-contact");
        email(s, "ticket/t1", "email_replied", "RECORD", "thread", CREATION_THREAD);
        assertThat(status(s)).isEqualTo("waiting-on-us");
        assertThat(byRule(s)).containsExactly("new>waiting-on-contact", "waiting-on-contact>waiting-on-us");

        byHand(s, "new");
        redeliver(s, sent, Map.of("sentFrom", "ticket", "thread", CREATION_THREAD));
        assertThat(status(s)).as("a redelivered event sets nothing again").isEqualTo("new");
        assertThat(byRule(s)).hasSize(2);

        rules(s, true, false);
        email(s, "ticket/t1", "email_replied", "RECORD", "thread", CREATION_THREAD);
        assertThat(status(s)).as("the customer-replied rule is off").isEqualTo("new");
    }

    @Test
    @DisplayName("R-PIPE-3 rules naming a pipeline that is not a ticket pipeline, or a status of another pipeline, "
            + "are refused when saved")
    void R_PIPE_3_badSettingsAreRefusedWhenSaved() {
        var s = supportDesk(false, false, "new");
        assertThat(s.api.put("/pipelines/ticket/billing", """
                {"stages": [{"id": "b-open", "label": "Open", "open": true}]}""").status()).isEqualTo(200);

        Api.Answer otherPipeline = s.api.put("/pipelines/ticket/support/email-rules",
                "{\"emailSentToCustomer\": {\"enabled\": true, \"status\": \"b-open\"}}");
        Api.Answer missing = s.api.put("/pipelines/ticket/nope/email-rules", RULES.formatted(true, true));
        Api.Answer deal = s.api.put("/pipelines/deal/support/email-rules", RULES.formatted(true, true));
        Api.Answer noStatus = s.api.put("/pipelines/ticket/support/email-rules",
                "{\"customerReplied\": {\"enabled\": true}}");

        assertThat(otherPipeline.status()).isEqualTo(400);
        assertThat(otherPipeline.json().at("/errors/0/pointer").asText()).isEqualTo("/emailSentToCustomer/status");
        assertThat(otherPipeline.json().at("/errors/0/detail").asText())
                .contains("status 'b-open' is not in ticket pipeline 'support'");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asText()).contains("ticket pipeline 'nope' does not exist");
        assertThat(deal.status()).isEqualTo(400);
        assertThat(deal.json().at("/errors/0/pointer").asText()).isEqualTo("/path/type");
        assertThat(noStatus.status()).isEqualTo(400);
        assertThat(noStatus.json().at("/errors/0/pointer").asText()).isEqualTo("/customerReplied/status");
        JsonNode kept = s.api.get("/pipelines/ticket/support/email-rules").json();
        assertThat(kept.at("/emailSentToCustomer/enabled").asBoolean()).as("nothing was written").isFalse();
        assertThat(kept.at("/customerReplied/enabled").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("R-PIPE-4 forwarded emails are never counted")
    void R_PIPE_4_forwardedEmailsAreNeverCounted() {
        var s = supportDesk(true, true, "new");
        email(s, "ticket/t1", "email_forwarded", "USER", "sentFrom", "ticket", "thread", CREATION_THREAD);
        email(s, "ticket/t1", "email_sent", "USER", "sentFrom", "ticket", "forwarded", "true");
        assertThat(status(s)).isEqualTo("new");
        assertThat(byRule(s)).isEmpty();
    }

    @Test
    @DisplayName("R-PIPE-4 replies to forwarded emails are never counted")
    void R_PIPE_4_repliesToForwardedEmailsAreNeverCounted() {
        var s = supportDesk(true, true, "new");
        email(s, "ticket/t1", "email_replied", "RECORD", "thread", CREATION_THREAD, "forwarded", "true");
        assertThat(status(s)).isEqualTo("new");
        assertThat(byRule(s)).isEmpty();
    }

    @Test
    @DisplayName("R-PIPE-4 other emails from the contact are never counted: a reply in another thread, an email it started")
    void R_PIPE_4_otherEmailsFromTheContactAreNeverCounted() {
        var s = supportDesk(true, true, "new");
        email(s, "ticket/t1", "email_replied", "RECORD", "thread", "th-other");
        email(s, "ticket/t1", "email_sent", "RECORD", "thread", CREATION_THREAD);
        assertThat(status(s)).isEqualTo("new");
        assertThat(byRule(s)).isEmpty();
    }

    @Test
    @DisplayName("R-PIPE-4 replies sent from a user's personal inbox are never counted")
    void R_PIPE_4_repliesFromAPersonalInboxAreNeverCounted() {
        var s = supportDesk(true, true, "new");
        email(s, "ticket/t1", "email_replied", "USER", "sentFrom", "personal_inbox", "thread", CREATION_THREAD);
        assertThat(status(s)).isEqualTo("new");
        assertThat(byRule(s)).isEmpty();
    }

    @Test
    @DisplayName("R-PIPE-4 emails sent from the contact's record rather than the ticket are never counted")
    void R_PIPE_4_emailsSentFromTheContactsRecordAreNeverCounted() {
        var s = supportDesk(true, true, "new");
        s.contact("c1", Map.of());
        email(s, "contact/c1", "email_sent", "USER", "sentFrom", "ticket");
        email(s, "ticket/t1", "email_sent", "USER", "sentFrom", "contact_record");
        assertThat(status(s)).isEqualTo("new");
        assertThat(byRule(s)).isEmpty();
    }

    @Test
    @DisplayName("R-PIPE-5 a customer reply on a closed ticket reopens it at the first open status whatever the settings; "
            + "once reopened, any new thread counts")
    void R_PIPE_5_replyOnClosedTicketReopensIt_thenAnyNewThreadCounts() {
        var s = supportDesk(false, false, "closed");

        email(s, "ticket/t1", "email_replied", "RECORD", "thread", "th-1");
        assertThat(status(s)).as("both rules off").isEqualTo("new");

        rules(s, false, true);
        email(s, "ticket/t1", "email_replied", "RECORD", "thread", "th-2");
        assertThat(status(s)).as("a new thread counts on a reopened ticket").isEqualTo("waiting-on-us");
        assertThat(byRule(s)).containsExactly("closed>new", "new>waiting-on-us");
    }
}
