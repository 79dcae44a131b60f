package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.definition.Action;
import io.crmflow.definition.EmailTemplate;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.Condition;
import io.crmflow.filter.Filter;
import io.crmflow.filter.Operator;
import io.crmflow.model.Association;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.Origin;
import io.crmflow.model.Pipeline;
import io.crmflow.model.PipelineStage;
import io.crmflow.model.RecordRef;
import io.crmflow.outbound.EmailThrottledException;
import io.crmflow.outbound.OutgoingEmail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Ticket stage emails and chats (R-PIPE-6, R-PIPE-7)")
class TicketStageEmailsTest {
    private final EngineHarness h = new EngineHarness().withTenant("acme");
    private final StageAutomation stages = new StageAutomation(h.engine.ports(), h.engine.definitions());

    TicketStageEmailsTest() {
        h.engine.definitions().putPipeline("acme", new Pipeline("support", "ticket", "Support", List.of(
                new PipelineStage("new", "New", true), new PipelineStage("waiting", "Waiting on contact", true),
                new PipelineStage("closed", "Closed", false))));
        h.engine.records().create("acme", "contact", "ada", Map.of("email", "ada@example.com", "firstname", "Ada"),
                Origin.api(), h.now);
        h.engine.records().create("acme", "contact", "bob", Map.of("email", "bob@example.com",
                "hs_marketable_status", "true"), Origin.api(), h.now);
        h.engine.records().create("acme", "contact", "cy", Map.of("firstname", "Cy"), Origin.api(), h.now);
        h.pump();
    }

    /**
     * A ticket of the support pipeline created with its three contacts, in one commit as a ticket
     * should be; its events are handled.
     */
    private void ticket(String id, String stage, Map<String, String> more) {
        var props = new java.util.HashMap<>(Map.of("subject", "Printer on fire", "hs_pipeline", "support",
                "hs_pipeline_stage", stage));
        props.putAll(more);
        h.engine.records().create("acme", "ticket", id, props, List.of("ada", "bob", "cy").stream()
                .map(c -> new RecordService.NewAssociation("contact", c, null)).toList(), Origin.api(), h.now);
        h.pump();
    }

    @Test
    @DisplayName("R-PIPE-6 \"ticket received\" reaches the contacts the ticket was created with")
    void ticketReceived_reachesTheContactsTheTicketWasCreatedWith_evenWhenItsCreationIsHandledAtOnce() {
        stages.setActions("acme", "ticket", "support", "new", null,
                List.of(new Action.SendEmail("ack", null, null, null, null, null, EmailTemplate.TICKET_RECEIVED)));
        h.engine.records().create("acme", "ticket", "late", Map.of("subject", "Late", "hs_pipeline", "support",
                "hs_pipeline_stage", "new"), Origin.api(), h.now);
        h.pump(); // the creation is handled before anyone associates a contact: nobody to write to
        h.engine.records().associate("acme", new Association(new RecordRef("ticket", "late"),
                new RecordRef("contact", "ada"), ""));
        h.pump();
        assertThat(recipients()).isEmpty();

        h.engine.records().create("acme", "ticket", "t1", Map.of("subject", "On time", "hs_pipeline", "support",
                "hs_pipeline_stage", "new"), List.of(new RecordService.NewAssociation("contact", "ada", "requester")),
                Origin.api(), h.now);
        h.pump();

        assertThat(recipients()).containsExactly("ada@example.com");
        assertThat(h.store.view("acme", new RecordRef("ticket", "t1")).orElseThrow().associations())
                .containsExactly(new Association(new RecordRef("ticket", "t1"), new RecordRef("contact", "ada"),
                        "requester"));
    }

    private List<String> recipients() {
        return h.sent.stream().map(OutgoingEmail::to).toList();
    }

    @Test
    @DisplayName("R-PIPE-6 \"ticket received\" goes to each contact with an address, in its own email")
    void ticketReceived_goesToEachContactWithAnAddress_inItsOwnEmail_withTheTicketAndContactTokens() {
        stages.setActions("acme", "ticket", "support", "new", null,
                List.of(new Action.SendEmail("ack", null, null, null, null, null, EmailTemplate.TICKET_RECEIVED)));
        ticket("t1", "new", Map.of());

        assertThat(recipients()).containsExactly("ada@example.com", "bob@example.com");
        assertThat(h.sent.get(0).subject()).isEqualTo("We received your request: Printer on fire");
        assertThat(h.sent.get(0).textBody()).startsWith("Hello Ada,").contains("(ticket t1)");
        assertThat(h.sent.get(1).textBody()).startsWith("Hello there,");
        String line = h.store.history("acme", StageWorkflows.idFor("ticket", "support", "new") + "~ticket~t1", null, 10)
                .items().stream().filter(l -> "ack".equals(l.actionId())).findFirst().orElseThrow().detail();
        assertThat(line).contains("'Ticket received' email sent to the ticket's contacts")
                .contains("cy has no email address").contains("ada: message id msg-1").contains("bob: message id msg-2");
    }

    @Test
    @DisplayName("R-PIPE-6 a step stopped after its first contact sends only to the rest when run again")
    void aStepStoppedAfterItsFirstContact_sendsOnlyTheRestWhenItRunsAgain_exactlyOncePerContact() {
        stages.setActions("acme", "ticket", "support", "new", null,
                List.of(new Action.SendEmail("ack", null, null, null, null, null, EmailTemplate.TICKET_RECEIVED)));
        // The provider throttles the second email: the first is sent and done, the step fails.
        h.whileSending = () -> h.whileSending = () -> h.mailFailure = new EmailThrottledException("slow down");
        ticket("t1", "new", Map.of());
        assertThat(recipients()).containsExactly("ada@example.com");
        assertThat(h.failures).hasSize(1);

        h.mailFailure = null;
        h.advance(Duration.ofMinutes(6)); // the sweeper sends the step again
        h.advance(Duration.ofMinutes(6)); // and again: nothing more goes out
        assertThat(recipients()).containsExactly("ada@example.com", "bob@example.com");
    }

    @Test
    @DisplayName("R-PIPE-6 a marketing email reaches only marketing contacts, a transactional one any contact")
    void aCustomMarketingEmail_reachesOnlyMarketingContacts_aTransactionalOneAnyContact() {
        stages.setActions("acme", "ticket", "support", "waiting", null, List.of(
                new Action.SendEmail("news", Action.EmailKind.MARKETING, null, "News", "Hi {{contact.firstname|you}}",
                        "note"),
                new Action.SendEmail("note", Action.EmailKind.TRANSACTIONAL, null, "About {{subject}}", "We wait.",
                        null)));
        ticket("t1", "waiting", Map.of());

        assertThat(h.sent).extracting(OutgoingEmail::to, OutgoingEmail::subject).containsExactly(
                Assertions.tuple("bob@example.com", "News"),
                Assertions.tuple("ada@example.com", "About Printer on fire"),
                Assertions.tuple("bob@example.com", "About Printer on fire"));
    }

    @Test
    @DisplayName("R-PIPE-6 the tenant's edited template is what the next send uses")
    void theTenantsEditedTemplate_isWhatTheNextSendUses() {
        var templates = new EmailTemplates(h.engine.ports());
        stages.setActions("acme", "ticket", "support", "closed", null,
                List.of(new Action.SendEmail("bye", null, null, null, null, null, EmailTemplate.TICKET_CLOSED)));
        templates.put("acme", EmailTemplate.TICKET_CLOSED, "Done: {{subject}}", "Bye {{contact.firstname|}}");
        ticket("t1", "closed", Map.of());

        assertThat(h.sent.get(0).subject()).isEqualTo("Done: Printer on fire");
        assertThat(h.sent.get(0).textBody()).isEqualTo("Bye Ada");
        assertThat(templates.get("acme", EmailTemplate.TICKET_CLOSED).customized()).isTrue();
        assertThat(templates.get("acme", EmailTemplate.TICKET_RECEIVED).customized()).isFalse();
    }

    @Test
    @DisplayName("R-PIPE-6 a template is refused outside tickets, and with a text of its own")
    void aTemplate_isRefusedOutsideTickets_andWithATextOfItsOwn() {
        h.engine.definitions().putPipeline("acme", new Pipeline("sales", "deal", "Sales", List.of(
                new PipelineStage("won", "Won", false))));
        Assertions.assertThatThrownBy(() -> stages.setActions("acme", "deal", "sales", "won", null,
                        List.of(new Action.SendEmail("ack", null, null, null, null, null, EmailTemplate.TICKET_RECEIVED))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("/actions/0/template");
        Assertions.assertThatThrownBy(() -> stages.setActions("acme", "ticket", "support", "new", null,
                        List.of(new Action.SendEmail("ack", Action.EmailKind.MARKETING, null, "Hi", null, null,
                                EmailTemplate.TICKET_RECEIVED))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("/actions/0/kind")
                .hasMessageContaining("/actions/0/subject");
    }

    @Test
    @DisplayName("R-PIPE-7 chat and messenger tickets are left out of ticket workflows unless asked for")
    void chatAndMessengerTickets_areLeftOutOfTicketWorkflows_unlessTheCriteriaAskForTheirSource() {
        stages.setActions("acme", "ticket", "support", "new", null,
                List.of(new Action.SendEmail("ack", null, null, null, null, null, EmailTemplate.TICKET_RECEIVED)));
        var isNew = new Condition.OnProperty("hs_pipeline_stage", Operator.EQ, List.of("new"));
        h.engine.definitions().saveWorkflow(ticketWorkflow("any-new", Filter.allOf(isNew)));
        h.engine.definitions().saveWorkflow(ticketWorkflow("chats", Filter.allOf(isNew,
                new Condition.OnProperty("source_type", Operator.EQ, List.of("CHAT")))));

        ticket("chat", "new", Map.of("source_type", "CHAT"));
        ticket("fb", "new", Map.of("source_type", "FB_MESSENGER"));
        ticket("mail", "new", Map.of("source_type", "EMAIL"));

        assertThat(enrolled(StageWorkflows.idFor("ticket", "support", "new"))).containsExactly("mail");
        assertThat(enrolled("any-new")).containsExactly("mail");
        assertThat(enrolled("chats")).containsExactly("chat");
    }

    @Test
    @DisplayName("R-PIPE-7 with R-WF-8: chat and messenger tickets stay out of a backfill unless asked for")
    void chatAndMessengerTickets_stayOutOfABackfillOnActivation_unlessTheCriteriaAskForTheirSource() {
        ticket("chat", "new", Map.of("source_type", "CHAT"));
        ticket("fb", "new", Map.of("source_type", "FB_MESSENGER"));
        ticket("mail", "new", Map.of("source_type", "EMAIL"));
        var isNew = new Condition.OnProperty("hs_pipeline_stage", Operator.EQ, List.of("new"));
        h.engine.definitions().saveWorkflow(ticketWorkflow("any-new", Filter.allOf(isNew)).withEnabled(false));
        h.engine.definitions().saveWorkflow(ticketWorkflow("chats", Filter.allOf(isNew,
                new Condition.OnProperty("source_type", Operator.EQ, List.of("CHAT")))).withEnabled(false));

        h.engine.backfills().activate("acme", "any-new", true, h.now);
        h.engine.backfills().activate("acme", "chats", true, h.now);
        while (!h.pages.isEmpty()) {
            h.engine.backfills().runPage(h.pages.poll(), h.now);
        }
        h.pump();

        assertThat(enrolled("any-new")).containsExactly("mail");
        assertThat(enrolled("chats")).containsExactly("chat");
    }

    private static WorkflowDefinition ticketWorkflow(String id, Filter criteria) {
        return new WorkflowDefinition("acme", id, null, "ticket", 0, true, new EnrollmentTrigger(criteria), "tag",
                List.of(new Action.SetProperty("tag", "hs_ticket_priority", "HIGH", null)));
    }

    private List<String> enrolled(String workflowId) {
        return h.store.enrollmentsOf("acme", workflowId, null, 50).items().stream().map(e -> e.record().id()).sorted()
                .toList();
    }
}
