package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.Filter;
import io.crmflow.filter.Filters;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-WF-4 enroll in another workflow, R-WF-7 unenroll from other workflows, and loop protection")
class OtherWorkflowsTest {
    private static final RecordRef ADA = new RecordRef("contact", "ada");
    private final EngineHarness h = new EngineHarness().withTenant("acme");

    private void save(String id, EnrollmentTrigger trigger, Action... actions) {
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", id, null, "contact", 0, true, trigger,
                actions[0].id(), List.of(actions)));
    }

    private static EnrollmentTrigger leads() {
        return new EnrollmentTrigger(Filter.allOf(Filters.where("lifecyclestage").equalTo("lead")));
    }

    private void ada(String stage) {
        h.engine.records().create("acme", "contact", "ada", Map.of("lifecyclestage", stage), Origin.api(), h.now);
        h.pump();
    }

    @Test
    void enrollInAnotherWorkflow_entersItWithoutItsTrigger_once() {
        save("onboarding", EnrollmentTrigger.MANUAL, new Action.Delay("wait", Duration.ofDays(1), null));
        save("intake", leads(), new Action.EnrollInWorkflow("send", "onboarding", null));
        ada("lead");

        Enrollment e = h.store.enrollmentOf("acme", "onboarding", ADA).orElseThrow();
        assertThat(e.status()).isEqualTo(EnrollmentStatus.WAITING);
        assertThat(h.store.history("acme", e.id(), null, 10).items()).last()
                .satisfies(line -> assertThat(line.detail()).isEqualTo("enrolled by an action of workflow 'intake'"));
        assertThat(h.store.counters("acme", "onboarding")).containsEntry("enrolled", 1L);
    }

    @Test
    void unenrollFromOtherWorkflows_endsThemAtOnce_countedApart() {
        save("nurture", leads(), new Action.Delay("wait", Duration.ofDays(5), null));
        save("sales", new EnrollmentTrigger(Filter.allOf(Filters.where("lifecyclestage").equalTo("opportunity"))),
                new Action.UnenrollFromWorkflows("stop", List.of("nurture"), null));
        ada("lead");
        h.engine.records().update("acme", "contact", "ada", Map.of("lifecyclestage", "opportunity"), Origin.api(), h.now);
        h.pump();

        Enrollment e = h.store.enrollmentOf("acme", "nurture", ADA).orElseThrow();
        assertThat(e.status()).isEqualTo(EnrollmentStatus.UNENROLLED);
        assertThat(h.store.history("acme", e.id(), null, 1).items().get(0).detail())
                .isEqualTo("unenrolled by an action of workflow 'sales'");
        assertThat(h.store.counters("acme", "nurture")).containsEntry("unenrolled_by_workflow_action", 1L);
    }

    @Test
    void aWorkflowsOwnChange_neverReenrollsTheRecordThere() {
        // Re-enrolls whenever the job title changes, and changes it: without protection, forever.
        save("retitle", new EnrollmentTrigger(Filter.allOf(Filters.where("jobtitle").changedTo()), true),
                new Action.SetProperty("set", "jobtitle", "Retitled", null));
        ada("lead");
        h.engine.records().update("acme", "contact", "ada", Map.of("jobtitle", "CTO"), Origin.api(), h.now);
        h.pump();

        assertThat(h.store.counters("acme", "retitle")).containsEntry("enrolled", 1L);
        // A person's change still re-enrolls it.
        h.engine.records().update("acme", "contact", "ada", Map.of("jobtitle", "CEO"), Origin.api(), h.now);
        h.pump();
        assertThat(h.store.counters("acme", "retitle")).containsEntry("enrolled", 2L);
    }
}
