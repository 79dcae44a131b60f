package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmflow.engine.Enrollment;
import io.crmflow.engine.StageWorkflows;
import io.crmflow.engine.StepIds;
import io.crmflow.local.SentMail;
import io.crmflow.model.RecordRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-PIPE-1, 2, 6 and 7 through the API and the real handlers: stage automation and ticket stage emails. */
class PipelineStageRequirementsTest {
    private static final String SALES = """
            {"label": "Sales", "stages": [
              {"id": "appointmentscheduled", "label": "Appointment scheduled", "open": true},
              {"id": "contractsent", "label": "Contract sent", "open": true},
              {"id": "closedwon", "label": "Closed won", "open": false}]}""";
    private static final String SUPPORT = """
            {"label": "Support", "stages": [
              {"id": "new", "label": "New", "open": true},
              {"id": "waiting", "label": "Waiting on contact", "open": true},
              {"id": "closed", "label": "Closed", "open": false}]}""";
    private static final String CONTRACT_SENT = StageWorkflows.idFor("deal", "sales", "contractsent");
    private static final String TICKET_NEW = StageWorkflows.idFor("ticket", "support", "new");

    private static String deal(String workflowId, String dealId) {
        return Enrollment.idFor(workflowId, new RecordRef("deal", dealId));
    }

    /** A workflow as read, as the workflow editor sends it back: without what the server decides. */
    private static String editable(JsonNode read) {
        ObjectNode body = read.deepCopy();
        body.remove(List.of("tenantId", "id", "version", "removedActions"));
        return body.toString();
    }

    @Test
    @DisplayName("R-PIPE-1 a stage's actions run whenever a record enters the stage, by hand or by the API, and the "
            + "stage's workflow opens as an ordinary workflow")
    void R_PIPE_1_stageActionsRunOnEveryEntry_asAnOrdinaryWorkflow() {
        var s = new WorkflowScenario();
        s.api.put("/pipelines/deal/sales", SALES).expect(200);
        s.api.put("/users/owner", "{\"email\": \"" + s.email("owner") + "\"}").expect(200);
        s.api.put("/pipelines/deal/sales/stages/contractsent/actions", """
                {"actions": [
                  {"type": "create_task", "id": "task", "subject": "Chase the contract of {{dealname}}", "next": "tell"},
                  {"type": "notify", "id": "tell", "recipients": {"owner": true}, "channels": ["email"],
                   "subject": "{{dealname}}: contract sent", "body": "Amount: {{amount|not set}}."}]}""").expect(200);
        s.record("deal", "d1", Map.of("dealname", "Big deal", "pipeline", "sales", "dealstage", "appointmentscheduled",
                "hubspot_owner_id", "owner"));
        s.stack.drain();
        assertThat(s.enrollmentCount(CONTRACT_SENT)).as("not in the stage yet").isZero();

        s.api.as("u1").patch("/records/deal/d1", "{\"properties\": {\"dealstage\": \"contractsent\"}}").expect(200);
        s.stack.drain();
        s.record("deal", "d2", Map.of("dealname", "Small deal", "pipeline", "sales", "dealstage", "contractsent"));
        s.stack.drain();

        JsonNode wf = s.api.get("/workflows/" + CONTRACT_SENT).json();
        assertThat(wf.get("objectType").asText()).isEqualTo("deal");
        assertThat(wf.get("name").asText()).isEqualTo("Sales: Contract sent");
        assertThat(wf.at("/trigger/reenroll").asBoolean()).isTrue();
        String d1 = deal(CONTRACT_SENT, "d1");
        assertThat(s.api.get("/enrollments/" + d1).json().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(s.history(d1).toString()).contains("dealstage changed to 'contractsent' by user 'u1'");
        assertThat(s.history(deal(CONTRACT_SENT, "d2")).toString())
                .contains("deal created in dealstage 'contractsent' by the API", "the record has no owner");
        assertThat(s.property("task", StepIds.task(d1, 1), "hs_task_subject")).isEqualTo("Chase the contract of Big deal");
        assertThat(s.details(CONTRACT_SENT).at("/counts/enrolled").asLong()).isEqualTo(2);
        assertThat(s.stack.mailbox().sent()).filteredOn(m -> m.to().contains(s.email("owner")))
                .extracting(SentMail::subject).containsExactly("Big deal: contract sent");

        // Out and back in: each entry runs the actions again.
        s.update("deal", "d1", Map.of("dealstage", "appointmentscheduled"));
        s.update("deal", "d1", Map.of("dealstage", "contractsent"));
        assertThat(s.api.get("/enrollments/" + d1 + "~2").json().get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    @DisplayName("R-PIPE-2 a stage's actions are added, edited, commented on and deleted (only this one / this and "
            + "all below), the stage's workflow switched off and on, and bad configuration refused when saved")
    void R_PIPE_2_actionsAreEditedCommentedDeleted_theWorkflowSwitched_badConfigurationRefused() {
        var s = new WorkflowScenario();
        s.api.put("/pipelines/deal/sales", SALES).expect(200);
        String stage = "/pipelines/deal/sales/stages/contractsent";
        s.api.post(stage + "/actions", "{\"type\": \"create_task\", \"id\": \"task\", \"subject\": \"Call\"}").expect(201);
        s.api.post(stage + "/actions", "{\"type\": \"set_property\", \"id\": \"amount\", \"property\": \"amount\","
                + " \"value\": \"1\"}").expect(201);
        s.api.post(stage + "/actions?after=task", "{\"type\": \"set_property\", \"id\": \"type\", \"property\":"
                + " \"dealtype\", \"value\": \"new\"}").expect(201);
        s.api.put(stage + "/actions/amount", "{\"type\": \"set_property\", \"id\": \"amount\", \"property\":"
                + " \"amount\", \"value\": \"100\"}").expect(200);
        s.api.as("u1").post(stage + "/actions/task/comments", "{\"text\": \"Due in two days?\"}").expect(201);

        JsonNode view = s.api.get("/pipelines/deal/sales/automation").json().at("/stages/1");
        assertThat(view.get("workflowId").asText()).isEqualTo(CONTRACT_SENT);
        assertThat(view.get("version").asLong()).as("a comment makes no version").isEqualTo(4);
        assertThat(view.get("actions").findValuesAsText("id")).containsExactly("task", "amount", "type");
        assertThat(view.at("/actions/0/next").asText()).isEqualTo("type");
        assertThat(view.at("/actions/2/next").asText()).isEqualTo("amount");
        assertThat(view.at("/actions/1/value").asText()).isEqualTo("100");
        assertThat(view.at("/comments/0/author").asText()).isEqualTo("u1");
        assertThat(view.at("/comments/0/text").asText()).isEqualTo("Due in two days?");

        s.api.delete(stage + "/actions/type?mode=only").expect(200);
        JsonNode afterOnly = s.api.get("/workflows/" + CONTRACT_SENT).json();
        assertThat(afterOnly.at("/actions/0/next").asText()).isEqualTo("amount");
        s.api.delete("/workflows/" + CONTRACT_SENT + "/actions/amount?mode=below").expect(200);
        assertThat(s.api.get("/workflows/" + CONTRACT_SENT).json().get("actions")).hasSize(1);

        s.api.patch(stage, "{\"enabled\": false}").expect(200);
        s.record("deal", "off", Map.of("dealname", "Off", "pipeline", "sales", "dealstage", "contractsent"));
        s.stack.drain();
        s.api.patch(stage, "{\"enabled\": true}").expect(200);
        s.record("deal", "on", Map.of("dealname", "On", "pipeline", "sales", "dealstage", "contractsent"));
        s.stack.drain();
        assertThat(s.api.get("/enrollments/" + deal(CONTRACT_SENT, "off")).status()).isEqualTo(404);
        assertThat(s.api.get("/enrollments/" + deal(CONTRACT_SENT, "on")).json().get("status").asText())
                .isEqualTo("COMPLETED");

        String task = "{\"actions\": [{\"type\": \"create_task\", \"id\": \"task\", \"subject\": \"Call\"}]}";
        s.api.put("/pipelines/deal/nope/stages/contractsent/actions", task).expect(404);
        assertThat(s.api.put("/pipelines/deal/sales/stages/nope/actions", task).expect(400).pointers()).containsExactly("/path/stageId");
        assertThat(s.api.put("/pipelines/contact/sales/stages/contractsent/actions", task).expect(400).pointers()).containsExactly("/path/type");
        JsonNode toAnotherStage = s.api.get("/workflows/" + CONTRACT_SENT).json();
        String edited = editable(toAnotherStage).replace("\"values\":[\"contractsent\"]", "\"values\":[\"closedwon\"]");
        Api.Answer refused = s.api.put("/workflows/" + CONTRACT_SENT, edited);
        assertThat(refused.expect(400).pointers()).containsExactly("/trigger/criteria");
        assertThat(refused.body()).contains("stage:deal:sales:closedwon");
    }

    @Test
    @DisplayName("R-PIPE-6 ticket stage actions send a notification, the editable 'ticket received' and 'ticket "
            + "closed' emails to each of the ticket's contacts once, or a custom email: transactional to any contact, "
            + "marketing only to marketing contacts")
    void R_PIPE_6_ticketStageEmails_toEachContactOnce_byTheSendRules() {
        var s = new WorkflowScenario();
        s.api.put("/pipelines/ticket/support", SUPPORT).expect(200);
        s.api.put("/users/agent", "{\"email\": \"" + s.email("agent") + "\"}").expect(200);
        s.api.put("/pipelines/ticket/support/stages/new/actions", """
                {"actions": [
                  {"type": "send_email", "id": "ack", "template": "ticket_received", "next": "tell"},
                  {"type": "notify", "id": "tell", "recipients": {"users": ["agent"]}, "channels": ["in_app"],
                   "subject": "New ticket: {{subject}}", "body": "Have a look."}]}""").expect(200);
        s.api.put("/email-templates/ticket_closed", "{\"subject\": \"Solved: {{ticket.subject}}\","
                + " \"body\": \"Bye {{contact.firstname|there}}.\"}").expect(200);
        s.api.put("/pipelines/ticket/support/stages/closed/actions", """
                {"actions": [
                  {"type": "send_email", "id": "bye", "template": "ticket_closed", "next": "survey"},
                  {"type": "send_email", "id": "survey", "kind": "marketing", "subject": "How did we do?",
                   "body": "Tell us, {{contact.firstname|friend}}."}]}""").expect(200);
        s.contact("ada", Map.of("firstname", "Ada"));
        s.contact("bob", Map.of("hs_marketable_status", "true"));
        // The ticket comes with its contacts, in one call: its creation's "ticket received" finds them.
        s.api.post("/records/ticket", """
                {"id": "t1", "properties": {"subject": "Printer on fire", "hs_pipeline": "support",
                                            "hs_pipeline_stage": "new"},
                 "associations": [{"objectType": "contact", "id": "ada"},
                                  {"objectType": "contact", "id": "bob", "label": "cc"}]}""").expect(201);
        s.stack.drain();
        s.update("ticket", "t1", Map.of("hs_pipeline_stage", "closed"));

        Map<String, List<SentMail>> mail = s.mailbox("ada", "bob");
        assertThat(mail.get("ada")).extracting(SentMail::subject)
                .containsExactlyInAnyOrder("We received your request: Printer on fire", "Solved: Printer on fire");
        assertThat(mail.get("bob")).extracting(SentMail::subject).containsExactlyInAnyOrder(
                "We received your request: Printer on fire", "Solved: Printer on fire", "How did we do?");
        assertThat(mail.get("ada")).allSatisfy(m -> assertThat(m.to()).containsExactly(s.email("ada")));
        assertThat(mail.get("ada")).filteredOn(m -> m.subject().startsWith("Solved")).singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo("Bye Ada."));
        assertThat(s.api.get("/users/agent/notifications").json().at("/items/0/subject").asText())
                .isEqualTo("New ticket: Printer on fire");
        assertThat(s.api.items("/email-templates")).extracting(t -> t.at("/template/id").asText() + " customized: "
                + t.get("customized").asText()).containsExactly("ticket_closed customized: true",
                "ticket_received customized: false");
        assertThat(s.history(Enrollment.idFor(StageWorkflows.idFor("ticket", "support", "closed"),
                new RecordRef("ticket", "t1"))).toString())
                .contains("marketing email sent to the ticket's contacts; not sent: ada is not a marketing contact");
    }

    @Test
    @DisplayName("R-PIPE-7 live chat and messenger tickets are left out of ticket automation unless the workflow's "
            + "criteria include source = chat")
    void R_PIPE_7_chatAndMessengerTickets_leftOut_unlessTheCriteriaAskForChat() {
        var s = new WorkflowScenario();
        s.api.put("/pipelines/ticket/support", SUPPORT).expect(200);
        s.api.put("/pipelines/ticket/support/stages/new/actions", "{\"actions\": [{\"type\": \"set_property\","
                + " \"id\": \"tag\", \"property\": \"hs_ticket_priority\", \"value\": \"HIGH\"}]}").expect(200);
        s.record("ticket", "chat", Map.of("hs_pipeline", "support", "hs_pipeline_stage", "new", "source_type", "CHAT"));
        s.record("ticket", "fb", Map.of("hs_pipeline", "support", "hs_pipeline_stage", "new", "source_type", "FB_MESSENGER"));
        s.record("ticket", "web", Map.of("hs_pipeline", "support", "hs_pipeline_stage", "new", "source_type", "FORM"));
        s.stack.drain();
        assertThat(s.property("ticket", "web", "hs_ticket_priority")).isEqualTo("HIGH");
        assertThat(s.property("ticket", "chat", "hs_ticket_priority")).isEmpty();
        assertThat(s.property("ticket", "fb", "hs_ticket_priority")).isEmpty();

        // Opened in the workflow editor, its criteria made to include chats as well.
        ObjectNode wf = (ObjectNode) s.api.get("/workflows/" + TICKET_NEW).json();
        ArrayNode groups = (ArrayNode) wf.at("/trigger/criteria/groups");
        ObjectNode chats = groups.get(0).deepCopy();
        ((ArrayNode) chats.get("conditions")).addObject().put("type", "property").put("property", "source_type")
                .put("operator", "eq").putArray("values").add("CHAT");
        groups.add(chats);
        String withChats = editable(wf);
        s.api.put("/workflows/" + TICKET_NEW, withChats).expect(200);
        s.record("ticket", "chat2", Map.of("hs_pipeline", "support", "hs_pipeline_stage", "new", "source_type", "CHAT"));
        s.record("ticket", "fb2", Map.of("hs_pipeline", "support", "hs_pipeline_stage", "new", "source_type", "FB_MESSENGER"));
        s.stack.drain();
        assertThat(s.property("ticket", "chat2", "hs_ticket_priority")).isEqualTo("HIGH");
        assertThat(s.property("ticket", "fb2", "hs_ticket_priority")).as("messenger is not chat").isEmpty();
    }
}
