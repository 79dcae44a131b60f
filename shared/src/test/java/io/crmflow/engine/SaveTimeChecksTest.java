package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.Filter;
import io.crmflow.filter.Filters;
import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The refusals of the "definition validation", each through the save the API makes and
 * each pointing at the offending node. The tenant is in Europe/Paris; the clock starts at
 * 2026-03-02 09:00 UTC, 10:00 in Paris.
 */
@DisplayName("R-FLT-3 a workflow is checked when saved: each refusal points at its node, nothing is written")
class SaveTimeChecksTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private final EngineHarness h = new EngineHarness().withTenant("acme");

    private WorkflowDefinition save(EnrollmentTrigger trigger, String first, Action... actions) {
        return h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "wf", null, "contact", 0, true,
                trigger, first, List.of(actions)));
    }

    private WorkflowDefinition save(String first, Action... actions) {
        return save(EnrollmentTrigger.MANUAL, first, actions);
    }

    private ListAssert<InputProblem> refused(String first, Action... actions) {
        return refused(EnrollmentTrigger.MANUAL, first, actions);
    }

    private ListAssert<InputProblem> refused(EnrollmentTrigger trigger, String first, Action... actions) {
        var thrown = new InvalidInputException[1];
        assertThatThrownBy(() -> save(trigger, first, actions))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> thrown[0] = e);
        assertThat(h.store.workflow("acme", "wf")).as("nothing written").isEmpty();
        return assertThat(thrown[0].problems());
    }

    private static Action.SetProperty set(String id, String next) {
        return new Action.SetProperty(id, "jobtitle", id, next);
    }

    private static Action.DelayUntilDate until(LocalDate date, LocalTime time) {
        return new Action.DelayUntilDate("until", date, time, null);
    }

    @Test
    void delayUntilADateAlreadyPastInTheTenantsTimezone_isRefusedAtTheAction() {
        // 09:30 is still ahead in UTC, but already past in Paris
        refused("a", set("a", "until"), until(TODAY, LocalTime.of(9, 30))).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/actions/1");
            assertThat(p.message()).isEqualTo("delay 'until' waits until 2026-03-02T09:30 (Europe/Paris), which has"
                    + " already passed; choose a later date");
        });
        refused("until", until(TODAY, null)).extracting(InputProblem::pointer).containsExactly("/actions/0");
        refused("until", until(TODAY.minusYears(1), LocalTime.NOON)).extracting(InputProblem::pointer)
                .containsExactly("/actions/0");

        assertThat(save("until", until(TODAY, LocalTime.of(10, 30))).version()).isEqualTo(1);
    }

    @Test
    void delayWhoseDatePassedSinceItWasSaved_isKeptByLaterSaves_butAChangedDateMustBeAhead() {
        save("a", set("a", "until"), until(TODAY.plusDays(1), LocalTime.of(9, 0)));
        h.now = h.now.plus(Duration.ofDays(3));

        assertThat(save("a", new Action.SetProperty("a", "jobtitle", "edited", "until"),
                until(TODAY.plusDays(1), LocalTime.of(9, 0))).version()).isEqualTo(2);
        h.engine.definitions().setWorkflowEnabled("acme", "wf", false);
        assertThat(h.engine.definitions().setWorkflowEnabled("acme", "wf", true).enabled()).isTrue();
        assertThat(h.engine.definitions().deleteAction("acme", "wf", "a", DeletionMode.ONLY, null).firstActionId())
                .isEqualTo("until");

        assertThatThrownBy(() -> save("until", until(TODAY.plusDays(1), LocalTime.of(10, 0))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InputProblem::pointer).containsExactly("/actions/0"));
    }

    @Test
    void fixedDelayOfZeroOrLess_isRefusedAtItsDuration() {
        refused("a", set("a", "wait"), new Action.Delay("wait", Duration.ZERO, null))
                .extracting(InputProblem::pointer).containsExactly("/actions/1/duration");
        refused("wait", new Action.Delay("wait", Duration.ofHours(-1), null))
                .extracting(InputProblem::pointer).containsExactly("/actions/0/duration");
    }

    @Test
    void unreachableAction_isRefusedAtTheAction() {
        refused("a", set("a", null), set("lost", null)).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/actions/1");
            assertThat(p.message()).contains("'lost' can never be reached");
        });
    }

    @Test
    void branchPathLeadingToNoAction_isRefusedAtThePathsNext() {
        refused("which", new Action.Branch("which", List.of(new Action.BranchPath("customers",
                        Filter.allOf(Filters.where("lifecyclestage").equalTo("customer")), "nowhere")), "end"),
                set("end", null)).singleElement().satisfies(p -> {
                    assertThat(p.pointer()).isEqualTo("/actions/0/paths/0/next");
                    assertThat(p.message()).isEqualTo("there is no action 'nowhere'");
                });
        refused("which", new Action.ValueBranch("which", "lifecyclestage",
                List.of(new Action.ValueCase("lead", "nowhere")), null))
                .extracting(InputProblem::pointer).containsExactly("/actions/0/cases/0/next");
    }

    @Test
    void goToCycleWithNoWait_isRefusedAtAnActionOfTheLoop() {
        refused("a", set("a", "b"), set("b", "back"), new Action.GoTo("back", "a")).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isIn("/actions/0", "/actions/1", "/actions/2");
            assertThat(p.message()).contains("no delay in the loop");
        });
    }

    @Test
    void unknownProperty_isRefusedWhereverItIsNamed() {
        refused(new EnrollmentTrigger(Filter.anyOf(Filters.allOf(Filters.where("shoesize").equalTo("42")))), "a",
                new Action.SetProperty("a", "hatsize", "7", "b"),
                new Action.Branch("b", List.of(new Action.BranchPath("big feet",
                        Filter.allOf(Filters.where("shoesize").equalTo("46")), null)), null))
                .extracting(InputProblem::pointer).containsExactlyInAnyOrder(
                        "/trigger/criteria/groups/0/conditions/0/property", "/actions/0/property",
                        "/actions/1/paths/0/criteria/groups/0/conditions/0/property");
    }

    @Test
    void unknownList_isRefusedInCriteriaAndInListActions() {
        refused(new EnrollmentTrigger(Filter.anyOf(Filters.allOf(Filters.inList("ghost")))), "add",
                new Action.AddToList("add", "ghost", null))
                .extracting(InputProblem::pointer).containsExactlyInAnyOrder(
                        "/trigger/criteria/groups/0/conditions/0/listId", "/actions/0/listId");
    }

    @Test
    void operatorThatDoesNotFitThePropertysType_isRefusedAtTheOperator() {
        refused("b", new Action.Branch("b", List.of(new Action.BranchPath("late stage",
                Filter.allOf(Filters.where("lifecyclestage").greaterThan("lead")), null)), null))
                .singleElement().satisfies(p -> assertThat(p.pointer())
                        .isEqualTo("/actions/0/paths/0/criteria/groups/0/conditions/0/operator"));
    }
}
