package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.TriggerEvent;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.Filter;
import io.crmflow.filter.Filters;
import io.crmflow.model.ActivityType;
import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.NotFoundException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-WF-9 deleting an action: only this action, or this and all below it")
class ActionDeletionTest {

    private static WorkflowDefinition workflow(String first, Action... actions) {
        return new WorkflowDefinition("acme", "wf", null, "contact", 3, true, EnrollmentTrigger.MANUAL, first,
                List.of(actions));
    }

    private static Action.SetProperty set(String id, String next) {
        return new Action.SetProperty(id, "jobtitle", id, next);
    }

    private static Action.BranchPath path(String name, String next) {
        return new Action.BranchPath(name, Filter.allOf(Filters.where("lifecyclestage").equalTo(name)), next);
    }

    private static Map<String, String> redirects(Object... pairs) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (String) pairs[i + 1]);
        }
        return out;
    }

    /** a → b → c → d */
    private static WorkflowDefinition line() {
        return workflow("a", set("a", "b"), set("b", "c"), set("c", "d"), set("d", null));
    }

    @Test
    void only_middleAction_whatLedToItLeadsToItsNext_andItsEnrollmentsGoThere() {
        var plan = ActionDeletion.plan(line(), "b", DeletionMode.ONLY, null);

        assertThat(plan.edited().actions()).containsExactly(set("a", "c"), set("c", "d"), set("d", null));
        assertThat(plan.edited().firstActionId()).isEqualTo("a");
        assertThat(plan.redirects()).isEqualTo(redirects("b", "c"));
    }

    @Test
    void only_firstAction_movesTheStartToItsNext() {
        var plan = ActionDeletion.plan(line(), "a", DeletionMode.ONLY, null);

        assertThat(plan.edited().firstActionId()).isEqualTo("b");
        assertThat(plan.edited().actions()).extracting(Action::id).containsExactly("b", "c", "d");
        assertThat(plan.redirects()).isEqualTo(redirects("a", "b"));
    }

    @Test
    void only_lastAction_whatLedToItEndsThere_andItsEnrollmentsComplete() {
        var plan = ActionDeletion.plan(line(), "d", DeletionMode.ONLY, null);

        assertThat(plan.edited().actions()).containsExactly(set("a", "b"), set("b", "c"), set("c", null));
        assertThat(plan.redirects()).isEqualTo(redirects("d", null));
    }

    @Test
    void below_removesTheActionAndAllItLeadsTo_andWhatLedToItEndsThere() {
        var plan = ActionDeletion.plan(line(), "b", DeletionMode.BELOW, null);

        assertThat(plan.edited().actions()).containsExactly(set("a", null));
        assertThat(plan.redirects()).isEqualTo(redirects("b", null, "c", null, "d", null));
    }

    @Test
    void below_firstAction_leavesAWorkflowWithNoActions() {
        var plan = ActionDeletion.plan(line(), "a", DeletionMode.BELOW, null);

        assertThat(plan.edited().actions()).isEmpty();
        assertThat(plan.edited().firstActionId()).isNull();
        assertThat(plan.redirects()).isEqualTo(redirects("a", null, "b", null, "c", null, "d", null));
    }

    @Test
    void below_keepsActionsAlsoReachableFromElsewhere_andEveryPathThatLedToItEnds() {
        // which: customers → x → y → end; leads → end; none matched → x
        var wf = workflow("which",
                new Action.Branch("which", List.of(path("customer", "x"), path("lead", "end")), "x"),
                set("x", "y"), set("y", "end"), set("end", null));

        var plan = ActionDeletion.plan(wf, "x", DeletionMode.BELOW, null);

        assertThat(plan.edited().actions()).containsExactly(
                new Action.Branch("which", List.of(path("customer", null), path("lead", "end")), null), set("end", null));
        assertThat(plan.redirects()).isEqualTo(redirects("x", null, "y", null));
    }

    @Test
    void below_insideALoop_removesOnlyWhatIsBelow() {
        var wf = workflow("start", set("start", "wait"), new Action.Delay("wait", Duration.ofDays(1), "b"),
                set("b", "again"), new Action.GoTo("again", "wait"));

        var plan = ActionDeletion.plan(wf, "b", DeletionMode.BELOW, null);

        assertThat(plan.edited().actions()).containsExactly(set("start", "wait"),
                new Action.Delay("wait", Duration.ofDays(1), null));
        assertThat(plan.redirects()).isEqualTo(redirects("b", null, "again", null));
    }

    @Test
    void aGoToLeftWithNowhereToGo_isDeletedToo_andWhatLedToItEnds() {
        // a → jump → (go to) d; b is reached from the branch and leads to d too
        var wf = workflow("which",
                new Action.Branch("which", List.of(path("customer", "jump")), "b"),
                new Action.GoTo("jump", "d"), set("b", "d"), set("d", null));

        var plan = ActionDeletion.plan(wf, "d", DeletionMode.ONLY, null);

        assertThat(plan.edited().actions()).containsExactly(
                new Action.Branch("which", List.of(path("customer", null)), "b"), set("b", null));
        assertThat(plan.redirects()).isEqualTo(redirects("d", null, "jump", null));
    }

    @Test
    void only_branchWithSeveralPaths_isRefusedUnlessThePathToKeepIsNamed() {
        var wf = workflow("which",
                new Action.Branch("which", List.of(path("customer", "c"), path("lead", "l")), "o"),
                set("c", "end"), set("l", "end"), set("o", null), set("end", null));

        assertThatThrownBy(() -> ActionDeletion.plan(wf, "which", DeletionMode.ONLY, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.pointer()).isEqualTo("/query/mode");
                            assertThat(p.message()).contains("'c', 'l', 'o'", "keep=", "mode=below");
                        }));

        var plan = ActionDeletion.plan(wf, "which", DeletionMode.ONLY, "l");

        assertThat(plan.edited().firstActionId()).isEqualTo("l");
        assertThat(plan.edited().actions()).containsExactly(set("l", "end"), set("end", null));
        assertThat(plan.redirects()).isEqualTo(redirects("which", "l", "c", null, "o", null));
    }

    @Test
    void only_aWaitForAnEventWithATimeoutPath_needsThePathToKeep() {
        var wf = workflow("reply", new Action.WaitForEvent("reply", new TriggerEvent.ActivityLogged(
                        ActivityType.EMAIL_REPLIED, Map.of()), Duration.ofDays(7), "replied", "silent"),
                set("replied", null), set("silent", null));

        assertThatThrownBy(() -> ActionDeletion.plan(wf, "reply", DeletionMode.ONLY, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InputProblem::pointer).containsExactly("/query/mode"));

        var plan = ActionDeletion.plan(wf, "reply", DeletionMode.ONLY, "silent");

        assertThat(plan.edited().firstActionId()).isEqualTo("silent");
        assertThat(plan.edited().actions()).containsExactly(set("silent", null));
        assertThat(plan.redirects()).isEqualTo(redirects("reply", "silent", "replied", null));
    }

    @Test
    void only_branchWhosePathsAllLeadToOnePlace_needsNoChoice() {
        var wf = workflow("which",
                new Action.ValueBranch("which", "lifecyclestage", List.of(new Action.ValueCase("lead", "x")), "x"),
                set("x", null));

        var plan = ActionDeletion.plan(wf, "which", DeletionMode.ONLY, null);

        assertThat(plan.edited().firstActionId()).isEqualTo("x");
        assertThat(plan.redirects()).isEqualTo(redirects("which", "x"));
    }

    @Test
    void keep_namingNoPathOfTheBranch_orGivenForAnotherAction_isRefusedAtKeep() {
        var wf = workflow("which", new Action.Branch("which", List.of(path("customer", "c")), "o"),
                set("c", null), set("o", null));

        assertThatThrownBy(() -> ActionDeletion.plan(wf, "which", DeletionMode.ONLY, "zz"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InputProblem::pointer).containsExactly("/query/keep"));
        assertThatThrownBy(() -> ActionDeletion.plan(wf, "c", DeletionMode.ONLY, "o"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InputProblem::pointer).containsExactly("/query/keep"));
        assertThatThrownBy(() -> ActionDeletion.plan(wf, "which", DeletionMode.BELOW, "c"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InputProblem::pointer).containsExactly("/query/keep"));
    }

    @Test
    void unknownAction_isNotFound_andSaysWhenItWasDeletedAlready() {
        assertThatThrownBy(() -> ActionDeletion.plan(line(), "zz", DeletionMode.ONLY, null))
                .isInstanceOf(NotFoundException.class).hasMessage("workflow 'wf' has no action 'zz'");
        var deleted = line().withRemovedActions(redirects("old", "a"));
        assertThatThrownBy(() -> ActionDeletion.plan(deleted, "old", DeletionMode.BELOW, null))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("deleted already");
    }

    @Test
    void mode_missingOrUnknown_isRefusedAtModeNamingBoth() {
        for (String raw : new String[] {null, "", "everything"}) {
            assertThatThrownBy(() -> DeletionMode.fromQuery(raw))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).singleElement()
                            .satisfies(p -> {
                                assertThat(p.pointer()).isEqualTo("/query/mode");
                                assertThat(p.message()).contains("mode=only", "mode=below");
                            }));
        }
        assertThat(DeletionMode.fromQuery("only")).isEqualTo(DeletionMode.ONLY);
        assertThat(DeletionMode.fromQuery("below")).isEqualTo(DeletionMode.BELOW);
    }
}
