package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.definition.Action;
import io.crmflow.definition.CrmList;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.Goal;
import io.crmflow.definition.TriggerEvent;
import io.crmflow.definition.Unenrollment;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.Condition;
import io.crmflow.filter.Filter;
import io.crmflow.filter.Filters;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.ListKind;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Goals of contact workflows")
class GoalTest {
    private static final Goal CUSTOMER = new Goal(Filter.allOf(Filters.where("lifecyclestage").equalTo("customer")), 0L);
    private final EngineHarness h = new EngineHarness().withTenant("acme");

    /** Leads get a marketing email, wait two days, get another. */
    private WorkflowDefinition nurture(Goal goal, Action.EmailKind kind) {
        return new WorkflowDefinition("acme", "nurture", null, "contact", 0, true,
                new EnrollmentTrigger(Filter.allOf(Filters.where("lifecyclestage").equalTo("lead"))), "mail",
                List.of(new Action.SendEmail("mail", kind, null, "Hi", "Hello", "wait"),
                        new Action.Delay("wait", Duration.ofDays(2), "again"),
                        new Action.SendEmail("again", kind, null, "Still there?", "Hello again", null)),
                null, new Unenrollment(List.of("do-not-contact"), Filter.NONE), goal, null);
    }

    @BeforeEach
    void suppressionList() {
        h.engine.definitions().putList("acme", new CrmList("do-not-contact", "Do not contact", "contact", ListKind.STATIC,
                null));
    }

    private RecordRef contact(String id, String stage) {
        h.engine.records().create("acme", "contact", id, Map.of("email", id + "@example.com", "lifecyclestage", stage,
                "hs_marketable_status", "true"), Origin.api(), h.now);
        h.pump();
        return new RecordRef("contact", id);
    }

    private void stage(RecordRef ref, String stage) {
        h.engine.records().update("acme", "contact", ref.id(), Map.of("lifecyclestage", stage), Origin.api(), h.now);
        h.pump();
    }

    private Map<String, Object> goalFigures() {
        var wf = h.store.workflow("acme", "nurture").orElseThrow();
        @SuppressWarnings("unchecked")
        var goal = (Map<String, Object>) WorkflowCounters.details(wf, h.store.counters("acme", "nurture")).get("goal");
        return goal;
    }

    @Nested
    @DisplayName("R-WF-11 goal criteria are checked at enrollment and before every next action")
    class CheckedAtEnrollmentAndBeforeEachAction {
        @BeforeEach
        void save() {
            h.engine.definitions().saveWorkflow(nurture(CUSTOMER, Action.EmailKind.MARKETING));
        }

        @Test
        void aRecordMeetingTheGoalWhenItWouldEnter_isNotEnrolledNorCounted() {
            h.engine.definitions().saveWorkflow(nurture(new Goal(Filter.allOf(Filters.where("jobtitle").equalTo("CTO")), 0L),
                    Action.EmailKind.MARKETING));
            h.engine.records().create("acme", "contact", "ada", Map.of("email", "ada@example.com",
                    "lifecyclestage", "lead", "jobtitle", "CTO"), Origin.api(), h.now);
            h.pump();

            assertThat(h.store.enrollmentOf("acme", "nurture", new RecordRef("contact", "ada"))).isEmpty();
            assertThat(h.store.counters("acme", "nurture")).doesNotContainKey("enrolled");
            assertThat(goalFigures()).containsEntry("metGoal", 0L);
            assertThat(h.sent).isEmpty();
        }

        @Test
        void meetingTheGoalDuringAWait_unenrollsAtOnce_andTheNextActionNeverRuns() {
            var ada = contact("ada", "lead");
            assertThat(h.sent).hasSize(1);
            stage(ada, "customer");

            Enrollment e = h.store.enrollmentOf("acme", "nurture", ada).orElseThrow();
            assertThat(e.status()).isEqualTo(EnrollmentStatus.UNENROLLED);
            assertThat(h.store.history("acme", e.id(), null, 1).items().get(0).detail()).isEqualTo("met the workflow's goal");
            h.advance(Duration.ofDays(3));
            assertThat(h.sent).hasSize(1);
        }

        @Test
        void aGoalMetWithoutAnEvent_isCaughtBeforeTheNextAction() {
            var ada = contact("ada", "lead");
            // The change reaches the store, but its event is lost: the step still checks first.
            h.busDown = true;
            h.engine.records().update("acme", "contact", "ada", Map.of("lifecyclestage", "customer"), Origin.api(), h.now);
            h.events.clear();
            h.busDown = false;
            h.store.dueEvents(h.now.plus(Duration.ofDays(30)), 100).forEach(o -> h.store.remove("acme", o.event().eventId()));

            h.advance(Duration.ofDays(3));
            Enrollment e = h.store.enrollmentOf("acme", "nurture", ada).orElseThrow();
            assertThat(e.status()).isEqualTo(EnrollmentStatus.UNENROLLED);
            assertThat(h.sent).hasSize(1);
        }
    }

    @Nested
    @DisplayName("R-WF-12 conversion rate = met the goal after a marketing email / got one")
    class ConversionRate {
        @Test
        void countsOnlyThoseWhoGotAMarketingEmailBeforeMeetingTheGoal() {
            h.engine.definitions().saveWorkflow(nurture(CUSTOMER, Action.EmailKind.MARKETING));
            var ada = contact("ada", "lead");
            contact("bob", "lead");
            contact("cy", "lead");
            stage(ada, "customer");

            assertThat(goalFigures()).containsEntry("metGoal", 1L).containsEntry("marketingEmailed", 3L)
                    .containsEntry("metGoalAfterMarketingEmail", 1L).containsEntry("conversionRate", 1.0 / 3);
        }

        @Test
        void withoutAMarketingEmail_thereIsNoRate_andItSaysSo() {
            h.engine.definitions().saveWorkflow(nurture(CUSTOMER, Action.EmailKind.TRANSACTIONAL));
            stage(contact("ada", "lead"), "customer");

            assertThat(goalFigures()).containsEntry("metGoal", 1L).containsEntry("conversionRate", null)
                    .containsEntry("conversionRateNote",
                            "this workflow sends no marketing email, so there is no conversion rate");
        }
    }

    @Nested
    @DisplayName("R-WF-13 a met goal is remembered forever; only removing every criterion resets the figures")
    class RememberedForever {
        @BeforeEach
        void save() {
            h.engine.definitions().saveWorkflow(nurture(CUSTOMER, Action.EmailKind.MARKETING));
        }

        @Test
        void editingTheGoal_keepsTheFigures_andTheMetMark() {
            var ada = contact("ada", "lead");
            stage(ada, "customer");
            h.engine.definitions().saveWorkflow(nurture(new Goal(Filter.allOf(
                    Filters.where("lifecyclestage").equalTo("evangelist")), 0L), Action.EmailKind.MARKETING));

            assertThat(goalFigures()).containsEntry("metGoal", 1L).containsEntry("conversionRate", 1.0);
            assertThat(h.store.view("acme", ada).orElseThrow().mark("nurture",
                    io.crmflow.store.WorkflowMark.Kind.GOAL_MET)).isPresent();
        }

        @Test
        void removingEveryCriterion_resetsTheCountAndRate_butNotWhoMetIt() {
            var ada = contact("ada", "lead");
            stage(ada, "customer");
            h.engine.definitions().saveWorkflow(nurture(Goal.NONE, Action.EmailKind.MARKETING));
            h.engine.definitions().saveWorkflow(nurture(CUSTOMER, Action.EmailKind.MARKETING));

            assertThat(goalFigures()).containsEntry("metGoal", 0L).containsEntry("marketingEmailed", 0L)
                    .containsEntry("conversionRate", null);
            assertThat(h.store.view("acme", ada).orElseThrow().mark("nurture",
                    io.crmflow.store.WorkflowMark.Kind.GOAL_MET)).isPresent();
        }

        @Test
        void aGoalMetAfterTheWorkflowEnded_stillCounts_once() {
            var ada = contact("ada", "lead");
            h.advance(Duration.ofDays(3));
            assertThat(h.store.enrollmentOf("acme", "nurture", ada).orElseThrow().status())
                    .isEqualTo(EnrollmentStatus.COMPLETED);
            stage(ada, "customer");
            stage(ada, "evangelist");
            stage(ada, "customer");

            assertThat(goalFigures()).containsEntry("metGoal", 1L).containsEntry("metGoalAfterMarketingEmail", 1L);
        }
    }

    @Nested
    @DisplayName("R-WF-14 'has met goal of workflow X' is a filter, and 'goal met' an event trigger")
    class UsableElsewhere {
        @Test
        void filterAndTrigger() {
            h.engine.definitions().saveWorkflow(nurture(CUSTOMER, Action.EmailKind.MARKETING));
            h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "thank-you", null, "contact", 0, true,
                    new EnrollmentTrigger(Filter.NONE, false, List.of(new TriggerEvent.GoalMet("nurture"))), "tag",
                    List.of(new Action.SetProperty("tag", "jobtitle", "Converted", null))));
            h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "not-converted", null, "contact", 0, true,
                    new EnrollmentTrigger(Filter.allOf(Filters.where("lifecyclestage").equalTo("other"),
                            new Condition.InWorkflow("nurture", Condition.WorkflowState.NOT_MET_GOAL))), "tag",
                    List.of(new Action.SetProperty("tag", "jobtitle", "Not converted", null))));
            var ada = contact("ada", "lead");
            var bob = contact("bob", "lead");
            stage(ada, "customer");
            stage(ada, "other");
            stage(bob, "other");

            assertThat(h.store.enrollmentOf("acme", "thank-you", ada)).isPresent();
            assertThat(h.store.enrollmentOf("acme", "thank-you", bob)).isEmpty();
            assertThat(h.store.enrollmentOf("acme", "not-converted", ada)).isEmpty();
            assertThat(h.store.enrollmentOf("acme", "not-converted", bob)).isPresent();
        }
    }

    @Nested
    @DisplayName("R-WF-15 the details say who left by goal and who by suppression")
    class DetailsTellThemApart {
        @Test
        void byGoalAndBySuppression() {
            h.engine.definitions().saveWorkflow(nurture(CUSTOMER, Action.EmailKind.MARKETING));
            stage(contact("ada", "lead"), "customer");
            var bob = contact("bob", "lead");
            h.engine.definitions().setListMembership("acme", "do-not-contact", bob, true, h.now);
            h.pump();
            contact("cy", "lead");
            h.advance(Duration.ofDays(3));

            var wf = h.store.workflow("acme", "nurture").orElseThrow();
            @SuppressWarnings("unchecked")
            var counts = (Map<String, Long>) WorkflowCounters.details(wf, h.store.counters("acme", "nurture")).get("counts");
            assertThat(counts).containsEntry("enrolled", 3L).containsEntry("active", 0L).containsEntry("completed", 1L)
                    .containsEntry("unenrolled", 2L).containsEntry("unenrolled_by_goal", 1L)
                    .containsEntry("unenrolled_by_suppression", 1L);
        }
    }

    @Test
    @DisplayName("goals are for contact workflows: elsewhere refused with a pointer")
    void goalOnADealWorkflow_isRefused() {
        var deal = new WorkflowDefinition("acme", "deals", null, "deal", 0, true, EnrollmentTrigger.MANUAL, null,
                List.of(), null, null, new Goal(Filter.allOf(Filters.where("amount").greaterThan("10")), 0L), null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.engine.definitions().saveWorkflow(deal))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.pointer()).isEqualTo("/goal")));
    }
}
