package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.engine.StepMessage;
import io.crmflow.json.Json;
import io.crmflow.local.LocalStack;
import io.crmflow.local.SentMail;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Through the real API and handlers on the local stack: users and teams saved through the
 * API, a workflow that tells a new customer's owner by email and in the app, the email read
 * back from the mail service and the notification from the API, and a redelivered step that
 * changes neither.
 */
@DisplayName("R-WF-4 internal notification to the record's owner, by email and in-app, through the real handlers")
class NotificationEndToEndTest {
    private final WorkflowScenario s = new WorkflowScenario();
    private final LocalStack stack = s.stack;
    private final Api api = s.api;
    private final String anaAddress = s.email("ana");
    private final String bobAddress = s.email("bob");

    private static final String TELL_THE_OWNER = """
            {"name": "Tell the owner", "objectType": "contact",
             "trigger": {"criteria": {"groups": [{"conditions": [
                 {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["customer"]}]}]}},
             "firstActionId": "tell",
             "actions": [
               {"type": "notify", "id": "tell", "recipients": {"owner": true}, "channels": ["email", "in_app"],
                "subject": "{{firstname|Someone}} {{lastname|}} is a customer",
                "body": "Call {{firstname|them}} on {{phone|their usual number}}.", "next": "tag"},
               {"type": "set_property", "id": "tag", "property": "jobtitle", "value": "Customer"}
             ]}""";

    /** The mail the mail service accepted for a user of this tenant. */
    private List<SentMail> mailTo(String userId) {
        return s.mailbox(userId).get(userId);
    }

    @Test
    void newCustomer_hisOwnerGetsOneEmailAndOneInAppNotification_andARedeliveredStepAddsNothing() {
        assertThat(api.put("/users/ana", "{\"email\":\"" + anaAddress + "\",\"name\":\"Ana\"}").status()).isEqualTo(200);
        assertThat(api.put("/users/bob", "{\"email\":\"" + bobAddress + "\"}").status()).isEqualTo(200);
        assertThat(api.put("/teams/sales", "{\"name\":\"Sales\",\"userIds\":[\"ana\",\"bob\"]}").status()).isEqualTo(200);
        assertThat(api.get("/users/bob").json().get("name").asText()).isEqualTo("bob");
        assertThat(api.get("/teams/sales").json().get("userIds").toString()).isEqualTo("[\"ana\",\"bob\"]");
        assertThat(api.get("/users").json().get("items")).hasSize(2);
        assertThat(api.put("/workflows/tell", TELL_THE_OWNER).status()).isEqualTo(200);

        assertThat(api.post("/records/contact", "{\"id\":\"c-1\",\"properties\":{\"firstname\":\"Ada\","
                + "\"lastname\":\"Lovelace\",\"hubspot_owner_id\":\"ana\",\"lifecyclestage\":\"lead\"}}").status())
                .isEqualTo(201);
        assertThat(api.patch("/records/contact/c-1", "{\"properties\":{\"lifecyclestage\":\"customer\"}}").status())
                .isEqualTo(200);
        stack.drain();

        assertThat(mailTo("ana")).singleElement().satisfies(mail -> {
            assertThat(mail.to()).containsExactly(anaAddress);
            assertThat(mail.subject()).isEqualTo("Ada Lovelace is a customer");
            assertThat(mail.body()).contains("Call Ada on their usual number.");
        });
        assertThat(mailTo("bob")).as("bob is in a team, but not the owner").isEmpty();
        JsonNode inbox = api.get("/users/ana/notifications").json();
        assertThat(inbox.get("items")).singleElement().satisfies(n -> {
            assertThat(n.get("subject").asText()).isEqualTo("Ada Lovelace is a customer");
            assertThat(n.get("body").asText()).isEqualTo("Call Ada on their usual number.");
            assertThat(n.at("/record/id").asText()).isEqualTo("c-1");
            assertThat(n.get("workflowId").asText()).isEqualTo("tell");
        });
        assertThat(api.get("/users/bob/notifications").json().get("items")).isEmpty();
        assertThat(api.get("/records/contact/c-1").json().at("/properties/jobtitle").asText())
                .as("the workflow went on after notifying").isEqualTo("Customer");

        // The notification ran at step 1; deliver its message again, as SQS may.
        String again = Json.write(new StepMessage(s.tenant, WorkflowScenario.ofContact("tell", "c-1"), 1));
        String stepQueue = stack.resources().queueUrl("StepQueue");
        stack.clients().sqs().sendMessage(b -> b.queueUrl(stepQueue).messageBody(again));
        stack.tick();
        stack.drain();
        assertThat(mailTo("ana")).as("a redelivered step sends no second email").hasSize(1);
        assertThat(api.get("/users/ana/notifications").json().get("items")).hasSize(1);
        assertThat(api.get("/enrollments/" + WorkflowScenario.ofContact("tell", "c-1") + "/history").json().get("items")
                .toString())
                .contains("in-app notification left for ana", "notification emailed to " + anaAddress);
    }

    @Test
    void ownerlessCustomer_isAHistoryLine_andTheWorkflowGoesOn() {
        assertThat(api.put("/workflows/tell", TELL_THE_OWNER).status()).isEqualTo(200);

        api.post("/records/contact", "{\"id\":\"c-2\",\"properties\":{\"lifecyclestage\":\"customer\"}}");
        stack.drain();

        JsonNode enrollment = api.get("/enrollments/" + WorkflowScenario.ofContact("tell", "c-2")).json();
        assertThat(enrollment.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(api.get("/enrollments/" + WorkflowScenario.ofContact("tell", "c-2") + "/history").json().get("items")
                .toString())
                .contains("ACTION_SKIPPED", "the record has no owner");
    }

    @Test
    void refusals_pointAtTheUnknownUserOrTeam() {
        api.put("/users/ana", "{\"email\":\"" + anaAddress + "\"}");

        Api.Answer team = api.put("/teams/sales", "{\"userIds\":[\"ana\",\"ghost\"]}");
        Api.Answer workflow = api.put("/workflows/tell", """
                {"name": "Tell", "objectType": "contact", "firstActionId": "tell",
                 "actions": [{"type": "notify", "id": "tell", "recipients": {"users": ["ana"], "teams": ["nope"]},
                              "channels": ["in_app"], "subject": "s", "body": "b"}]}""");
        Api.Answer badEmail = api.put("/users/bob", "{\"email\":\"bob\"}");

        assertThat(team.status()).isEqualTo(400);
        assertThat(team.json().at("/errors/0/pointer").asText()).isEqualTo("/userIds/1");
        assertThat(workflow.status()).isEqualTo(400);
        assertThat(workflow.json().at("/errors/0/pointer").asText()).isEqualTo("/actions/0/recipients/teams/0");
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.json().at("/errors/0/pointer").asText()).isEqualTo("/email");
        assertThat(api.get("/teams/sales").status()).isEqualTo(404);
        assertThat(api.get("/users/ghost/notifications").status()).isEqualTo(404);
    }
}
