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

@DisplayName("R-WF-3 enrolled the first time by default; re-enrollment opt-in, on newly meeting the criteria, never twice at once")
class ReenrollmentTest {
    private final EngineHarness h = new EngineHarness().withTenant("acme");
    private static final RecordRef ADA = new RecordRef("contact", "ada");

    private void workflow(boolean reenroll, Action... actions) {
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "w", null, "contact", 0, true,
                new EnrollmentTrigger(Filter.allOf(Filters.where("lifecyclestage").equalTo("customer")), reenroll),
                actions[0].id(), List.of(actions)));
    }

    private void stage(String value) {
        h.engine.records().update("acme", "contact", "ada", Map.of("lifecyclestage", value), Origin.api(), h.now);
        h.pump();
    }

    private List<Enrollment> enrollments() {
        return h.store.enrollmentsOf("acme", "w", null, 50).items();
    }

    @Test
    void byDefault_aRecordThatLeftAndMeetsTheCriteriaAgain_isNotEnrolledAgain() {
        workflow(false, new Action.SetProperty("t", "jobtitle", "x", null));
        h.engine.records().create("acme", "contact", "ada", Map.of("lifecyclestage", "lead"), Origin.api(), h.now);
        stage("customer");
        stage("lead");
        stage("customer");
        assertThat(enrollments()).hasSize(1);
    }

    @Test
    void withReenrollment_newlyMeetingTheCriteriaAfterLeaving_enrollsAgain_butOtherChangesDoNot() {
        workflow(true, new Action.SetProperty("t", "jobtitle", "x", null));
        h.engine.records().create("acme", "contact", "ada", Map.of("lifecyclestage", "lead"), Origin.api(), h.now);
        stage("customer");
        h.engine.records().update("acme", "contact", "ada", Map.of("firstname", "Ada"), Origin.api(), h.now);
        h.pump();
        assertThat(enrollments()).as("a change that keeps the criteria met is not a new reason").hasSize(1);

        stage("lead");
        stage("customer");
        assertThat(enrollments()).extracting(Enrollment::id)
                .containsExactlyInAnyOrder("w~contact~ada", "w~contact~ada~2");
        assertThat(enrollments()).allSatisfy(e -> assertThat(e.status()).isEqualTo(EnrollmentStatus.COMPLETED));
        assertThat(h.store.counters("acme", "w")).containsEntry("enrolled", 2L).containsEntry("completed", 2L);
    }

    @Test
    void withReenrollment_neverTwoLiveEnrollmentsOfOneRecord() {
        workflow(true, new Action.Delay("wait", Duration.ofDays(3), null));
        h.engine.records().create("acme", "contact", "ada", Map.of("lifecyclestage", "lead"), Origin.api(), h.now);
        stage("customer");
        stage("lead");
        stage("customer"); // newly met again, but the first enrollment is still waiting
        assertThat(enrollments()).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(EnrollmentStatus.WAITING));

        h.advance(Duration.ofDays(3));
        stage("lead");
        stage("customer");
        assertThat(enrollments()).hasSize(2);
    }

    @Test
    void withReenrollment_theEventThatEnrolledARecord_deliveredAgainAfterItLeft_enrollsItNoMore() {
        workflow(true, new Action.SetProperty("t", "jobtitle", "x", null));
        h.engine.records().create("acme", "contact", "ada", Map.of("lifecyclestage", "lead"), Origin.api(), h.now);
        h.pump();
        stage("customer");
        stage("lead");
        stage("customer");
        var madeCustomer = h.published.stream().filter(io.crmflow.model.CrmEvent.PropertiesChanged.class::isInstance)
                .map(io.crmflow.model.CrmEvent.PropertiesChanged.class::cast)
                .filter(e -> e.changes().stream().anyMatch(c -> "customer".equals(c.to()))).toList();

        h.events.addAll(madeCustomer); // each newly met the criteria when it happened, and still does
        h.pump();

        assertThat(enrollments()).as("once per event, however often it comes").hasSize(2);
    }

    @Test
    void withReenrollment_aGoalCriterionStillMet_isNotNewlyMetByAnUnrelatedChange() {
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "nurture", null, "contact", 0, true,
                EnrollmentTrigger.MANUAL, "n", List.of(new Action.SetProperty("n", "jobtitle", "n", null))));
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "w", null, "contact", 0, true,
                new EnrollmentTrigger(Filter.allOf(new io.crmflow.filter.Condition.InWorkflow("nurture",
                        io.crmflow.filter.Condition.WorkflowState.MET_GOAL)), true),
                "t", List.of(new Action.SetProperty("t", "lastname", "x", null))));
        h.engine.records().create("acme", "contact", "ada", Map.of(), Origin.api(), h.now);
        h.pump();
        h.store.commit(List.of(new io.crmflow.store.Write.PutWorkflowMark("acme", ADA,
                new io.crmflow.store.WorkflowMark("nurture", io.crmflow.store.WorkflowMark.Kind.GOAL_MET, 1, h.now))));
        h.engine.records().update("acme", "contact", "ada", Map.of("firstname", "Ada"), Origin.api(), h.now);
        h.pump();
        assertThat(enrollments()).as("met the goal criterion: enrolled").hasSize(1);

        h.engine.records().update("acme", "contact", "ada", Map.of("phone", "123"), Origin.api(), h.now);
        h.pump();

        assertThat(enrollments()).as("the goal was met before this change too: not newly met").hasSize(1);
    }
}
