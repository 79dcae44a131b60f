package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.filter.Filter;
import io.crmflow.filter.Filters;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Actions without an outside effect between them run in one step and one commit, and leave the
 * table as one step per message would have: the same step numbers, history, ids and events.
 */
@DisplayName("R-WF-4, R-RUN-5: the actions up to the next effect or wait run in one step, one commit")
class StepChainTest {
    private static final RecordRef ADA = new RecordRef("contact", "c1");
    private final EngineHarness h = new EngineHarness().withTenant("acme");

    private void save(String first, Action... actions) {
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "wf", null, "contact", 0, true,
                EnrollmentTrigger.MANUAL, first, List.of(actions)));
    }

    /** Ada created and enrolled by hand; her first step message is queued, not yet run. */
    private Enrollment enrollAda() {
        h.engine.records().create("acme", "contact", "c1", Map.of("email", "ada@example.com", "firstname", "Ada",
                "lifecyclestage", "customer"), Origin.api(), h.now);
        Enrollment e = h.engine.trigger().enrollManually("acme", "wf", ADA, h.now);
        h.events.clear();
        return e;
    }

    private StepOutcome runNextStep() {
        return h.engine.step().run(h.steps.poll(), h.now);
    }

    private Enrollment now(Enrollment e) {
        return h.store.enrollment("acme", e.id()).orElseThrow();
    }

    private List<HistoryEntry> history(Enrollment e) {
        List<HistoryEntry> oldestFirst = new java.util.ArrayList<>(h.store.history("acme", e.id(), null, 50).items());
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    @Test
    void aBranchASetATaskAndADelay_runInOneStep_withEachActionsOwnStepNumberHistoryAndIds() {
        save("which",
                new Action.Branch("which", List.of(new Action.BranchPath("customers",
                        Filter.allOf(Filters.where("lifecyclestage").equalTo("customer")), "set")), "other"),
                new Action.SetProperty("set", "jobtitle", "Customer", "task", null),
                new Action.SetProperty("other", "jobtitle", "Other", "task", null),
                new Action.CreateTask("task", "Call {{firstname}}", "Say thanks", Duration.ofDays(1), "wait"),
                new Action.Delay("wait", Duration.ofDays(1), "mail"),
                new Action.SendEmail("mail", Action.EmailKind.TRANSACTIONAL, "hello@acme.test", "Hi {{jobtitle}}",
                        "Hello.", null));
        Enrollment e = enrollAda();

        assertThat(runNextStep()).isEqualTo(StepOutcome.EXECUTED);

        Enrollment waiting = now(e);
        assertThat(waiting.status()).isEqualTo(EnrollmentStatus.WAITING);
        assertThat(waiting.cursor()).isEqualTo("mail");
        assertThat(waiting.seq()).as("one step number per action, as one step each would").isEqualTo(5);
        assertThat(h.steps).as("a wait queues no message").isEmpty();
        assertThat(history(e)).extracting(HistoryEntry::kind, HistoryEntry::actionId).containsExactly(
                tuple(Kind.ENROLLED, null),
                tuple(Kind.BRANCH_TAKEN, "which"),
                tuple(Kind.ACTION_EXECUTED, "set"),
                tuple(Kind.ACTION_EXECUTED, "task"),
                tuple(Kind.WAIT_STARTED, "wait"));
        assertThat(history(e)).extracting(HistoryEntry::index).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(h.engine.records().get("acme", ADA).property("jobtitle")).contains("Customer");
        assertThat(h.engine.records().get("acme", new RecordRef("task", StepIds.task(e.id(), 3))).property(
                "hs_task_subject")).as("the task's id is its step's, as when run alone").contains("Call Ada");
        assertThat(h.events).extracting(CrmEvent::eventId).containsExactly(
                StepIds.event(e.id(), 2, 0), StepIds.event(e.id(), 3, 0));

        h.advance(Duration.ofDays(1));
        assertThat(h.sent).singleElement().satisfies(m -> assertThat(m.subject()).isEqualTo("Hi Customer"));
        assertThat(now(e).status()).isEqualTo(EnrollmentStatus.COMPLETED);
    }

    @Test
    void theRunStopsBeforeAnEmail_whichIsSentInAStepOfItsOwn() {
        save("set", new Action.SetProperty("set", "jobtitle", "Customer", "mail", null),
                new Action.SendEmail("mail", Action.EmailKind.TRANSACTIONAL, "hello@acme.test", "Hi", "Hello.", null));
        Enrollment e = enrollAda();

        runNextStep();

        assertThat(h.sent).isEmpty();
        assertThat(now(e).cursor()).isEqualTo("mail");
        assertThat(h.steps).containsExactly(now(e).stepMessage());
        runNextStep();
        assertThat(h.sent).hasSize(1);
        assertThat(now(e).status()).isEqualTo(EnrollmentStatus.COMPLETED);
    }

    @Test
    void theRunStopsBeforeABranch_onceItHoldsWrites_soTheBranchReadsWhatTheyWrote() {
        save("set", new Action.SetProperty("set", "jobtitle", "Customer", "which", null),
                new Action.Branch("which", List.of(new Action.BranchPath("customers",
                        Filter.allOf(Filters.where("jobtitle").equalTo("Customer")), "yes")), "no"),
                new Action.SetProperty("yes", "lastname", "Yes", null, null),
                new Action.SetProperty("no", "lastname", "No", null, null));
        Enrollment e = enrollAda();

        runNextStep();
        assertThat(now(e).cursor()).as("the branch waits for a step of its own").isEqualTo("which");
        h.pump();

        assertThat(h.engine.records().get("acme", ADA).property("lastname")).contains("Yes");
        assertThat(now(e).status()).isEqualTo(EnrollmentStatus.COMPLETED);
    }

    @Test
    void theRunStopsBeforeAnActionThatWritesTheRecordAgain_andEachWriteLands() {
        save("first", new Action.SetProperty("first", "jobtitle", "Customer", "second", null),
                new Action.SetProperty("second", "lastname", "Lovelace", null, null));
        Enrollment e = enrollAda();

        runNextStep();
        assertThat(now(e).cursor()).isEqualTo("second");
        h.pump();

        assertThat(h.engine.records().get("acme", ADA).properties())
                .containsEntry("jobtitle", "Customer").containsEntry("lastname", "Lovelace");
        assertThat(now(e).status()).isEqualTo(EnrollmentStatus.COMPLETED);
    }

    @Test
    void theFirstMessageDeliveredAgain_afterTheRunCommitted_isStale_andChangesNothing() {
        save("set", new Action.SetProperty("set", "jobtitle", "Customer", "task", null),
                new Action.CreateTask("task", "Call", "Say thanks", Duration.ofDays(1), "wait"),
                new Action.Delay("wait", Duration.ofDays(1), null));
        Enrollment e = enrollAda();
        StepMessage first = h.steps.peek();

        runNextStep();
        Enrollment after = now(e);

        assertThat(h.engine.step().run(first, h.now)).isEqualTo(StepOutcome.STALE);
        assertThat(now(e)).isEqualTo(after);
        assertThat(h.store.recordsOfType("acme", "task", null, 10).items()).hasSize(1);
    }
}
