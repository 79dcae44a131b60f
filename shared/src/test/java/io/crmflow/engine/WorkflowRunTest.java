package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.filter.Filter;
import io.crmflow.filter.Filters;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-WF-2, R-WF-3, R-WF-4, R-WF-10, R-RUN-5: a workflow from trigger to last action")
class WorkflowRunTest {
    private final EngineHarness h = new EngineHarness().withTenant("acme");

    private WorkflowDefinition customerWelcome() {
        return h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "welcome", "Customer welcome", "contact", 0,
                true, new EnrollmentTrigger(Filter.anyOf(Filters.allOf(Filters.where("lifecyclestage").equalTo("customer")))),
                "set", List.of(
                        new Action.SetProperty("set", "jobtitle", "Customer", "task"),
                        new Action.CreateTask("task", "Call {{firstname}}", "Say thanks", Duration.ofDays(1), "wait"),
                        new Action.Delay("wait", Duration.ofDays(1), "mail"),
                        new Action.SendEmail("mail", Action.EmailKind.TRANSACTIONAL, "hello@acme.test",
                                "Welcome, {{firstname|friend}}", "Glad to have you.", null))));
    }

    private CrmRecord ada() {
        return h.engine.records().create("acme", "contact", "c1",
                Map.of("email", "ada@example.com", "firstname", "Ada", "lifecyclestage", "lead"), Origin.api(), h.now);
    }

    /** The welcome workflow saved, Ada enrolled and waiting out the one-day delay before the email. */
    private void customerWaitingForTheEmail() {
        customerWelcome();
        ada();
        becomeCustomer();
        h.pump();
    }

    private void becomeCustomer() {
        h.engine.records().update("acme", "contact", "c1", Map.of("lifecyclestage", "customer"), Origin.api(), h.now);
    }

    @Test
    void customer_runsEveryActionInOrder_andSendsOneEmailAfterTheDelay() {
        customerWelcome();
        ada();
        h.pump();
        assertThat(h.store.enrollmentOf("acme", "welcome", new RecordRef("contact", "c1"))).isEmpty();

        becomeCustomer();
        h.pump();
        Enrollment waiting = h.store.enrollmentOf("acme", "welcome", new RecordRef("contact", "c1")).orElseThrow();
        assertThat(waiting.status()).isEqualTo(EnrollmentStatus.WAITING);
        assertThat(h.engine.records().get("acme", new RecordRef("contact", "c1")).property("jobtitle")).contains("Customer");
        assertThat(h.store.recordsOfType("acme", "task", null, 10).items()).singleElement()
                .satisfies(t -> assertThat(t.property("hs_task_subject")).contains("Call Ada"));
        assertThat(h.sent).isEmpty();

        h.advance(Duration.ofHours(23));
        assertThat(h.sent).isEmpty();
        h.advance(Duration.ofHours(1));
        assertThat(h.sent).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("ada@example.com");
            assertThat(m.subject()).isEqualTo("Welcome, Ada");
        });
        Enrollment done = h.store.enrollment("acme", waiting.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(WorkflowCounters.summary(h.store.counters("acme", "welcome")))
                .containsEntry("enrolled", 1L).containsEntry("completed", 1L).containsEntry("active", 0L);
        assertThat(h.store.history("acme", done.id(), null, 50).items()).extracting(HistoryEntry::kind).containsExactly(
                Kind.COMPLETED, Kind.ACTION_EXECUTED, Kind.WAIT_ENDED, Kind.WAIT_STARTED, Kind.ACTION_EXECUTED,
                Kind.ACTION_EXECUTED, Kind.ENROLLED);
    }

    @Test
    void redeliveredStepMessage_sendsNoSecondEmail() {
        customerWaitingForTheEmail();
        h.now = h.now.plus(Duration.ofDays(1));
        Enrollment due = h.store.enrollmentOf("acme", "welcome", new RecordRef("contact", "c1")).orElseThrow();

        StepMessage message = due.stepMessage();
        assertThat(h.engine.step().run(message, h.now)).isEqualTo(StepOutcome.EXECUTED);
        assertThat(h.engine.step().run(message, h.now)).isEqualTo(StepOutcome.STALE);
        assertThat(h.sent).hasSize(1);
        assertThat(h.store.counters("acme", "welcome")).containsEntry("completed", 1L);
    }

    @Test
    void stepCrashedAfterSendingBeforeCommit_retryCommitsWithoutSendingAgain() {
        customerWaitingForTheEmail();
        h.now = h.now.plus(Duration.ofDays(1));
        Enrollment due = h.store.enrollmentOf("acme", "welcome", new RecordRef("contact", "c1")).orElseThrow();
        // The effect is made and recorded, then the process dies before the enrollment commit.
        h.store.claim("acme", due.id() + "#" + due.seq(), h.now, h.now.plusSeconds(120));
        h.store.complete("acme", due.id() + "#" + due.seq(), "msg-earlier");

        assertThat(h.engine.step().run(due.stepMessage(), h.now)).isEqualTo(StepOutcome.EXECUTED);
        assertThat(h.sent).isEmpty();
        assertThat(h.store.history("acme", due.id(), null, 1).items().get(0).kind()).isEqualTo(Kind.COMPLETED);
        assertThat(h.store.history("acme", due.id(), null, 2).items().get(1).detail()).contains("msg-earlier");
    }

    @Test
    void emailRefusedByTheProvider_isRecordedAsSkippedAndTheEnrollmentCompletes() {
        customerWaitingForTheEmail();
        h.mailFailure = new io.crmflow.outbound.EmailRejectedException("MessageRejectedException: address blacklisted");
        h.advance(Duration.ofDays(1));

        Enrollment done = h.store.enrollmentOf("acme", "welcome", new RecordRef("contact", "c1")).orElseThrow();
        assertThat(done.status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(h.store.history("acme", done.id(), null, 2).items().get(1)).satisfies(line -> {
            assertThat(line.kind()).isEqualTo(Kind.ACTION_SKIPPED);
            assertThat(line.detail()).contains("address blacklisted");
        });
    }

    @Test
    void sendTimedOut_keepsTheClaimSoAnImmediateRetryDoesNotSendAgain() {
        customerWaitingForTheEmail();
        h.now = h.now.plus(Duration.ofDays(1));
        Enrollment due = h.store.enrollmentOf("acme", "welcome", new RecordRef("contact", "c1")).orElseThrow();
        h.mailFailure = new IllegalStateException("read timed out");
        assertThatThrownBy(() -> h.engine.step().run(due.stepMessage(), h.now)).hasMessageContaining("timed out");

        h.mailFailure = null;
        assertThatThrownBy(() -> h.engine.step().run(due.stepMessage(), h.now.plusSeconds(30)))
                .hasMessageContaining("claimed by another attempt");
        assertThat(h.sent).isEmpty();
        // After the claim expires the step may send: at most one email per step, at least once.
        assertThat(h.engine.step().run(due.stepMessage(), h.now.plusSeconds(180))).isEqualTo(StepOutcome.EXECUTED);
        assertThat(h.sent).hasSize(1);
    }

    @Test
    void stepThatNeverSucceeds_isGivenUpAfterThreeDeadLetteredMessages() {
        customerWaitingForTheEmail();
        h.mailFailure = new io.crmflow.outbound.EmailThrottledException("TooManyRequestsException: slow down");
        h.advance(Duration.ofDays(1));
        Enrollment stuck = h.store.enrollmentOf("acme", "welcome", new RecordRef("contact", "c1")).orElseThrow();
        for (int hour = 0; hour < 12 && !h.store.enrollment("acme", stuck.id()).orElseThrow().status().terminal(); hour++) {
            h.advance(Duration.ofHours(1));
        }
        Enrollment failed = h.store.enrollment("acme", stuck.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(EnrollmentStatus.FAILED);
        assertThat(h.store.history("acme", failed.id(), null, 1).items().get(0).detail())
                .contains("failed 3 times");
        assertThat(h.failures).hasSize(3);
        assertThat(h.store.counters("acme", "welcome")).containsEntry("failed", 1L);
        assertThat(h.sent).isEmpty();
    }

    @Test
    @DisplayName("R-OBJ-7 joining a static list is an event: a workflow on that list enrolls at once")
    void joiningAStaticList_enrollsInAWorkflowWhoseCriteriaNameTheList() {
        h.engine.definitions().putList("acme", new io.crmflow.definition.CrmList("vip", "VIP", "contact",
                io.crmflow.model.ListKind.STATIC, null));
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "vip-welcome", null, "contact", 0, true,
                new EnrollmentTrigger(Filter.anyOf(Filters.allOf(Filters.inList("vip")))), "tag",
                List.of(new Action.SetProperty("tag", "jobtitle", "VIP", null))));
        ada();
        h.pump();
        assertThat(h.store.enrollmentOf("acme", "vip-welcome", new RecordRef("contact", "c1"))).isEmpty();

        h.engine.definitions().setListMembership("acme", "vip", new RecordRef("contact", "c1"), true, h.now);
        h.pump();

        assertThat(h.store.enrollmentOf("acme", "vip-welcome", new RecordRef("contact", "c1")).orElseThrow().status())
                .isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(h.engine.records().get("acme", new RecordRef("contact", "c1")).property("jobtitle")).contains("VIP");
    }

    @Test
    void slowQueue_stepNeverArrivingForHours_isResentAtGrowingGapsButNeverGivenUp() {
        customerWaitingForTheEmail();
        h.now = h.now.plus(Duration.ofDays(1));
        Enrollment due = h.store.enrollmentOf("acme", "welcome", new RecordRef("contact", "c1")).orElseThrow();
        List<java.time.Instant> resentAt = new java.util.ArrayList<>();
        for (int minute = 0; minute < 12 * 60; minute++) {
            h.now = h.now.plus(Duration.ofMinutes(1));
            h.engine.sweeper().sweep(h.now);
            if (!h.steps.isEmpty()) {
                resentAt.add(h.now);
                h.steps.clear(); // the backlog swallows it: it neither runs nor fails
            }
        }
        assertThat(h.store.enrollment("acme", due.id()).orElseThrow().status()).isEqualTo(EnrollmentStatus.WAITING);
        assertThat(resentAt).hasSizeBetween(12, 18);
        assertThat(Duration.between(resentAt.get(resentAt.size() - 2), resentAt.get(resentAt.size() - 1)))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void failingStepOfASwitchedOffWorkflow_isHeldNotGivenUp() {
        customerWaitingForTheEmail();
        h.mailFailure = new io.crmflow.outbound.EmailThrottledException("TooManyRequestsException: slow down");
        h.advance(Duration.ofDays(1));
        h.advance(Duration.ofMinutes(5));
        h.advance(Duration.ofMinutes(10));
        h.engine.definitions().setWorkflowEnabled("acme", "welcome", false);
        h.advance(Duration.ofMinutes(20));
        Enrollment held = h.store.enrollmentOf("acme", "welcome", new RecordRef("contact", "c1")).orElseThrow();
        assertThat(held.status()).isEqualTo(EnrollmentStatus.WAITING);
        h.mailFailure = null;
        h.engine.definitions().setWorkflowEnabled("acme", "welcome", true);
        h.advance(Duration.ofMinutes(15));
        assertThat(h.sent).hasSize(1);
    }

    @Test
    void earlyTimerMessage_isIgnoredUntilTheWaitEnds() {
        customerWaitingForTheEmail();
        Enrollment waiting = h.store.enrollmentOf("acme", "welcome", new RecordRef("contact", "c1")).orElseThrow();
        assertThat(h.engine.step().run(waiting.stepMessage(), h.now.plus(Duration.ofHours(2)))).isEqualTo(StepOutcome.NOT_DUE);
        assertThat(h.store.enrollment("acme", waiting.id()).orElseThrow().seq()).isEqualTo(waiting.seq());
    }

    @Test
    void redeliveredTriggerEvent_enrollsOnce_andLaterEventsDoNotReEnroll() {
        customerWelcome();
        ada();
        becomeCustomer();
        CrmEvent change = h.events.peekLast();
        h.pump();
        assertThat(h.engine.trigger().onEvent(change, h.now).enrolled()).isEmpty();
        h.engine.records().update("acme", "contact", "c1", Map.of("firstname", "Ada L."), Origin.api(), h.now);
        h.pump();
        assertThat(h.store.enrollmentsOf("acme", "welcome", null, 10).items()).hasSize(1);
    }

    @Test
    void lostStepMessage_isSentAgainByTheSweeperAfterTheWatchdog() {
        customerWelcome();
        ada();
        becomeCustomer();
        java.util.List.copyOf(h.events).forEach(e -> h.engine.trigger().onEvent(e, h.now));
        h.events.clear();
        h.steps.clear(); // the first step message never arrives
        Enrollment stuck = h.store.enrollmentOf("acme", "welcome", new RecordRef("contact", "c1")).orElseThrow();
        assertThat(stuck.status()).isEqualTo(EnrollmentStatus.ACTIVE);

        h.advance(Duration.ofMinutes(5));
        assertThat(h.store.enrollment("acme", stuck.id()).orElseThrow().status()).isEqualTo(EnrollmentStatus.WAITING);
    }

    @Test
    void busDownAfterCommit_eventStaysInOutbox_andTheSweeperPublishesIt() {
        customerWelcome();
        ada();
        h.pump();
        h.busDown = true;
        becomeCustomer();
        assertThat(h.events).isEmpty();
        h.busDown = false;
        h.advance(Duration.ofMinutes(5));
        assertThat(h.store.enrollmentOf("acme", "welcome", new RecordRef("contact", "c1"))).isPresent();
    }

    @Test
    void disabledWorkflow_holdsItsStepsUntilSwitchedOn() {
        customerWaitingForTheEmail();
        h.engine.definitions().setWorkflowEnabled("acme", "welcome", false);
        h.advance(Duration.ofDays(1));
        assertThat(h.sent).isEmpty();
        h.engine.definitions().setWorkflowEnabled("acme", "welcome", true);
        h.advance(Duration.ofMinutes(15));
        assertThat(h.sent).hasSize(1);
    }

    @Test
    void eventForUnknownTenantOrRecord_isRefusedAsInvalid() {
        var ghost = new CrmEvent.RecordCreated("e1", "ghost", new RecordRef("contact", "c1"), h.now, Origin.api());
        assertThatThrownBy(() -> h.engine.trigger().onEvent(ghost, h.now))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("tenant 'ghost'");
        var missing = new CrmEvent.RecordCreated("e2", "acme", new RecordRef("contact", "nobody"), h.now, Origin.api());
        assertThatThrownBy(() -> h.engine.trigger().onEvent(missing, h.now))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("contact/nobody");
        var oddType = new CrmEvent.RecordCreated("e3", "acme", new RecordRef("spaceship", "s1"), h.now, Origin.api());
        assertThatThrownBy(() -> h.engine.trigger().onEvent(oddType, h.now))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("object type 'spaceship'");
    }

    @Test
    void propertyOfWrongType_isRefusedWithEveryProblemAndNothingWritten() {
        assertThatThrownBy(() -> h.engine.records().create("acme", "contact", "c9",
                Map.of("hs_marketable_status", "maybe", "shoesize", "42", "lifecyclestage", "king"), Origin.api(), h.now))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(io.crmflow.model.InputProblem::pointer)
                        .containsExactly("/properties/hs_marketable_status", "/properties/lifecyclestage",
                                "/properties/shoesize"));
        assertThat(h.store.record("acme", new RecordRef("contact", "c9"))).isEmpty();
        assertThat(h.events).isEmpty();
    }
}
