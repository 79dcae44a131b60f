package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.TriggerEvent;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.filter.Filter;
import io.crmflow.filter.Filters;
import io.crmflow.model.ActivityType;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import io.crmflow.store.Write;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-WF-9 a live workflow is turned off and on, and its actions deleted, with enrollments in flight")
class LiveEditingTest {
    private final EngineHarness h = new EngineHarness().withTenant("acme");

    /** Customers: tag → wait a day → x → y (email). */
    private void save() {
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "wf", "Live", "contact", 0, true,
                new EnrollmentTrigger(Filter.anyOf(Filters.allOf(Filters.where("lifecyclestage").equalTo("customer")))),
                "tag", List.of(
                        new Action.SetProperty("tag", "jobtitle", "Customer", "wait"),
                        new Action.Delay("wait", Duration.ofDays(1), "x"),
                        new Action.SetProperty("x", "phone", "x ran", "y"),
                        new Action.SendEmail("y", Action.EmailKind.TRANSACTIONAL, null, "Hello", "Hi.", null))));
    }

    private void customer(String id) {
        h.engine.records().create("acme", "contact", id, Map.of("email", id + "@example.com"), Origin.api(), h.now);
        h.engine.records().update("acme", "contact", id, Map.of("lifecyclestage", "customer"), Origin.api(), h.now);
    }

    private Enrollment enrollmentOf(String id) {
        return h.store.enrollmentOf("acme", "wf", new RecordRef("contact", id)).orElseThrow();
    }

    private List<HistoryEntry> history(String id) {
        return h.store.history("acme", enrollmentOf(id).id(), null, 50).items();
    }

    private String property(String id, String name) {
        return h.engine.records().get("acme", new RecordRef("contact", id)).property(name).orElse(null);
    }

    @Test
    void off_enrollsNobody_holdsStepsInFlightWithoutFailingOrSkipping_andOnAgainEachRunsOnce() {
        save();
        customer("waiting");
        h.pump();
        customer("active");
        h.engine.trigger().onEvent(h.events.removeLast(), h.now); // enrolled; its first step not yet run
        h.events.clear();
        assertThat(enrollmentOf("active").status()).isEqualTo(EnrollmentStatus.ACTIVE);

        h.engine.definitions().setWorkflowEnabled("acme", "wf", false);
        customer("late");
        h.pump();
        h.advance(Duration.ofDays(2));
        for (int i = 0; i < 8; i++) {
            h.advance(Duration.ofHours(1));
        }

        assertThat(h.store.enrollmentOf("acme", "wf", new RecordRef("contact", "late"))).as("off: nobody enrolls").isEmpty();
        assertThat(enrollmentOf("waiting").status()).isEqualTo(EnrollmentStatus.WAITING);
        assertThat(enrollmentOf("active").status()).isEqualTo(EnrollmentStatus.ACTIVE);
        assertThat(property("waiting", "phone")).as("a wait that ended while off does not run on").isNull();
        assertThat(property("active", "jobtitle")).isNull();
        assertThat(h.sent).isEmpty();
        assertThat(history("waiting")).extracting(HistoryEntry::kind)
                .doesNotContain(Kind.FAILED, Kind.ACTION_SKIPPED, Kind.WAIT_ENDED);
        assertThat(h.failures).isEmpty();

        h.engine.definitions().setWorkflowEnabled("acme", "wf", true);
        h.advance(EngineSettings.DEFAULTS.disabledRecheck());
        assertThat(enrollmentOf("waiting").status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(property("active", "jobtitle")).isEqualTo("Customer");
        h.advance(Duration.ofDays(1));
        h.advance(Duration.ofDays(1));

        assertThat(h.sent).extracting(m -> m.to()).containsExactlyInAnyOrder("waiting@example.com", "active@example.com");
        assertThat(enrollmentOf("active").status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(history("waiting")).filteredOn(line -> "x".equals(line.actionId()) && line.kind() == Kind.ACTION_EXECUTED)
                .hasSize(1);
        assertThat(h.failures).isEmpty();
    }

    @Test
    void deleteOnly_enrollmentsWaitingForTheActionGoOnToItsNext_andTheHistorySaysSo() {
        save();
        customer("c1");
        h.pump();
        assertThat(enrollmentOf("c1").cursor()).isEqualTo("x");

        h.engine.definitions().deleteAction("acme", "wf", "x", DeletionMode.ONLY, null);
        h.advance(Duration.ofDays(1));

        assertThat(enrollmentOf("c1").status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(property("c1", "phone")).isNull();
        assertThat(h.sent).hasSize(1);
        assertThat(history("c1")).anySatisfy(line -> {
            assertThat(line.kind()).isEqualTo(Kind.ACTION_SKIPPED);
            assertThat(line.actionId()).isEqualTo("x");
            assertThat(line.detail()).isEqualTo("action 'x' was deleted from the workflow; going on to 'y'");
        });
    }

    @Test
    void deleteBelow_enrollmentsAtAnyRemovedActionComplete_andTheHistorySaysWhy() {
        save();
        customer("c1");
        h.pump();

        WorkflowDefinition after = h.engine.definitions().deleteAction("acme", "wf", "x", DeletionMode.BELOW, null);
        h.advance(Duration.ofDays(1));

        assertThat(after.actions()).extracting(Action::id).containsExactly("tag", "wait");
        assertThat(enrollmentOf("c1").status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(property("c1", "phone")).isNull();
        assertThat(h.sent).isEmpty();
        assertThat(history("c1").get(0)).satisfies(line -> {
            assertThat(line.kind()).isEqualTo(Kind.COMPLETED);
            assertThat(line.detail()).isEqualTo("completed because action 'x' was deleted from the workflow");
        });
        assertThat(WorkflowCounters.summary(h.store.counters("acme", "wf")).get("completed")).isEqualTo(1L);
    }

    @Test
    void deleteOnlyADelay_itsWaitersWaitTheTimeTheyWereGiven_thenGoOn() {
        save();
        customer("c1");
        h.pump();

        h.engine.definitions().deleteAction("acme", "wf", "wait", DeletionMode.ONLY, null);
        customer("c2");
        h.pump();
        assertThat(property("c2", "phone")).as("a newcomer no longer waits").isEqualTo("x ran");
        h.advance(Duration.ofHours(23));
        assertThat(property("c1", "phone")).isNull();
        h.advance(Duration.ofHours(1));

        assertThat(property("c1", "phone")).isEqualTo("x ran");
        assertThat(enrollmentOf("c1").status()).isEqualTo(EnrollmentStatus.COMPLETED);
    }

    @Test
    void deleteOnlyAWaitForAnEvent_itsWaitersTakeTheKeptPathWhenTheirTimeIsUp() {
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "chase", null, "contact", 0, true,
                EnrollmentTrigger.MANUAL, "reply", List.of(
                        new Action.WaitForEvent("reply", new TriggerEvent.ActivityLogged(ActivityType.EMAIL_REPLIED,
                                Map.of()), Duration.ofDays(7), "replied", "silent"),
                        new Action.SetProperty("replied", "jobtitle", "Replied", null),
                        new Action.SetProperty("silent", "jobtitle", "Silent", null))));
        h.engine.records().create("acme", "contact", "c1", Map.of(), Origin.api(), h.now);
        Enrollment e = h.engine.trigger().enrollManually("acme", "chase", new RecordRef("contact", "c1"), h.now);
        h.pump();
        assertThat(h.store.enrollment("acme", e.id()).orElseThrow().status()).isEqualTo(EnrollmentStatus.AWAITING_EVENT);

        h.engine.definitions().deleteAction("acme", "chase", "reply", DeletionMode.ONLY, "replied");
        h.advance(Duration.ofDays(7));

        assertThat(h.store.enrollment("acme", e.id()).orElseThrow().status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(property("c1", "jobtitle")).isEqualTo("Replied");
    }

    @Test
    void plainSaveDroppingTheAction_actsAsDeletingOnlyIt() {
        save();
        customer("c1");
        h.pump();

        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "wf", "Live", "contact", 0, true,
                new EnrollmentTrigger(Filter.anyOf(Filters.allOf(Filters.where("lifecyclestage").equalTo("customer")))),
                "tag", List.of(
                        new Action.SetProperty("tag", "jobtitle", "Customer", "wait"),
                        new Action.Delay("wait", Duration.ofDays(1), "y"),
                        new Action.SendEmail("y", Action.EmailKind.TRANSACTIONAL, null, "Hello", "Hi.", null))));
        h.advance(Duration.ofDays(1));

        assertThat(enrollmentOf("c1").status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(h.sent).hasSize(1);
        assertThat(property("c1", "phone")).isNull();
    }

    @Test
    void anActionThatIsTrulyUnknown_stillFailsTheEnrollment() {
        save();
        customer("c1");
        h.pump();
        // A version written around the service, without the memory of what it dropped.
        WorkflowDefinition current = h.store.workflow("acme", "wf").orElseThrow();
        h.store.commit(List.of(new Write.PutWorkflow(current.withActions("tag", List.of(
                new Action.SetProperty("tag", "jobtitle", "Customer", "wait"),
                new Action.Delay("wait", Duration.ofDays(1), null))).withVersion(current.version() + 1),
                current.version())));

        h.advance(Duration.ofDays(1));

        assertThat(enrollmentOf("c1").status()).isEqualTo(EnrollmentStatus.FAILED);
        assertThat(history("c1").get(0).detail()).isEqualTo("action 'x' no longer exists in workflow 'wf'");
    }
}
