package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.crmflow.model.Activity;
import io.crmflow.model.ActivityType;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.NotFoundException;
import io.crmflow.model.Origin;
import io.crmflow.model.Pipeline;
import io.crmflow.model.PipelineStage;
import io.crmflow.model.RecordRef;
import io.crmflow.model.StageChange;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.model.TicketEmailRules;
import io.crmflow.model.TicketEmailRules.StatusRule;
import io.crmflow.store.TransactionalWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("R-PIPE-3..5: a ticket's status set from the emails logged on it")
class TicketStatusFromEmailsTest {
    private static final String T = "acme";
    private static final String CREATION_THREAD = "th-created";
    private final EngineHarness h = new EngineHarness().withTenant(T);
    private final TicketEmailSettings settings = new TicketEmailSettings(h.engine.ports());
    private final RecordRef ticket = new RecordRef("ticket", "t1");

    TicketStatusFromEmailsTest() {
        h.engine.definitions().putPipeline(T, new Pipeline("support", "ticket", "Support", List.of(
                new PipelineStage("new", "New", true),
                new PipelineStage("waiting-on-contact", "Waiting on contact", true),
                new PipelineStage("waiting-on-us", "Waiting on us", true),
                new PipelineStage("closed", "Closed", false))));
        h.engine.definitions().putPipeline(T, new Pipeline("billing", "ticket", "Billing", List.of(
                new PipelineStage("b-open", "Open", true), new PipelineStage("b-done", "Done", false))));
    }

    // --- helpers

    private void rules(boolean sentOn, boolean replyOn) {
        settings.put(T, new TicketEmailRules("support", new StatusRule(sentOn, "waiting-on-contact"),
                new StatusRule(replyOn, "waiting-on-us")));
    }

    private void ticketIn(String status) {
        h.engine.records().create(T, "ticket", ticket.id(), Map.of("subject", "Printer on fire", "hs_pipeline", "support",
                "hs_pipeline_stage", status, StandardObjectTypes.TICKET_CREATION_THREAD, CREATION_THREAD),
                Origin.api(), h.now);
        h.pump();
    }

    private void byHand(String status) {
        h.now = h.now.plus(Duration.ofMinutes(1));
        h.engine.records().update(T, "ticket", ticket.id(), Map.of("hs_pipeline_stage", status), Origin.user("u1"), h.now);
        h.pump();
    }

    private CrmEvent.ActivityLogged log(RecordRef on, ActivityType type, Activity.ActorKind actor, String... attributes) {
        Map<String, String> attrs = new HashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            attrs.put(attributes[i], attributes[i + 1]);
        }
        h.now = h.now.plus(Duration.ofMinutes(1));
        var event = h.engine.records().logActivity(T, on, new Activity(type,
                new Activity.Actor(actor, actor == Activity.ActorKind.USER ? "u1" : "c1"), attrs), h.now, Origin.api());
        h.pump();
        assertThat(h.failures).isEmpty();
        return event;
    }

    /** A customer reply that happened at {@code at} and is handled only now, as a retried event is. */
    private void lateCustomerReply(String thread, java.time.Instant at) {
        h.now = h.now.plus(Duration.ofMinutes(1));
        h.engine.records().logActivity(T, ticket, new Activity(ActivityType.EMAIL_REPLIED,
                new Activity.Actor(Activity.ActorKind.RECORD, "c1"), Map.of("thread", thread)), at, Origin.api());
        h.pump();
        assertThat(h.failures).isEmpty();
    }

    /** A user emails the customer from the ticket, in a thread of its own. */
    private CrmEvent.ActivityLogged sentFromTicket() {
        return log(ticket, ActivityType.EMAIL_SENT, Activity.ActorKind.USER, "sentFrom", "ticket", "thread", "th-out");
    }

    private CrmEvent.ActivityLogged customerReply(String thread) {
        return log(ticket, ActivityType.EMAIL_REPLIED, Activity.ActorKind.RECORD, "thread", thread);
    }

    private String status() {
        return h.store.record(T, ticket).orElseThrow().property("hs_pipeline_stage").orElse(null);
    }

    private List<StageChange> history() {
        return h.store.view(T, ticket).orElseThrow().stageChanges();
    }

    private List<StageChange> byRule() {
        return history().stream().filter(c -> c.origin().kind() == Origin.Kind.TICKET_EMAIL_RULE).toList();
    }

    @Nested
    @DisplayName("R-PIPE-3 two rules, each only when it is on")
    class Rules {
        @Test
        void emailSentFromTheTicket_setsStatusA_keptInTheHistoryAsTheRuleOfThePipeline() {
            rules(true, false);
            ticketIn("new");

            sentFromTicket();

            assertThat(status()).isEqualTo("waiting-on-contact");
            assertThat(history()).last().extracting(StageChange::property, StageChange::from, StageChange::to,
                    StageChange::origin).containsExactly("hs_pipeline_stage", "new", "waiting-on-contact",
                    Origin.ticketEmailRule("support"));
            assertThat(h.published).filteredOn(e -> e instanceof CrmEvent.PropertiesChanged)
                    .as("workflows hear of the change, and of who made it").last()
                    .extracting(CrmEvent::origin).isEqualTo(Origin.ticketEmailRule("support"));
        }

        @Test
        void aUserReplyingFromTheTicket_isAnEmailSentToTheCustomer() {
            rules(true, false);
            ticketIn("new");

            log(ticket, ActivityType.EMAIL_REPLIED, Activity.ActorKind.USER, "sentFrom", "ticket", "thread", CREATION_THREAD);

            assertThat(status()).isEqualTo("waiting-on-contact");
        }

        @Test
        void customerReplyInTheCreationThread_setsStatusB() {
            rules(false, true);
            ticketIn("waiting-on-contact");

            customerReply(CREATION_THREAD);

            assertThat(status()).isEqualTo("waiting-on-us");
            assertThat(byRule()).singleElement().extracting(StageChange::to).isEqualTo("waiting-on-us");
        }

        @Test
        void eachRuleOff_changesNothing_whileTheOtherOneWorks() {
            rules(false, true);
            ticketIn("new");
            sentFromTicket();
            assertThat(status()).as("email-sent rule is off").isEqualTo("new");

            rules(true, false);
            customerReply(CREATION_THREAD);
            assertThat(status()).as("customer-replied rule is off").isEqualTo("new");

            sentFromTicket();
            assertThat(status()).isEqualTo("waiting-on-contact");
        }

        @Test
        void withNoRulesSaved_bothAreOff() {
            ticketIn("new");

            sentFromTicket();
            customerReply(CREATION_THREAD);

            assertThat(status()).isEqualTo("new");
            assertThat(byRule()).isEmpty();
        }

        @Test
        void aStatusAlreadySet_isNotWrittenAgain() {
            rules(true, false);
            ticketIn("waiting-on-contact");
            long version = h.store.record(T, ticket).orElseThrow().version();

            sentFromTicket();

            assertThat(h.store.record(T, ticket).orElseThrow().version()).isEqualTo(version);
            assertThat(byRule()).isEmpty();
        }

        @Test
        void aStatusThePipelineNoLongerHas_isNotSet() {
            rules(true, false);
            ticketIn("new");
            h.engine.definitions().putPipeline(T, new Pipeline("support", "ticket", "Support", List.of(
                    new PipelineStage("new", "New", true), new PipelineStage("closed", "Closed", false))));

            sentFromTicket();

            assertThat(status()).isEqualTo("new");
        }
    }

    @Nested
    @DisplayName("R-PIPE-3 exactly once per event")
    class ExactlyOnce {
        @Test
        void aRedeliveredEvent_neverSetsTheStatusAgain_afterSomeoneChangedIt() {
            rules(true, false);
            ticketIn("new");
            var email = sentFromTicket();
            byHand("waiting-on-us");

            h.events.add(email);
            h.pump();

            assertThat(h.failures).isEmpty();
            assertThat(status()).isEqualTo("waiting-on-us");
            assertThat(byRule()).hasSize(1);
        }

        @Test
        void aRedeliveredEventThatChangedNothing_stillChangesNothing_afterSomeoneMovedTheTicket() {
            rules(true, false);
            ticketIn("waiting-on-contact");
            var email = sentFromTicket();
            byHand("waiting-on-us");

            h.events.add(email);
            h.pump();

            assertThat(status()).isEqualTo("waiting-on-us");
            assertThat(byRule()).isEmpty();
        }

        @Test
        void aTicketChangedBetweenTheReadAndTheCommit_isReadAgain_andTheStatusSetOnce() {
            rules(true, false);
            ticketIn("new");
            var email = new CrmEvent.ActivityLogged("e-race", T, ticket, h.now, Origin.api(), new Activity(
                    ActivityType.EMAIL_SENT, new Activity.Actor(Activity.ActorKind.USER, "u1"),
                    Map.of("sentFrom", "ticket")));
            int[] commits = {0};
            TransactionalWriter racing = writes -> {
                if (commits[0]++ == 0) { // someone edits the ticket just before the rule commits
                    h.engine.records().update(T, "ticket", ticket.id(), Map.of("subject", "Printer still on fire"),
                            Origin.user("u2"), h.now);
                }
                h.store.commit(writes);
            };
            var automation = new TicketStatusFromEmails(h.portsWith(racing), EngineSettings.DEFAULTS);

            // As the trigger engine read it, before the edit: the retry reads the ticket again.
            automation.onEvent(email, h.store.view(T, ticket), h.now);

            assertThat(commits[0]).isEqualTo(2);
            assertThat(status()).isEqualTo("waiting-on-contact");
            assertThat(h.store.record(T, ticket).orElseThrow().property("subject")).contains("Printer still on fire");
            assertThat(byRule()).hasSize(1);
        }
    }

    @Nested
    @DisplayName("R-PIPE-4 never counted, whatever the settings")
    class NeverCounted {
        private void assertUnchanged() {
            assertThat(status()).isEqualTo("new");
            assertThat(byRule()).isEmpty();
        }

        @Test
        void aForwardedEmail() {
            rules(true, true);
            ticketIn("new");
            log(ticket, ActivityType.EMAIL_FORWARDED, Activity.ActorKind.USER, "sentFrom", "ticket",
                    "thread", CREATION_THREAD);
            log(ticket, ActivityType.EMAIL_SENT, Activity.ActorKind.USER, "sentFrom", "ticket", "forwarded", "true");
            assertUnchanged();
        }

        @Test
        void aReplyToAForwardedEmail() {
            rules(true, true);
            ticketIn("new");
            log(ticket, ActivityType.EMAIL_REPLIED, Activity.ActorKind.RECORD, "thread", CREATION_THREAD,
                    "forwarded", "true");
            assertUnchanged();
        }

        @Test
        void aReplyOfTheContactInAnotherThreadThanTheTicketsCreationThread() {
            rules(true, true);
            ticketIn("new");
            customerReply("th-other");
            log(ticket, ActivityType.EMAIL_REPLIED, Activity.ActorKind.RECORD); // names no thread
            assertUnchanged();
        }

        @Test
        void anEmailTheContactStarted() {
            rules(true, true);
            ticketIn("new");
            log(ticket, ActivityType.EMAIL_SENT, Activity.ActorKind.RECORD, "thread", CREATION_THREAD);
            assertUnchanged();
        }

        @Test
        void aReplySentFromAUsersPersonalInbox() {
            rules(true, true);
            ticketIn("new");
            log(ticket, ActivityType.EMAIL_REPLIED, Activity.ActorKind.USER, "sentFrom", "personal_inbox",
                    "thread", CREATION_THREAD);
            assertUnchanged();
        }

        @Test
        void anEmailSentFromTheContactsRecord_saidSoOnTheTicket_orLoggedOnTheContact() {
            rules(true, true);
            ticketIn("new");
            log(ticket, ActivityType.EMAIL_SENT, Activity.ActorKind.USER, "sentFrom", "contact_record");
            h.engine.records().create(T, "contact", "c1", Map.of("email", "c1@example.com"), Origin.api(), h.now);
            log(new RecordRef("contact", "c1"), ActivityType.EMAIL_SENT, Activity.ActorKind.USER, "sentFrom", "ticket");
            assertUnchanged();
        }

        @Test
        void aUsersEmailThatDoesNotSayItWasSentFromTheTicket() {
            rules(true, true);
            ticketIn("new");
            log(ticket, ActivityType.EMAIL_SENT, Activity.ActorKind.USER, "thread", "th-x");
            assertUnchanged();
        }

        @Test
        void evenOnAClosedTicket_aForwardedReplyDoesNotReopenIt() {
            ticketIn("closed");
            log(ticket, ActivityType.EMAIL_REPLIED, Activity.ActorKind.RECORD, "thread", CREATION_THREAD,
                    "forwarded", "true");
            assertThat(status()).isEqualTo("closed");
        }
    }

    @Nested
    @DisplayName("R-PIPE-5 a closed ticket reopened by a customer reply; once reopened, any thread counts")
    class Reopening {
        @Test
        void aCustomerReplyOnAClosedTicket_movesItToTheFirstOpenStatus_withBothRulesOff() {
            rules(false, false);
            ticketIn("closed");

            customerReply("th-any");

            assertThat(status()).isEqualTo("new");
            assertThat(byRule()).singleElement().extracting(StageChange::from, StageChange::to)
                    .containsExactly("closed", "new");
        }

        @Test
        void aCustomerReplyInAnyOfItsThreads_reopensAClosedTicket_notOnlyInTheCreationThread() {
            rules(false, false);
            ticketIn("closed");

            customerReply("th-other");

            assertThat(status()).isEqualTo("new");
        }

        @Test
        void aCustomerReplyNamingNoThread_doesNotReopenAClosedTicket() {
            rules(true, true);
            ticketIn("closed");

            log(ticket, ActivityType.EMAIL_REPLIED, Activity.ActorKind.RECORD);

            assertThat(status()).isEqualTo("closed");
            assertThat(byRule()).isEmpty();
        }

        @Test
        void withTheReplyRuleOn_aClosedTicketStillGoesToTheFirstOpenStatus() {
            rules(true, true);
            ticketIn("closed");

            customerReply(CREATION_THREAD);

            assertThat(status()).isEqualTo("new");
        }

        @Test
        void anEmailSentToTheCustomerOnAClosedTicket_isTheEmailSentRule_notAReopening() {
            rules(false, false);
            ticketIn("closed");

            sentFromTicket();

            assertThat(status()).isEqualTo("closed");
        }

        @Test
        void onceReopenedByTheRule_aReplyInANewThreadCountsForTheReplyRule() {
            rules(false, true);
            ticketIn("closed");
            customerReply("th-1");
            assertThat(status()).isEqualTo("new");

            customerReply("th-2");

            assertThat(status()).isEqualTo("waiting-on-us");
            assertThat(byRule()).extracting(StageChange::from, StageChange::to)
                    .containsExactly(tuple("closed", "new"), tuple("new", "waiting-on-us"));
        }

        @Test
        void onceReopenedByHand_aReplyInANewThreadCounts_andBeforeItDidNot() {
            rules(false, true);
            ticketIn("new");
            customerReply("th-new");
            assertThat(status()).as("never reopened: only the creation thread counts").isEqualTo("new");

            byHand("closed");
            byHand("waiting-on-contact");
            customerReply("th-new");

            assertThat(status()).isEqualTo("waiting-on-us");
        }

        @Test
        void aTicketOnlyEverOpen_orOnlyClosed_wasNotReopened() {
            Pipeline support = h.store.pipeline(T, "ticket", "support").orElseThrow();
            StageChange opened = new StageChange("hs_pipeline_stage", "new", "waiting-on-us", h.now, Origin.api(), "e1",
                    2);
            StageChange closed = new StageChange("hs_pipeline_stage", "waiting-on-us", "closed", h.now, Origin.api(), "e2",
                    3);
            StageChange reopened = new StageChange("hs_pipeline_stage", "closed", "new", h.now, Origin.api(), "e3",
                    4);
            StageChange otherProperty = new StageChange("hs_pipeline", "closed", "new", h.now, Origin.api(), "e4",
                    5);

            assertThat(TicketStatusDecision.wasReopened(support, List.of(opened, closed))).isFalse();
            assertThat(TicketStatusDecision.wasReopened(support, List.of(otherProperty))).isFalse();
            assertThat(TicketStatusDecision.wasReopened(support, List.of(opened, closed, reopened))).isTrue();
        }
    }

    @Nested
    @DisplayName("R-PIPE-3..5 emails count in the order they happened, not the order they arrive")
    class Order {
        @Test
        void aCustomerReplyDeliveredLate_doesNotUndoANewerStatusSetByHand() {
            rules(false, true);
            ticketIn("new");
            java.time.Instant replied = h.now.plus(Duration.ofSeconds(30));
            byHand("waiting-on-contact"); // a minute after the ticket, so after the reply

            lateCustomerReply(CREATION_THREAD, replied);

            assertThat(status()).isEqualTo("waiting-on-contact");
            assertThat(byRule()).isEmpty();
        }

        @Test
        void aCustomerReplyDeliveredLate_doesNotReopenATicketClosedAfterIt() {
            rules(false, false);
            ticketIn("waiting-on-us");
            java.time.Instant replied = h.now.plus(Duration.ofSeconds(30));
            byHand("closed");

            lateCustomerReply("th-any", replied);

            assertThat(status()).isEqualTo("closed");
        }

        @Test
        void anEmailDeliveredLate_stillCounts_whenNoStatusChangedSinceItHappened() {
            rules(false, true);
            ticketIn("new");
            java.time.Instant replied = h.now.plus(Duration.ofSeconds(30));

            lateCustomerReply(CREATION_THREAD, replied);

            assertThat(status()).isEqualTo("waiting-on-us");
        }
    }

    @Nested
    @DisplayName("R-PIPE-3 the settings, checked when saved")
    class Settings {
        @Test
        void savedRules_areReadBack_andAPipelineWithoutRulesHasBothOff() {
            rules(true, false);

            assertThat(settings.get(T, "support").emailSentToCustomer()).isEqualTo(new StatusRule(true, "waiting-on-contact"));
            assertThat(settings.get(T, "billing")).isEqualTo(TicketEmailRules.off("billing"));
        }

        @Test
        void aPipelineThatIsNotATicketPipeline_isRefused() {
            assertThatThrownBy(() -> settings.put(T, new TicketEmailRules("lead-pipeline", StatusRule.OFF, StatusRule.OFF)))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("ticket pipeline 'lead-pipeline' does not exist");
            assertThatThrownBy(() -> settings.get(T, "nope")).isInstanceOf(NotFoundException.class);
        }

        @Test
        void statusesFromAnotherPipeline_areRefused_eachWhereItIs_andNothingIsWritten() {
            assertThatThrownBy(() -> settings.put(T, new TicketEmailRules("support", new StatusRule(true, "b-open"),
                    new StatusRule(false, "b-done"))))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.problems()).extracting(InputProblem::pointer)
                                .containsExactly("/emailSentToCustomer/status", "/customerReplied/status");
                        assertThat(e.getMessage()).contains("status 'b-open' is not in ticket pipeline 'support'");
                    });
            assertThat(h.store.ticketEmailRules(T, "support")).isEmpty();
        }

        @Test
        void aRuleSwitchedOnWithoutAStatus_isRefused() {
            assertThatThrownBy(() -> new StatusRule(true, null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("needs the status");
        }
    }
}
